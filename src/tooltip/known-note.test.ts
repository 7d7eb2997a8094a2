import { describe, expect, it } from 'vitest';
import { getMessage } from '../../test/support/i18n';
import { termsById } from '../glossary/data';
import type { GlossaryTerm } from '../glossary/schema';
import { translator } from '../i18n/translate';
import { knownNote } from './known-note';

const t = translator({ getMessage });
const dpia = termsById.get('dpia') as GlossaryTerm;

describe('what the tooltip says after a term is marked', () => {
  it('offers Undo after "I know this", saying where the highlights went', () => {
    const gone = knownNote(t, dpia, true, { problem: null, faint: false });
    const faint = knownNote(t, dpia, true, { problem: null, faint: true });
    expect(gone.undo).toBe(true);
    expect(faint.undo).toBe(true);
    expect(gone.text).toContain(dpia.term);
    expect(faint.text).toContain(dpia.term);
    expect(gone.text).not.toBe(faint.text);
  });

  it('says a term is new again without Undo', () => {
    const note = knownNote(t, dpia, false, { problem: null, faint: false });
    expect(note.text).toContain(dpia.term);
    expect(note.undo).toBeFalsy();
    expect(note.alert).toBeFalsy();
  });

  it('says why a mark was not stored, as an alert, and nothing else', () => {
    const note = knownNote(t, dpia, true, { problem: 'Sync storage is full.', faint: false });
    expect(note).toEqual({ text: 'Sync storage is full.', alert: true });
  });
});
