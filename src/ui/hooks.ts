import { useCallback, useEffect, useState } from 'preact/hooks';
import { grantedPatterns, onAccessChanged } from '../access/access';
import { store } from '../settings/extension-storage';
import type { Settings } from '../settings/settings';

/** The user's settings, live: null until read, then updated whenever any page changes them. */
export function useSettings(): [Settings | null, (change: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    store.loadSettings().then(setSettings, () => setSettings(null));
    return store.onSettingsChanged(setSettings);
  }, []);
  const save = useCallback((change: Partial<Settings>) => {
    setSettings((current) => (current ? { ...current, ...change } : current));
    void store.saveSettings(change);
  }, []);
  return [settings, save];
}

/** The site patterns the browser has granted, live. */
export function useGrantedPatterns(): string[] | null {
  const [granted, setGranted] = useState<string[] | null>(null);
  useEffect(() => {
    const refresh = () => void grantedPatterns().then(setGranted, () => setGranted([]));
    refresh();
    return onAccessChanged(refresh);
  }, []);
  return granted;
}
