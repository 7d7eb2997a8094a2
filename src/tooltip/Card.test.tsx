import { describe, expect, it, vi } from 'vitest';
import { getMessage } from '../../test/support/i18n';
import type { GlossaryTerm } from '../glossary/schema';
import { translator } from '../i18n/translate';
import { type CardProps, clearCard, renderCard } from './Card';

const t = translator({ getMessage });

const hostile: GlossaryTerm = {
  id: 'x',
  term: '<img src=x onerror=alert(1)>',
  definition: 'Bias <b>bold</b> & <script>alert(1)</script> stays text.',
  category: 'principles',
  related: [],
  forms: ['x'],
};
const fairness: GlossaryTerm = { ...hostile, id: 'fairness', term: 'Fairness' };

function renderTooltip(props: Partial<CardProps> = {}) {
  const root = document.createElement('div');
  const handlers = { onRelated: vi.fn(), onBack: vi.fn(), onLookUp: vi.fn(), onKnown: vi.fn() };
  renderCard(root, {
    term: hostile,
    related: [],
    id: 't',
    source: 'Ethical AI Practices',
    pinned: false,
    known: false,
    t,
    ...handlers,
    ...props,
  });
  const button = (text: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  return { root, handlers, button };
}

describe('tooltip card', () => {
  it('renders definitions as text, never as HTML', () => {
    const { root } = renderTooltip();
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(root.querySelector('.definition')?.textContent).toBe(hostile.definition);
    expect(root.querySelector('.name')?.textContent).toBe(hostile.term);
  });

  it('names the term, its abbreviation, its category and the course it comes from', () => {
    const { root } = renderTooltip({
      term: { ...hostile, term: 'Data Protection Impact Assessment', abbreviation: 'DPIA' },
    });
    expect(root.querySelector('[role="tooltip"]')?.id).toBe('t');
    expect(root.querySelector('.name')?.textContent).toBe(
      'Data Protection Impact Assessment (DPIA)',
    );
    expect(root.querySelector('.category')?.textContent).toBe('Principles');
    expect(root.querySelector('.source')?.textContent).toBe(
      'Source: the course “Ethical AI Practices”',
    );
  });

  it("shows the user's other definitions of the term after its own, each named, as text", () => {
    const team = { ...hostile, id: 'team/x', definition: 'Ours: <i>skew</i>.', glossary: 'Team' };
    const { root } = renderTooltip({ term: { ...hostile, also: [team] } });
    const definitions = [...root.querySelectorAll('.definition')].map((p) => p.textContent);
    expect(definitions).toEqual([hostile.definition, 'Ours: <i>skew</i>.']);
    expect(root.querySelector('.also-source')?.textContent).toBe('In your glossary “Team”:');
    expect(root.querySelector('i')).toBeNull();
  });

  it("names a glossary the user's organisation installed as theirs, not the user's", () => {
    const acme = { glossary: 'Acme', byOrganisation: true };
    const { root } = renderTooltip({
      term: { ...hostile, ...acme, also: [{ ...hostile, ...acme, id: 'org-acme/x' }] },
    });
    expect(root.querySelector('.also-source')?.textContent).toBe(
      'In your organisation’s glossary “Acme”:',
    );
    expect(root.querySelector('.source')?.textContent).toBe(
      'Source: your organisation’s glossary “Acme”',
    );
  });

  it('offers related terms, a way back and the glossary entry as buttons', () => {
    const previous = { ...hostile, id: 'bias', term: 'Bias' };
    const { handlers, button } = renderTooltip({ related: [fairness], previous });
    button('Fairness')?.click();
    expect(handlers.onRelated).toHaveBeenCalledWith(fairness);
    button('← Back to Bias')?.click();
    expect(handlers.onBack).toHaveBeenCalled();
    button('Look up in glossary')?.click();
    expect(handlers.onLookUp).toHaveBeenCalledWith(hostile);
  });

  it('is a dialog named by its term once pinned, since its buttons are then for use', () => {
    const { root } = renderTooltip({ pinned: true });
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('t-name');
    expect(root.querySelector('#t-name')?.textContent).toBe(hostile.term);
  });

  it('updates the card in place when it is pinned or shows another term', () => {
    const { root } = renderTooltip();
    const card = root.querySelector('.card');
    renderCard(root, {
      term: fairness,
      related: [],
      id: 'u',
      source: 's',
      pinned: true,
      known: false,
      t,
      onRelated: vi.fn(),
      onBack: vi.fn(),
      onLookUp: vi.fn(),
      onKnown: vi.fn(),
    });
    expect(root.querySelectorAll('.card')).toHaveLength(1);
    // Preact diffs: the same element, its role and name changed, the hover role's leftovers gone.
    expect(root.querySelector('.card')).toBe(card);
    expect(card?.getAttribute('role')).toBe('dialog');
    expect(card?.getAttribute('aria-labelledby')).toBe('u-name');
    expect(root.querySelector('.name')?.textContent).toBe('Fairness');
  });

  it('marks a term known, says so with an Undo, and marks a known one as not known', () => {
    const fresh = renderTooltip();
    fresh.button('I know this')?.click();
    expect(fresh.handlers.onKnown).toHaveBeenCalledWith(hostile, true);
    expect(fresh.root.querySelector('[role="status"]')?.textContent).toBe('');

    const marked = renderTooltip({
      known: true,
      note: { text: 'Marked as known.', undo: true },
    });
    // The mark is said where screen readers hear it; Undo replaces the button just pressed.
    expect(marked.root.querySelector('[role="status"]')?.textContent).toBe('Marked as known. Undo');
    expect(marked.button('Not known yet')).toBeUndefined();
    marked.button('Undo')?.click();
    expect(marked.handlers.onKnown).toHaveBeenCalledWith(hostile, false);

    const faint = renderTooltip({ known: true });
    faint.button('Not known yet')?.click();
    expect(faint.handlers.onKnown).toHaveBeenCalledWith(hostile, false);

    const refused = renderTooltip({ note: { text: 'The list is full.', alert: true } });
    expect(refused.root.querySelector('[role="alert"]')?.textContent).toBe('The list is full.');
    expect(refused.button('I know this')).toBeDefined();
  });

  it('leaves nothing behind when cleared', () => {
    const { root } = renderTooltip();
    clearCard(root);
    expect(root.childNodes).toHaveLength(0);
  });
});
