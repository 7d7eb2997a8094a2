import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../glossary/schema';
import { Tooltip } from './Tooltip';

const hostile: GlossaryTerm = {
  id: 'x',
  term: '<img src=x onerror=alert(1)>',
  definition: 'Bias <b>bold</b> & <script>alert(1)</script> stays text.',
  category: 'principles',
  related: [],
  forms: ['x'],
};

describe('tooltip content', () => {
  it('renders definitions as text, never as HTML', () => {
    const root = document.createElement('div');
    render(<Tooltip term={hostile} related={[]} id="t" />, root);
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(root.querySelector('.definition')?.textContent).toBe(hostile.definition);
    expect(root.querySelector('.name')?.textContent).toBe(hostile.term);
  });

  it('names the term, its abbreviation and its related terms, with role tooltip', () => {
    const root = document.createElement('div');
    const related = [{ ...hostile, id: 'y', term: 'Fairness' }];
    render(
      <Tooltip
        term={{ ...hostile, term: 'Data Protection Impact Assessment', abbreviation: 'DPIA' }}
        related={related}
        id="t"
      />,
      root,
    );
    expect(root.querySelector('[role="tooltip"]')?.id).toBe('t');
    expect(root.querySelector('.name')?.textContent).toBe(
      'Data Protection Impact Assessment (DPIA)',
    );
    expect(root.querySelector('.related')?.textContent).toBe('Related: Fairness');
  });
});
