// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ImportError, previewGlossary } from './read-file';

const preview = (name: string, text: string) =>
  previewGlossary(name, new TextEncoder().encode(text));

/** TBX-Basic as terminology tools export it (TBX 2008: martif, termEntry, langSet, tig). */
const TBX_2008 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader>
    <fileDesc><titleStmt><title>CRM terminology</title></titleStmt><sourceDesc><p>Exported</p></sourceDesc></fileDesc>
  </martifHeader>
  <text><body>
    <termEntry id="TE-001">
      <descrip type="subjectField">Customer analytics</descrip>
      <ref type="crossReference" target="TE-002">Net Promoter Score</ref>
      <langSet xml:lang="fr">
        <descrip type="definition">Part des clients perdus.</descrip>
        <tig><term>attrition</term></tig>
      </langSet>
      <langSet xml:lang="en">
        <descripGrp><descrip type="definition">The share of customers who stop buying in a period; &lt;b&gt;not&lt;/b&gt; markup.</descrip></descripGrp>
        <tig><term>Customer churn</term><termNote type="termType">fullForm</termNote></tig>
        <tig><term>churn rate</term><termNote type="termType">variant</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="TE-002">
      <langSet xml:lang="en">
        <descrip type="definition">How likely customers are to recommend us.</descrip>
        <ntig><termGrp><term>Net Promoter Score</term></termGrp></ntig>
        <tig><term>NPS</term><termNote type="termType">acronym</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="TE-003">
      <langSet xml:lang="en"><tig><term>Upsell</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>`;

/** The same data categories in TBX 2019 (tbx, conceptEntry, langSec, termSec). */
const TBX_2019 = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>Sales words</title></titleStmt></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en">
        <descrip type="definition">Selling more to a customer who already buys.</descrip>
        <termSec><term>Upselling</term><termNote type="termType">fullForm</termNote></termSec>
        <termSec><term>upsell</term></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;

describe('a TBX glossary, as terminology tools export it', () => {
  it('reads TBX-Basic: definitions, subject fields, abbreviations, variants, cross-references', () => {
    const p = preview('export.tbx', TBX_2008);
    expect(p.format).toBe('tbx');
    expect(p.name).toBe('CRM terminology');
    expect(p.terms).toEqual([
      {
        id: 'te-001',
        term: 'Customer churn',
        definition: 'The share of customers who stop buying in a period; <b>not</b> markup.',
        forms: ['Customer churn', 'churn rate'],
        category: 'Customer analytics',
        related: ['te-002'],
        everyday: false,
      },
      {
        id: 'te-002',
        term: 'Net Promoter Score',
        definition: 'How likely customers are to recommend us.',
        abbreviation: 'NPS',
        forms: ['Net Promoter Score', 'NPS'],
        related: [],
        everyday: false,
      },
    ]);
    // English is read from a file of two languages, and the entry without a definition is named.
    expect(p.notes).toEqual(['The file has 2 languages; the terms in en are read.']);
    expect(p.problems.map((x) => `${x.where}: ${x.message}`)).toEqual([
      'Entry 3: the definition is empty',
    ]);
  });

  it('reads TBX 2019 (conceptEntry, langSec, termSec) the same way', () => {
    const p = preview('sales.xml', TBX_2019);
    expect(p.name).toBe('Sales words');
    expect(p.terms.map((t) => [t.id, t.term, t.forms, t.definition])).toEqual([
      ['c1', 'Upselling', ['Upselling', 'upsell'], 'Selling more to a customer who already buys.'],
    ]);
  });

  it('refuses broken XML and XML that is not TBX, each with a sentence', () => {
    expect(() => preview('x.tbx', '<martif><text><body><termEntry>')).toThrow(ImportError);
    expect(() => preview('x.tbx', '<martif><text><body><termEntry>')).toThrow(
      /^This TBX file cannot be read as XML/,
    );
    expect(() => preview('x.xml', '<svg xmlns="http://www.w3.org/2000/svg"/>')).toThrow(
      'This XML file is not TBX: its root element is <svg>, not <martif> or <tbx>.',
    );
  });
});
