import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../test/support/memory-storage';
import { dayOf } from '../progress/known';
import { createPageStorage } from './page-storage';
import { createStorage, SaveError } from './storage';

describe('settings in the browser’s storage', () => {
  it('reads a fresh install as: no site read until chosen, each term once, underlined', async () => {
    const { api, storage } = memoryStorage();
    const settings = await createPageStorage(api).loadSettings();
    expect(settings.siteAccess).toBe('click');
    expect(settings.density).toBe('first');
    expect(settings.everydayWords).toBe('topic');
    expect(settings.highlightStyle).toBe('underline');
    // Reading writes nothing: defaults are not stored until the user changes something.
    expect(storage.sync.set).not.toHaveBeenCalled();
  });

  it('reads what the user stored', async () => {
    const { api } = memoryStorage({ density: 'every', enabled: false, pausedSites: ['a.org'] });
    const settings = await createPageStorage(api).loadSettings();
    expect(settings).toMatchObject({ density: 'every', enabled: false, pausedSites: ['a.org'] });
  });

  it('repairs a corrupt value, keeps the rest, and remembers which to tell the user', async () => {
    const { api, storage } = memoryStorage({ density: 'some', highlightStyle: 'background' });
    const store = createPageStorage(api);
    const settings = await store.loadSettings();
    expect(settings.density).toBe('first');
    expect(settings.highlightStyle).toBe('background');
    expect(storage.sync.data).toEqual({
      density: 'first',
      highlightStyle: 'background',
      settingsVersion: 1,
    });
    expect((await store.loadLocalState()).repairedSettings).toEqual(['density']);
    // Read again: nothing left to repair, and the notice still waits for the user.
    await store.loadSettings();
    expect(storage.sync.set).toHaveBeenCalledTimes(1);
    expect((await store.loadLocalState()).repairedSettings).toEqual(['density']);
  });

  it('drops an unreadable paused site alone, keeps the rest, and names it for the user', async () => {
    const { api, storage } = memoryStorage({ pausedSites: ['a.org', 'a..b', 'Example.com.'] });
    const store = createPageStorage(api);
    expect((await store.loadSettings()).pausedSites).toEqual(['a.org', 'example.com']);
    expect(storage.sync.data.pausedSites).toEqual(['a.org', 'example.com']);
    expect(await store.loadLocalState()).toMatchObject({
      repairedSettings: [],
      droppedSites: ['a..b'],
    });
  });

  it('repairs nothing where it runs in pages (content scripts): it reads, and writes nothing', async () => {
    const { api, storage } = memoryStorage({ density: 'some', pausedSites: ['a..b', 'a.org'] });
    const settings = await createStorage(api, { repair: false }).loadSettings();
    expect(settings.density).toBe('first');
    expect(settings.pausedSites).toEqual(['a.org']);
    expect(storage.sync.set).not.toHaveBeenCalled();
    expect(storage.local.set).not.toHaveBeenCalled();
  });

  it("leaves a newer version's settings as they are, and saves without relabelling them", async () => {
    const newer = { settingsVersion: 2, density: 'some-new-density', futureSetting: 1 };
    const { api, storage } = memoryStorage({ ...newer });
    const store = createPageStorage(api);
    expect((await store.loadSettings()).density).toBe('first');
    expect(storage.sync.set).not.toHaveBeenCalled();
    await store.saveSettings({ badge: false });
    expect(storage.sync.data).toEqual({ ...newer, badge: false });
  });

  it('stores a checked change with its version, and refuses an unchecked one untouched', async () => {
    const { api, storage } = memoryStorage({ pausedSites: ['a.org'] });
    const store = createPageStorage(api);
    await store.saveSettings({ pausedSites: ['a.org', 'b.org'] });
    expect(storage.sync.data).toEqual({ pausedSites: ['a.org', 'b.org'], settingsVersion: 1 });
    const huge = Array.from({ length: 600 }, (_, i) => `site-${i}.example.org`);
    await expect(store.saveSettings({ pausedSites: huge })).rejects.toMatchObject({
      problem: 'too-many-sites',
    });
    expect(storage.sync.data.pausedSites).toEqual(['a.org', 'b.org']);
  });

  it('says why the browser refused a write (quota, write rate, reload)', async () => {
    const { api, storage } = memoryStorage();
    const store = createPageStorage(api);
    for (const [message, problem] of [
      ['QUOTA_BYTES quota exceeded', 'storage-full'],
      ['MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'too-fast'],
      ['Extension context invalidated.', 'reloaded'],
    ]) {
      storage.sync.set.mockRejectedValueOnce(new Error(message));
      const failed = store.saveSettings({ badge: false });
      await expect(failed).rejects.toBeInstanceOf(SaveError);
      await expect(failed).rejects.toMatchObject({ problem });
    }
    expect(storage.sync.data).toEqual({});
  });

  it('still reads when the repair cannot be written', async () => {
    const { api, storage } = memoryStorage({ density: 'some', badge: false });
    storage.sync.set.mockRejectedValueOnce(
      new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const settings = await createPageStorage(api).loadSettings();
    expect(settings).toMatchObject({ density: 'first', badge: false });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('known terms in the browser’s storage', () => {
  const today = dayOf(new Date(2026, 11, 6));

  it('marks terms known and not known again, keeping the day each was marked', async () => {
    const { api, storage } = memoryStorage({ density: 'every' });
    const store = createPageStorage(api);
    await store.markKnown(['bias', 'dpia'], true, today);
    await store.markKnown(['bias'], true, today + 1);
    expect([...(await store.loadKnown())]).toEqual([
      ['bias', today],
      ['dpia', today],
    ]);
    await store.markKnown(['bias'], false);
    expect([...(await store.loadKnown()).keys()]).toEqual(['dpia']);
    await store.markKnown(['dpia'], false);
    // Nothing known: no item left behind, and the settings untouched.
    expect(storage.sync.data).toEqual({ density: 'every' });
  });

  it('repairs an unreadable record alone and remembers it for the user', async () => {
    const { api, storage } = memoryStorage({ 'known.0': { bias: today, fairness: -1 } });
    const store = createPageStorage(api);
    expect([...(await store.loadKnown()).keys()]).toEqual(['bias']);
    expect(storage.sync.data).toEqual({ 'known.0': { bias: today } });
    expect((await store.loadLocalState()).droppedProgress).toEqual(['fairness: -1']);
  });

  it('reads, and never writes, where it may not repair (a content script)', async () => {
    const { api, storage } = memoryStorage({ 'known.0': { bias: today, fairness: -1 } });
    expect([...(await createStorage(api, { repair: false }).loadKnown()).keys()]).toEqual(['bias']);
    expect(storage.sync.set).not.toHaveBeenCalled();
  });

  it('refuses a list past its share of synced storage, and changes nothing', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => `imported/a-rather-long-term-${i}`);
    const { api, storage } = memoryStorage();
    const store = createPageStorage(api);
    const error = await store.markKnown(many, true, today).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaveError);
    expect((error as SaveError).problem).toBe('too-many-known');
    expect(storage.sync.data).toEqual({});
  });

  it('says why the browser refused a mark', async () => {
    const { api, storage } = memoryStorage();
    storage.sync.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const error = await createPageStorage(api)
      .markKnown(['bias'], true, today)
      .catch((e: unknown) => e);
    expect((error as SaveError).problem).toBe('storage-full');
    expect(storage.sync.data).toEqual({});
  });
});

describe('terms met while reading, on this device', () => {
  const today = dayOf(new Date(2026, 11, 6));
  const place = { title: 'An article', url: 'https://news.example/ai', day: today };

  it('counts a met term locally, and where only when asked to', async () => {
    const { api, storage } = memoryStorage();
    const store = createPageStorage(api);
    await store.markMet('bias', null, today);
    await store.markMet('bias', place, today + 1);
    const { met, places } = await store.loadMet();
    expect(met.get('bias')).toEqual({ count: 2, first: today, last: today + 1 });
    expect(places.get('bias')).toEqual([place]);
    expect(storage.sync.set).not.toHaveBeenCalled();
  });

  it('repairs an unreadable met record alone and says so', async () => {
    const { api, storage } = memoryStorage({}, { met: { bias: [1, today, today], dpia: 'x' } });
    const store = createPageStorage(api);
    expect([...(await store.loadMet()).met.keys()]).toEqual(['bias']);
    expect(storage.local.data.met).toEqual({ bias: [1, today, today] });
    expect((await store.loadLocalState()).droppedProgress).toEqual(['dpia: "x"']);
  });
});

describe('the glossaries a user imports', () => {
  const term = (id: string, definition = 'A definition.') => ({
    id,
    term: id,
    definition,
    forms: [id],
    related: [],
    everyday: false,
  });

  it('stores a glossary and its place in the list in one write, and pages read it while it is on', async () => {
    const { api, storage } = memoryStorage();
    const store = createPageStorage(api);
    const entry = await store.addGlossary('CRM team', [term('churn'), term('upsell')]);
    expect(entry).toMatchObject({ id: 'crm-team', name: 'CRM team', enabled: true, terms: 2 });
    expect(storage.local.set).toHaveBeenCalledTimes(1);
    const page = createStorage(api, { repair: false });
    expect(await page.loadGlossaries()).toEqual([
      { id: 'crm-team', name: 'CRM team', terms: [term('churn'), term('upsell')] },
    ]);

    await store.setGlossaryEnabled('crm-team', false);
    expect(await page.loadGlossaries()).toEqual([]);
    expect(await store.loadGlossaryIndex()).toEqual([{ ...entry, enabled: false }]);

    await store.deleteGlossary('crm-team');
    expect(storage.local.data).toEqual({ glossaries: [] });
  });

  it('renames a glossary, and replaces its terms keeping its id, name and switch', async () => {
    const { api, storage } = memoryStorage();
    const store = createPageStorage(api);
    await store.addGlossary('CRM team', [term('churn'), term('upsell')]);
    await store.setGlossaryEnabled('crm-team', false);
    await store.renameGlossary('crm-team', '  Sales words ');
    await expect(store.renameGlossary('crm-team', '   ')).rejects.toMatchObject({
      problem: 'invalid',
    });
    await expect(store.renameGlossary('crm-team', 'x'.repeat(101))).rejects.toMatchObject({
      problem: 'invalid',
    });
    const next = await store.replaceGlossary('crm-team', [term('churn', 'New.'), term('nps')]);
    expect(next).toMatchObject({ id: 'crm-team', name: 'Sales words', enabled: false, terms: 2 });
    expect(await store.loadGlossaryIndex()).toEqual([next]);
    expect(await store.loadGlossaryTerms('crm-team')).toEqual([term('churn', 'New.'), term('nps')]);
    expect(Object.keys(storage.local.data)).toEqual(['glossary:crm-team', 'glossaries']);
    await expect(store.replaceGlossary('gone', [term('x')])).rejects.toMatchObject({
      problem: 'invalid',
    });
  });

  it("stores the organisation's glossaries, writes again only on a change, and lets no one delete them", async () => {
    const { api, storage } = memoryStorage();
    const store = createPageStorage(api);
    await store.addGlossary('Mine', [term('churn')]);
    const policy = {
      glossaries: [{ name: 'Acme', terms: [{ term: 'Upsell', definition: 'More.' }] }],
    };
    expect(await store.applyManagedPolicy(policy)).toEqual([]);
    expect((await store.loadGlossaryIndex()).map((e) => [e.id, e.managed ?? false])).toEqual([
      ['org-acme', true],
      ['mine', false],
    ]);
    const page = createStorage(api, { repair: false });
    expect((await page.loadGlossaries()).map((g) => g.terms.map((t) => t.term))).toEqual([
      ['Upsell'],
      ['churn'],
    ]);
    const writes = storage.local.set.mock.calls.length;
    await store.applyManagedPolicy(policy);
    expect(storage.local.set.mock.calls.length).toBe(writes);
    for (const change of [
      store.deleteGlossary('org-acme'),
      store.renameGlossary('org-acme', 'Other'),
      store.replaceGlossary('org-acme', [term('x')]),
    ]) {
      await expect(change).rejects.toMatchObject({ problem: 'invalid' });
    }
    await store.setGlossaryEnabled('org-acme', false);
    await store.applyManagedPolicy(undefined);
    expect(Object.keys(storage.local.data).sort()).toEqual(['glossaries', 'glossary:mine']);
  });

  it('keeps every change made at the same moment: two imports, the policy, a deletion of everything', async () => {
    const { api, storage } = memoryStorage();
    // Two options pages over one storage (in a browser, Web Locks reach across the pages).
    const [one, other] = [createPageStorage(api), createPageStorage(api)];
    const policy = {
      glossaries: [{ name: 'Acme', terms: [{ term: 'Upsell', definition: 'More.' }] }],
    };
    await Promise.all([
      one.addGlossary('CRM team', [term('churn')]),
      other.addGlossary('Sales', [term('upsell')]),
      one.applyManagedPolicy(policy),
    ]);
    expect((await one.loadGlossaryIndex()).map((e) => e.id).sort()).toEqual([
      'crm-team',
      'org-acme',
      'sales',
    ]);
    // Everything deleted while a glossary is being imported: the import is not written back.
    const importing = one.addGlossary('Late', [term('nps')]);
    const deleting = other.deleteStoredData();
    await Promise.all([importing, deleting]);
    expect(storage.local.data).toEqual({});
  });

  it('refuses a glossary that would pass its share of the device storage, storing nothing', async () => {
    const { api, storage } = memoryStorage();
    const store = createPageStorage(api);
    const huge = Array.from({ length: 5_000 }, (_, i) => term(`t${i}`, 'x'.repeat(2_000)));
    await expect(store.addGlossary('Huge', huge)).rejects.toMatchObject({
      problem: 'no-room-for-glossary',
    });
    expect(storage.local.set).not.toHaveBeenCalled();
  });

  it('drops an unreadable entry of the list alone, and says so', async () => {
    const good = { id: 'crm', name: 'CRM', enabled: true, added: 20_000, terms: 1 };
    const { api } = memoryStorage(
      {},
      {
        glossaries: [good, { name: 'Broken' }],
        'glossary:crm': { terms: [term('churn')] },
      },
    );
    const store = createPageStorage(api);
    expect(await store.loadGlossaryIndex()).toEqual([good]);
    expect((await store.loadLocalState()).droppedProgress).toEqual(['a glossary (Broken)']);
  });
});
