import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { grantedPatterns, onAccessChanged } from '../access/access';
import { t } from '../i18n/i18n';
import type { UserGlossary } from '../import/library';
import type { SaveRequest } from '../messages/saves';
import { saveInBackground } from '../progress/in-background';
import type { ReviewState } from '../review/cards';
import { store } from '../settings/extension-storage';
import type { MetTerms } from '../settings/page-storage';
import type { Settings } from '../settings/settings';
import { saveProblemText } from './save-problem';

/**
 * Changes what is stored about the reader (their progress, or deleting it all) from a page of
 * ours, through the background, in turn with every tab (progress/writes.ts).
 */
export const saveInTurn = (request: SaveRequest) =>
  saveInBackground((message) => browser.runtime.sendMessage(message), request);

/** Stores a change; resolves with null once stored, or with why it was not. */
export type SaveSettings = (change: Partial<Settings>) => Promise<string | null>;

/**
 * The user's settings, live: null until read, then updated whenever any page changes them.
 * A change shows once it is stored; when the browser refuses it, the controls go back to what
 * is stored and `problem` says why (empty when there is nothing to say).
 */
export function useSettings(): [Settings | null, SaveSettings, string] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    store.loadSettings().then(setSettings, () => setSettings(null));
    return store.onSettingsChanged(setSettings);
  }, []);
  const save = useCallback<SaveSettings>(async (change) => {
    try {
      await store.saveSettings(change);
      setProblem('');
      setSettings((current) => (current ? { ...current, ...change } : current));
      return null;
    } catch (error) {
      const text = saveProblemText(error, t);
      setProblem(text);
      // A new object renders again from what is stored: a checkbox the user ticked unticks.
      setSettings((current) => (current ? { ...current } : current));
      return text;
    }
  }, []);
  return [settings, save, problem];
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

/** Marks terms known (true) or not; resolves with null once stored, or with why it was not. */
export type MarkKnown = (termIds: readonly string[], known: boolean) => Promise<string | null>;

/**
 * The terms the user knows, live (null until read), and how to mark them; a refused mark
 * leaves the list as stored and `problem` says why.
 */
export function useKnown(): [ReadonlyMap<string, number> | null, MarkKnown, string] {
  const [known, setKnown] = useState<ReadonlyMap<string, number> | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    store.loadKnown().then(setKnown, () => setKnown(new Map()));
    return store.onKnownChanged(setKnown);
  }, []);
  const mark = useCallback<MarkKnown>(async (termIds, isKnown) => {
    try {
      await saveInTurn({ type: 'mark-known', termIds, known: isKnown });
      setProblem('');
      setKnown(await store.loadKnown());
      return null;
    } catch (error) {
      const text = saveProblemText(error, t);
      setProblem(text);
      return text;
    }
  }, []);
  return [known, mark, problem];
}

/** The terms met while reading, and where when the user keeps that; live, null until read. */
export function useMet(): MetTerms | null {
  const [met, setMet] = useState<MetTerms | null>(null);
  useEffect(() => {
    store.loadMet().then(setMet, () => setMet({ met: new Map(), places: new Map() }));
    return store.onMetChanged(setMet);
  }, []);
  return met;
}

/** The review cards on this device, live; null until read. */
export function useReview(): ReviewState | null {
  const [review, setReview] = useState<ReviewState | null>(null);
  useEffect(() => {
    store.loadReview().then(setReview, () => setReview({ cards: new Map(), day: 0, newToday: 0 }));
    return store.onReviewChanged(setReview);
  }, []);
  return review;
}

/** The user's glossaries that are switched on, live: null until read, empty when unreadable. */
export function useUserGlossaries(): readonly UserGlossary[] | null {
  const [glossaries, setGlossaries] = useState<readonly UserGlossary[] | null>(null);
  useEffect(() => {
    store.loadGlossaries().then(setGlossaries, () => setGlossaries([]));
    return store.onGlossariesChanged(setGlossaries);
  }, []);
  return glossaries;
}
