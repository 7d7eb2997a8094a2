import { useEffect, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, saveSettings } from '../settings/storage';

/** The one setting this release has: highlight terms on pages, or not. */
export function HighlightSwitch() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    loadSettings().then(
      (s) => setEnabled(s.enabled),
      () => setEnabled(true),
    );
    return onSettingsChanged((s) => setEnabled(s.enabled));
  }, []);
  return (
    <label class="switch">
      <input
        type="checkbox"
        checked={enabled ?? false}
        disabled={enabled === null}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          setEnabled(next);
          void saveSettings({ enabled: next });
        }}
      />
      <span>Highlight terms on pages</span>
    </label>
  );
}
