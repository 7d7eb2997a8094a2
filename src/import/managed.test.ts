// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from './library';
import { applyManaged } from './managed';

const own: GlossaryEntry = { id: 'mine', name: 'Mine', enabled: true, added: 20_000, terms: 2 };
const policy = {
  glossaries: [
    {
      name: 'Acme CRM',
      terms: [
        { term: 'Churn', definition: 'Customers who leave.', forms: ['churn rate'] },
        { term: 'Upsell', definition: '' },
      ],
    },
  ],
};

describe('the glossaries an organisation installs', () => {
  it('become managed glossaries before the user’s own, with each bad term named', () => {
    const { entries, terms, problems } = applyManaged(policy, [own], 20_100);
    expect(entries).toEqual([
      {
        id: 'org-acme-crm',
        name: 'Acme CRM',
        enabled: true,
        added: 20_100,
        terms: 1,
        managed: true,
      },
      own,
    ]);
    expect(terms.get('org-acme-crm')?.map((t) => [t.id, t.forms])).toEqual([
      ['churn', ['Churn', 'churn rate']],
    ]);
    expect(problems).toEqual(['Acme CRM, Term 2: the definition is empty']);
  });

  it('keeps the user’s switch and first day when the policy changes, and drops what it no longer lists', () => {
    const first = applyManaged(policy, [own], 20_100).entries;
    const switchedOff = first.map((e) => (e.managed ? { ...e, enabled: false } : e));
    const again = applyManaged(policy, switchedOff, 20_200).entries;
    expect(again[0]).toMatchObject({ enabled: false, added: 20_100 });
    expect(applyManaged({}, switchedOff, 20_200).entries).toEqual([own]);
    expect(applyManaged(undefined, switchedOff, 20_200).entries).toEqual([own]);
  });

  it('says what of a malformed policy cannot be used, and uses the rest', () => {
    expect(applyManaged({ glossaries: 'all' }, [own], 1).problems).toEqual([
      '"glossaries" must be a list of glossaries; nothing of it is used.',
    ]);
    const { entries, problems } = applyManaged(
      {
        glossaries: [
          null,
          { name: 'Empty', terms: [] },
          { terms: [{ term: 'A b', definition: 'C.' }] },
        ],
      },
      [],
      1,
    );
    expect(entries.map((e) => [e.id, e.name])).toEqual([['org-glossary-3', 'Glossary 3']]);
    expect(problems).toEqual([
      'Glossary 1: no term can be used, and the glossary is left out.',
      'Empty: no term can be used, and the glossary is left out.',
    ]);
  });
});
