import { beforeEach, describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { createMatcher } from '../match/matcher';
import { createSegmentScan } from './scan';

const matcher = createMatcher(glossary.terms);
const every = () => true;

beforeEach(() => {
  document.body.replaceChildren();
});

/** Runs a scan one short slice at a time, calling `between` after each slice. */
function inSlices(root: Node, between: (slice: number) => void = () => undefined): string[] {
  const scan = createSegmentScan(root, matcher, every);
  const texts: string[] = [];
  for (let slice = 0; slice < 1000; slice++) {
    const { segments, done } = scan.run(() => false);
    texts.push(...segments.map((s) => s.text));
    if (done) return texts;
    between(slice);
  }
  throw new Error('the scan never finished');
}

describe('segment scan', () => {
  const paragraphs = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p id="p${i}">Paragraph ${i} on privacy.</p>`).join('');

  it('finds the same runs in many short slices as in one', () => {
    document.body.innerHTML = paragraphs(300);
    const whole = createSegmentScan(document.body, matcher, every).run(every).segments;
    expect(whole.map((s) => s.text)).toHaveLength(100); // one call hands back at most 100 runs
    expect(inSlices(document.body)).toEqual(
      Array.from({ length: 300 }, (_, i) => `Paragraph ${i} on privacy.`),
    );
  });

  it('goes on with the rest of the page when the page removes where a slice stopped', () => {
    document.body.innerHTML = `<main>${paragraphs(300)}</main>`;
    const found = inSlices(document.body, (slice) => {
      // Remove a stretch of paragraphs around where the scan is, as a page re-rendering would.
      if (slice === 0) for (let i = 60; i < 90; i++) document.querySelector(`#p${i}`)?.remove();
    });
    expect(found).toContain('Paragraph 299 on privacy.');
    expect(found).not.toContain('Paragraph 80 on privacy.');
  });

  it('skips text whose terms are not wanted without looking closer', () => {
    document.body.innerHTML = '<p>fairness</p><p>privacy</p>';
    const segments = createSegmentScan(document.body, matcher, (id) => id !== 'fairness').run(
      every,
    );
    expect(segments.segments.map((s) => s.text)).toEqual(['privacy']);
  });
});
