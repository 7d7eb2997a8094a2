import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { finish } from '../../test/support/timers';
import type { UserMatchTerm } from '../glossary/user-terms';
import type { Highlighter } from '../highlight/highlighter';
import { createPageHighlighter, prepareMatcher } from './page-highlighter';

const made: Highlighter[] = [];
const highlighter = (everydayWords: 'topic' | 'always' = 'topic') => {
  const h = createPageHighlighter({ density: 'first', everydayWords });
  made.push(h);
  return h;
};
const marked = () =>
  [...document.querySelectorAll('[data-glossary-term]')].map((m) => m.textContent);

beforeEach(() => {
  // The highlighter's batching and slices run on timers: the tests move the clock.
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => {
  for (const h of made.splice(0)) {
    h.clear();
  }
  vi.useRealTimers();
});

const RECIPE = `<article><h1>Lemon tart</h1><p>No bias toward butter: fairness to every cook,
  transparency about sugar.</p><p>Bake for 30 minutes.</p></article>
  <footer><p>Privacy policy</p></footer>`;

describe("everyday words on pages in the course's domain and not", () => {
  it("leaves everyday words alone on a page outside the course's domain", () => {
    document.body.innerHTML = RECIPE;
    highlighter().highlight(document.body);
    expect(marked()).toEqual([]);
  });

  it("does not count what the page's scripts say about AI", () => {
    document.body.innerHTML = `${RECIPE}<script type="application/json">{"tags":
      ["AI", "machine learning", "AI governance", "LLM", "deep learning"]}</script>`;
    highlighter().highlight(document.body);
    expect(marked()).toEqual([]);
  });

  it('highlights them on a page about AI, in the domain, with the specialist terms', () => {
    document.body.innerHTML = `<p>Machine learning teams write AI ethics guidelines.</p>
      <p>Bias and privacy come first; a DPIA follows, then AI governance.</p>`;
    highlighter().highlight(document.body);
    expect(marked()).toEqual(['AI ethics guidelines', 'Bias', 'privacy', 'DPIA', 'AI governance']);
  });

  it('highlights specialist terms everywhere, everyday words only when asked', () => {
    document.body.innerHTML = `${RECIPE}<p>A data protection impact assessment (DPIA) for the shop.</p>`;
    highlighter().highlight(document.body);
    expect(marked()).toEqual(['data protection impact assessment (DPIA)']);
    made.pop()?.clear();
    highlighter('always').highlight(document.body);
    expect(marked()).toEqual([
      'bias',
      'fairness',
      'transparency',
      'Privacy',
      'data protection impact assessment (DPIA)',
    ]);
  });

  it('shows everyday words once a page that started blank turns out to be in the course’s domain', async () => {
    document.body.innerHTML = '<main><p>Loading… fairness first.</p></main>';
    const h = highlighter();
    await finish(h.highlightSoon(document.body));
    expect(marked()).toEqual([]);
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.textContent = `Reply ${i}: machine learning needs AI governance and privacy.`;
      document.querySelector('main')?.append(p);
      await vi.advanceTimersByTimeAsync(120);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(h.inDomain).toBe(true);
    expect(marked()).toEqual(['fairness', 'AI governance', 'privacy']);
  });

  it('leaves a word alone on a page that uses it in another sense, in either setting', () => {
    const BITFIT = `<p>Machine learning: BitFit fine-tunes only the bias terms of a neural network.</p>
      <p>Bias parameters are few; updating biases is cheap.</p><p>AI models get privacy too.</p>`;
    for (const everydayWords of ['topic', 'always'] as const) {
      document.body.innerHTML = BITFIT;
      highlighter(everydayWords).highlight(document.body);
      expect(marked()).toEqual(['AI', 'privacy']);
      made.pop()?.clear();
    }
  });

  it('highlights the word in the course sense beside a phrase in another one', () => {
    document.body.innerHTML = `<p>Machine learning models inherit bias from data; an inductive
      bias is something else. AI governance asks who answers for the bias of an AI model.</p>`;
    highlighter().highlight(document.body);
    expect(marked()).toEqual(['bias', 'AI governance', 'AI']);
  });

  it('shows everyday words in shadow roots too when the page turns out to be in the course’s domain', async () => {
    document.body.innerHTML = '<main><p>Loading…</p></main><my-card></my-card>';
    const shadow = (document.querySelector('my-card') as HTMLElement).attachShadow({
      mode: 'open',
    });
    shadow.innerHTML = '<p>Inside: privacy.</p>';
    const h = highlighter();
    await finish(h.highlightSoon(document.body));
    await vi.advanceTimersByTimeAsync(50);
    expect(shadow.querySelectorAll('[data-glossary-term]').length).toBe(0);
    const p = document.createElement('p');
    p.textContent = 'Machine learning, AI governance and an LLM.';
    document.querySelector('main')?.append(p);
    await vi.advanceTimersByTimeAsync(300);
    expect(h.inDomain).toBe(true);
    expect([...shadow.querySelectorAll('[data-glossary-term]')].map((m) => m.textContent)).toEqual([
      'privacy',
    ]);
  });

  it('reads text the page changed while the topic was being decided afresh', async () => {
    // Long enough to take several slices, so the page can change text between two of them.
    const rest = '<p>Machine learning and AI governance.</p>'.repeat(3000);
    document.body.innerHTML = `<p id="early">Bias matters.</p>${rest}`;
    const h = highlighter();
    const done = h.highlightSoon(document.body);
    await vi.advanceTimersByTimeAsync(0); // the first slice has read #early
    (document.querySelector('#early')?.firstChild as Text).data = 'Privacy matters.';
    await finish(done);
    await vi.advanceTimersByTimeAsync(150);
    expect(document.querySelector('#early')?.textContent).toBe('Privacy matters.');
    expect(marked()).toEqual(['Privacy', 'AI governance']);
    // 3,000 paragraphs in jsdom: seconds on a busy machine.
  }, 20_000);
});

/** A page's highlighter with the user's `extra` terms, made as a page with glossaries has it. */
const withUserTerms = (extra: UserMatchTerm[], courseTerms = true) => {
  const h = createPageHighlighter(
    { density: 'first', everydayWords: 'topic', courseTerms },
    undefined,
    undefined,
    undefined,
    extra,
  );
  made.push(h);
  return h;
};

describe("the user's own terms", () => {
  it("highlights a term of the user's that the course counts as another sense of a word", () => {
    document.body.innerHTML = `<p>Machine learning models carry an inductive bias.</p>
      <p>Bias in hiring is another matter.</p>`;
    withUserTerms([
      { id: 'ml/inductive-bias', forms: ['inductive bias'], everyday: false },
    ]).highlight(document.body);
    expect(
      [...document.querySelectorAll('[data-glossary-term="ml/inductive-bias"]')].map(
        (m) => m.textContent,
      ),
    ).toEqual(['inductive bias']);
  });
});

describe("a large glossary of the user's", () => {
  /** 2,000 terms: the trie engine, built ahead in slices. */
  const many = (): UserMatchTerm[] =>
    Array.from({ length: 2_000 }, (_, i) => ({
      id: `big/term-${i}`,
      forms: [`widget ${i} index`],
      everyday: false,
    }));
  const page = '<p>Bias and AI ethics meet the widget 1999 index and widget 7 index.</p>';
  const userMarks = () =>
    [...document.querySelectorAll('[data-glossary-term^="big/"]')].map((m) => m.textContent);

  it('is matched after being built ahead a slice at a time, as if built at once', async () => {
    document.body.innerHTML = page;
    const terms = many();
    let slices = 0;
    // Each slice stops at its first look at the clock.
    await prepareMatcher(terms, async (step) => {
      for (slices = 1; !step(() => false); slices++) {}
    });
    expect(slices).toBeGreaterThan(10);
    withUserTerms(terms).highlight(document.body);
    expect(userMarks()).toEqual(['widget 1999 index', 'widget 7 index']);
  });

  it('is built by the highlighter itself when the slices stopped before the end', async () => {
    document.body.innerHTML = page;
    const terms = many();
    await prepareMatcher(terms, async (step) => {
      step(() => false);
    });
    withUserTerms(terms).highlight(document.body);
    expect(userMarks()).toEqual(['widget 1999 index', 'widget 7 index']);
  });
});

describe("the course's glossary switched off", () => {
  it("highlights only the user's terms, the course's still telling what the page is about", () => {
    document.body.innerHTML = `<p>Machine learning teams write AI ethics guidelines.</p>
      <p>Bias and privacy come first; a DPIA follows, and then the churn.</p>`;
    withUserTerms([{ id: 'crm/churn', forms: ['churn'], everyday: true }], false).highlight(
      document.body,
    );
    // "churn" is an everyday word here: highlighted because the course's terms make this page
    // one about AI, though none of them is highlighted.
    expect(marked()).toEqual(['churn']);
  });
});
