import { GLOSSARY_NAME_MAX, type GlossaryEntry, MANAGED_PREFIX, slug } from './library';
import { checkRows, type ImportedTerm, type RawRow } from './rows';

/**
 * The glossaries an organisation installs for everyone through the browser's policies
 * (storage.managed: Chrome's `3rdparty` policy, Firefox's policies.json), made into the same
 * stored glossaries as a user's import, with the same checks: a bad term is left out alone and
 * named, never the whole glossary. Pure: the background reads the policy and stores the result.
 *
 * The policy's shape (glossary/managed-schema.json):
 * `{ "glossaries": [{ "name": "CRM team", "terms": [{ "term": ..., "definition": ... }] }] }`.
 */

export interface ManagedGlossaries {
  /** The list of glossaries: the managed ones first, then the user's own as they were. */
  readonly entries: GlossaryEntry[];
  /** The terms of each managed glossary, by glossary id. */
  readonly terms: ReadonlyMap<string, readonly ImportedTerm[]>;
  /** What could not be used, in plain words, for the administrator reading the console. */
  readonly problems: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * `policy` (what storage.managed holds; undefined when there is none) applied to the stored
 * list `current`: managed glossaries added, changed or taken away, each keeping whether the
 * user switched it off; the user's own untouched. `today` dates a new one.
 */
export function applyManaged(
  policy: unknown,
  current: readonly GlossaryEntry[],
  today: number,
): ManagedGlossaries {
  const problems: string[] = [];
  const listed = isObject(policy) ? policy.glossaries : undefined;
  if (listed !== undefined && !Array.isArray(listed)) {
    problems.push('"glossaries" must be a list of glossaries; nothing of it is used.');
  }
  const before = new Map(current.filter((e) => e.managed).map((e) => [e.id, e]));
  const entries: GlossaryEntry[] = [];
  const terms = new Map<string, readonly ImportedTerm[]>();
  (Array.isArray(listed) ? listed : []).forEach((item: unknown, i) => {
    const raw = isObject(item) ? item : {};
    const named = typeof raw.name === 'string' ? raw.name.trim().slice(0, GLOSSARY_NAME_MAX) : '';
    const name = named || `Glossary ${i + 1}`;
    const rows = Array.isArray(raw.terms) ? raw.terms : [];
    const checked = checkRows(
      rows.map((r: unknown) => (isObject(r) ? (r as RawRow) : {})),
      (index) => `Term ${index + 1}`,
    );
    for (const p of checked.problems) {
      problems.push(`${name}, ${p.where}: ${p.message}`);
    }
    if (!checked.terms.length) {
      problems.push(`${name}: no term can be used, and the glossary is left out.`);
      return;
    }
    const stem = `${MANAGED_PREFIX}${slug(name, 40) || 'glossary'}`;
    let id = stem;
    for (let n = 2; terms.has(id); n++) {
      id = `${stem}-${n}`;
    }
    const old = before.get(id);
    entries.push({
      id,
      name,
      enabled: old?.enabled ?? true,
      added: old?.added ?? today,
      terms: checked.terms.length,
      managed: true,
    });
    terms.set(id, checked.terms);
  });
  return { entries: [...entries, ...current.filter((e) => !e.managed)], terms, problems };
}
