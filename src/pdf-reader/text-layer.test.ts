import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { createHighlighter } from '../highlight/highlighter';
import { withLineEndHyphens } from '../match/line-end-hyphens';
import { createMatcher } from '../match/matcher';
import { linesAsText } from './text-layer';

/** A text layer as pdf.js draws it: a span a line, each line ended by a `<br>`. */
function textLayer(lines: string[]): HTMLElement {
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  for (const line of lines) {
    const span = document.createElement('span');
    span.textContent = line;
    layer.append(span, document.createElement('br'));
  }
  document.body.append(layer);
  return layer;
}

const matcher = createMatcher(glossary.terms);

describe("the PDF reader's text layer", () => {
  it('keeps every line break as text, so the text and its copy read the same', () => {
    const layer = textLayer(['sound data', 'governance']);
    linesAsText(layer);
    expect(layer.querySelector('br')).toBeNull();
    expect(layer.textContent).toBe('sound data\ngovernance\n');
    layer.remove();
  });

  it('finds a word hyphenated at the end of a line, leaving its text as it was', () => {
    const layer = textLayer(['algorithmic fair-', 'ness, model ex-', 'plainability']);
    linesAsText(layer);
    const before = layer.textContent;
    createHighlighter(withLineEndHyphens(matcher), { density: 'every' }).highlight(layer);
    const marked = (id: string) =>
      [...layer.querySelectorAll(`[data-glossary-term="${id}"]`)]
        .map((m) => m.textContent)
        .join('');
    expect(marked('fairness')).toBe('fair-\nness');
    expect(marked('model-explainability')).toBe('model ex-\nplainability');
    expect(layer.textContent).toBe(before);
    layer.remove();
  });

  it('lets a term broken over two lines be found', () => {
    const split = textLayer(['sound data', 'governance, checked']);
    createHighlighter(matcher, { density: 'every' }).highlight(split);
    expect(split.querySelector('[data-glossary-term="data-governance"]')).toBeNull();
    split.remove();

    const joined = textLayer(['sound data', 'governance, checked']);
    linesAsText(joined);
    createHighlighter(matcher, { density: 'every' }).highlight(joined);
    const marks = [...joined.querySelectorAll('[data-glossary-term="data-governance"]')];
    expect(marks.map((m) => m.textContent).join('')).toBe('data\ngovernance');
    joined.remove();
  });
});
