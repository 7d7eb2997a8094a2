import {
  GLOSSARIES_KEY,
  GLOSSARY_BUDGET_BYTES,
  GLOSSARY_NAME_MAX,
  type GlossaryEntry,
  glossaryKey,
  newGlossaryId,
  readIndex,
  readTerms,
  storedBytes,
} from '../import/library';
import { applyManaged } from '../import/managed';
import type { ImportedTerm } from '../import/rows';
import { turns } from '../progress/in-turn';
import { dayOf } from '../progress/known';
import { problemOfError } from './settings';
import { type createStorage, SaveError, type StorageApi, whenChanged } from './storage';

/** The lock every change to the list of glossaries holds, in every page and the background. */
const GLOSSARIES_LOCK = 'eaig-glossaries';

const inThisContext = turns();

/**
 * Runs `change` alone among the changes to the glossaries of every options page, glossary page
 * and the background: each reads the list and writes it back whole, and two at once (an import
 * in two tabs, the organisation's policy arriving during one, everything deleted during one)
 * would lose one's change. The browser's Web Locks reach across them all; where there are
 * none, a queue of this context's.
 */
export function aloneWithGlossaries<R>(change: () => Promise<R>): Promise<R> {
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(GLOSSARIES_LOCK, change) : inThisContext(change);
}

/**
 * The user's own glossaries and those their organisation installs, as the extension's pages
 * and background keep them in storage.local: the list (`glossaries`) and each one's terms
 * (`glossary:<id>`), every change checked first and written in as few writes as it takes, so
 * a failure leaves what was there. Part of the pages' storage (page-storage.ts).
 */
export function createGlossaryStorage(
  storage: StorageApi,
  noteLost: ReturnType<typeof createStorage>['noteLost'],
) {
  /** The list as stored; an unreadable entry dropped alone, and said. Inside the lock only. */
  async function readGlossaryIndex(): Promise<GlossaryEntry[]> {
    const stored = await storage.local.get(GLOSSARIES_KEY);
    const { entries, dropped } = readIndex(stored[GLOSSARIES_KEY]);
    if (dropped.length) {
      try {
        await storage.local.set({ [GLOSSARIES_KEY]: entries });
        await noteLost({ droppedProgress: dropped });
      } catch (error) {
        console.warn('Ethical AI Glossary: the list of glossaries could not be repaired:', error);
      }
    }
    return entries;
  }

  /** The user's own glossaries, switched on or off; an unreadable entry dropped alone, and said. */
  async function loadGlossaryIndex(): Promise<GlossaryEntry[]> {
    const stored = await storage.local.get(GLOSSARIES_KEY);
    const { entries, dropped } = readIndex(stored[GLOSSARIES_KEY]);
    // Only a repair writes: it takes the lock, and reads again there.
    return dropped.length ? aloneWithGlossaries(readGlossaryIndex) : entries;
  }

  function onGlossaryIndexChanged(listener: (entries: GlossaryEntry[]) => void): () => void {
    return whenChanged(
      storage,
      'local',
      (changes) => GLOSSARIES_KEY in changes,
      loadGlossaryIndex,
      listener,
    );
  }

  /** The user's own glossary `id` in `entries`: one the organisation installed is not theirs to change. */
  function ownEntry(entries: readonly GlossaryEntry[], id: string): GlossaryEntry {
    const entry = entries.find((e) => e.id === id);
    if (!entry || entry.managed) {
      throw new SaveError('invalid');
    }
    return entry;
  }

  /** Writes the list of glossaries; a refusal is said as the SaveError it is. */
  async function writeIndex(entries: readonly GlossaryEntry[]): Promise<void> {
    try {
      await storage.local.set({ [GLOSSARIES_KEY]: entries });
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
  }

  /**
   * Stores `terms` as glossary `entry` with the list `entries` in one write, so a failure
   * stores neither; terms that would pass the glossaries' budget are refused first.
   */
  async function writeGlossary(
    entry: GlossaryEntry,
    terms: readonly ImportedTerm[],
    entries: readonly GlossaryEntry[],
  ): Promise<void> {
    const data = { terms };
    const others = await storage.local.get(
      entries.filter((e) => e.id !== entry.id).map((e) => glossaryKey(e.id)),
    );
    if (storedBytes(others) + storedBytes(data) > GLOSSARY_BUDGET_BYTES) {
      throw new SaveError('no-room-for-glossary');
    }
    try {
      await storage.local.set({ [glossaryKey(entry.id)]: data, [GLOSSARIES_KEY]: entries });
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
  }

  /** Stores a new glossary, switched on; resolves with its entry. */
  function addGlossary(name: string, terms: readonly ImportedTerm[]): Promise<GlossaryEntry> {
    return aloneWithGlossaries(async () => {
      const entries = await readGlossaryIndex();
      const entry: GlossaryEntry = {
        id: newGlossaryId(name, new Set(entries.map((e) => e.id))),
        name,
        enabled: true,
        added: dayOf(new Date()),
        terms: terms.length,
      };
      await writeGlossary(entry, terms, [...entries, entry]);
      return entry;
    });
  }

  /**
   * Puts a new version's terms in place of a glossary's, keeping its id, name and switch: the
   * user's progress, kept by term id, goes on for every term whose id stays.
   */
  function replaceGlossary(id: string, terms: readonly ImportedTerm[]): Promise<GlossaryEntry> {
    return aloneWithGlossaries(async () => {
      const entries = await readGlossaryIndex();
      const entry: GlossaryEntry = { ...ownEntry(entries, id), terms: terms.length };
      await writeGlossary(
        entry,
        terms,
        entries.map((e) => (e.id === id ? entry : e)),
      );
      return entry;
    });
  }

  /** One glossary's stored terms, switched on or not (to export it, or to compare a new version). */
  async function loadGlossaryTerms(id: string): Promise<ImportedTerm[]> {
    const entry = (await loadGlossaryIndex()).find((e) => e.id === id);
    const stored = await storage.local.get(glossaryKey(id));
    return entry ? readTerms(stored[glossaryKey(id)], entry.name).terms : [];
  }

  /** Names a glossary anew (1 to 100 characters); its tooltips say the new name at once. */
  async function renameGlossary(id: string, name: string): Promise<void> {
    const clean = name.trim();
    if (!clean || clean.length > GLOSSARY_NAME_MAX) {
      throw new SaveError('invalid');
    }
    return aloneWithGlossaries(async () => {
      const entries = await readGlossaryIndex();
      ownEntry(entries, id);
      await writeIndex(entries.map((e) => (e.id === id ? { ...e, name: clean } : e)));
    });
  }

  /** Switches a glossary on or off on every open page. */
  function setGlossaryEnabled(id: string, enabled: boolean): Promise<void> {
    return aloneWithGlossaries(async () => {
      const entries = await readGlossaryIndex();
      await writeIndex(entries.map((e) => (e.id === id ? { ...e, enabled } : e)));
    });
  }

  /** Removes a glossary: first from the list (pages let go of it), then its terms. */
  function deleteGlossary(id: string): Promise<void> {
    return aloneWithGlossaries(async () => {
      const entries = await readGlossaryIndex();
      ownEntry(entries, id);
      await writeIndex(entries.filter((e) => e.id !== id));
      try {
        await storage.local.remove(glossaryKey(id));
      } catch (error) {
        throw new SaveError(problemOfError(error), error);
      }
    });
  }

  /**
   * Brings the glossaries the organisation installs (`policy`, what storage.managed holds) into
   * the list: added, changed or taken away, written only where something changed, so open
   * pages are not redone for nothing. Resolves with what of the policy could not be used.
   */
  function applyManagedPolicy(policy: unknown): Promise<string[]> {
    return aloneWithGlossaries(() => applyPolicy(policy));
  }

  async function applyPolicy(policy: unknown): Promise<string[]> {
    const entries = await readGlossaryIndex();
    const next = applyManaged(policy, entries, dayOf(new Date()));
    const ids = [...next.terms.keys()];
    const stored = await storage.local.get(ids.map(glossaryKey));
    const changes: Record<string, unknown> = {};
    for (const [id, terms] of next.terms) {
      const value = { terms };
      if (JSON.stringify(stored[glossaryKey(id)]) !== JSON.stringify(value)) {
        changes[glossaryKey(id)] = value;
      }
    }
    if (JSON.stringify(next.entries) !== JSON.stringify(entries)) {
      changes[GLOSSARIES_KEY] = next.entries;
    }
    const gone = entries.filter((e) => e.managed && !next.terms.has(e.id));
    try {
      if (Object.keys(changes).length) {
        await storage.local.set(changes);
      }
      if (gone.length) {
        await storage.local.remove(gone.map((e) => glossaryKey(e.id)));
      }
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
    return next.problems;
  }

  return {
    loadGlossaryIndex,
    onGlossaryIndexChanged,
    addGlossary,
    applyManagedPolicy,
    replaceGlossary,
    loadGlossaryTerms,
    renameGlossary,
    setGlossaryEnabled,
    deleteGlossary,
  };
}
