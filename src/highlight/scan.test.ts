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
function inSlices(
  root: Node,
  between: (slice: number, found: readonly string[]) => void = () => undefined,
): string[] {
  const scan = createSegmentScan(root, matcher, every);
  const texts: string[] = [];
  for (let slice = 0; slice < 1000; slice++) {
    const { segments, done } = scan.run(() => false);
    texts.push(...segments.map((s) => s.text));
    if (done) {
      return texts;
    }
    between(slice, texts);
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
    let removed: string[] = [];
    const found = inSlices(document.body, (slice, texts) => {
      if (slice !== 0) {
        return;
      }
      // Remove the paragraphs where the scan stopped and after, as a page re-rendering would.
      const next = texts.length;
      removed = Array.from({ length: 30 }, (_, k) => `Paragraph ${next + k} on privacy.`);
      for (let i = next; i < next + 30; i++) {
        document.querySelector(`#p${i}`)?.remove();
      }
    });
    expect(removed).toHaveLength(30);
    expect(found).toContain('Paragraph 299 on privacy.');
    expect(found.filter((text) => removed.includes(text))).toEqual([]);
  });

  it('finds a term split by markup where one slice stops and the next goes on', () => {
    // 511 nodes of filler, then a drop cap: the 512th node, where a slice looks at the clock.
    const filler = Array.from({ length: 511 }, () => '<span>x </span>').join('');
    document.body.innerHTML = `<p>${filler}<b>B</b>ias</p>`;
    const texts = inSlices(document.body);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/x Bias$/);
  });

  it('skips text whose terms are not wanted without looking closer', () => {
    document.body.innerHTML = '<p>fairness</p><p>privacy</p>';
    const segments = createSegmentScan(document.body, matcher, (id) => id !== 'fairness').run(
      every,
    );
    expect(segments.segments.map((s) => s.text)).toEqual(['privacy']);
  });

  it('finds terms where the page joins text from separate blocks, and none inside words', () => {
    // Read as one string, these cells run together ("2024bias", "AI" + "governance").
    document.body.innerHTML =
      '<table><tr><td>2024</td><td>bias</td></tr></table><p>AI</p><p>governance</p>' +
      '<p>unbiased SAID tAI</p>';
    const texts = inSlices(document.body);
    expect(texts).toEqual(['bias', 'AI']);
  });

  it('reads what the page put in place of text it removed ahead of the scan', () => {
    document.body.innerHTML = `${paragraphs(170)}<p>Nothing.</p><p id="plain">Nothing to see.</p>${paragraphs(130)}`;
    const found = inSlices(document.body, (slice) => {
      if (slice !== 0) {
        return;
      }
      // No term was read there: only the changed text tells the scan to read that part again.
      const plain = document.querySelector('#plain') as HTMLElement;
      plain.replaceChildren('Replaced by a note on model explainability.');
    });
    expect(found).toContain('Replaced by a note on model explainability.');
    expect(found.filter((t) => t === 'Paragraph 129 on privacy.')).toHaveLength(2);
  });

  it('reads the text again when the page changed it between two slices', () => {
    document.body.innerHTML = paragraphs(300);
    const found = inSlices(document.body, (slice) => {
      if (slice !== 0) {
        return;
      }
      // Text ahead of the scan grows and changes: what it said before must not mislead it.
      const later = document.querySelector('#p200') as HTMLElement;
      later.textContent = 'A much longer paragraph 200, now about fairness instead.';
      (document.querySelector('#p250') as HTMLElement).append(' And model explainability.');
    });
    expect(found).toContain('A much longer paragraph 200, now about fairness instead.');
    expect(found).toContain('Paragraph 250 on privacy. And model explainability.');
    expect(found).toContain('Paragraph 299 on privacy.');
    expect(found.filter((t) => t === 'Paragraph 200 on privacy.')).toEqual([]);
  });
});
