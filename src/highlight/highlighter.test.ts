import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { finish } from '../../test/support/timers';
import { glossary } from '../glossary/data';
import { createMatcher } from '../match/matcher';
import { createHighlighter, type HighlighterOptions } from './highlighter';
import { removeLeftoverHighlights, TERM_ATTRIBUTE } from './wrap';

const matcher = createMatcher(glossary.terms);

/** Every text node under the body with its data, to compare a page before and after. */
function textNodes(root: Node = document.body): Array<[Text, string]> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Array<[Text, string]> = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push([n as Text, (n as Text).data]);
  }
  return out;
}

const marked = () =>
  [...document.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((m) => [
    m.textContent,
    m.getAttribute(TERM_ATTRIBUTE),
  ]);

/** Every highlighter a test makes, cleared after it: a live one watches the shared document. */
const made: Array<ReturnType<typeof createHighlighter>> = [];
function newHighlighter(options?: HighlighterOptions) {
  const h = createHighlighter(matcher, options);
  made.push(h);
  return h;
}

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

describe('highlighter', () => {
  it('marks terms in ordinary paragraphs without changing the text', () => {
    document.body.innerHTML = '<p>Bias and fairness shape AI governance.</p>';
    const before = document.body.textContent;
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([
      ['Bias', 'bias'],
      ['fairness', 'fairness'],
      ['AI governance', 'ai-governance'],
    ]);
    expect(document.body.textContent).toBe(before);
  });

  it('finds the terms of text not on the page, and says which the page would still show', () => {
    const h = newHighlighter({ density: 'first', known: new Set(['privacy']) });
    document.body.innerHTML = '<p>Responsible AI needs a DPIA.</p>';
    h.highlight(document.body);
    expect(h.termsIn('A DPIA on privacy, another DPIA, and responsible AI.')).toEqual([
      'dpia',
      'privacy',
      'responsible-ai',
    ]);
    // Shown once already with the first-occurrence density, still a term of the page; a known
    // one never.
    expect(h.allows('dpia')).toBe(true);
    expect(h.allows('privacy')).toBe(false);
  });

  it('keeps the term a highlight was made for when the page rewrites its attribute', () => {
    document.body.innerHTML = '<p>Bias and fairness shape AI governance.</p>';
    const h = newHighlighter();
    h.highlight(document.body);
    const bias = document.querySelector(`[${TERM_ATTRIBUTE}="bias"]`) as HTMLElement;
    bias.setAttribute(TERM_ATTRIBUTE, 'privacy');
    expect(h.termOf(bias)).toBe('bias');
    expect(h.marks.map((m) => h.termOf(m))).toEqual(['bias', 'fairness', 'ai-governance']);
    // A page element that only looks like a highlight is not one.
    const forged = document.createElement('eaig-term');
    forged.setAttribute(TERM_ATTRIBUTE, 'bias');
    document.body.append(forged);
    expect(h.termOf(forged)).toBeNull();
  });

  it('follows a term across inline markup as one term', () => {
    document.body.innerHTML = '<p>An AI <em>governance</em> framework helps.</p>';
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([
      ['AI ', 'ai-governance-framework'],
      ['governance', 'ai-governance-framework'],
      [' framework', 'ai-governance-framework'],
    ]);
  });

  it("follows a term across the comments a server render puts between a framework's texts", () => {
    // React's server render of `AI {rest}`: hydration keeps the comment between the two texts.
    document.body.innerHTML = '<p>An AI <!-- -->governance<!-- --> framework helps.</p>';
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([
      ['AI ', 'ai-governance-framework'],
      ['governance', 'ai-governance-framework'],
      [' framework', 'ai-governance-framework'],
    ]);
    // The comments stay where they were: hydration looks for them.
    expect(document.querySelector('p')?.innerHTML.match(/<!-- -->/g)).toHaveLength(2);
  });

  it('never joins text of separate blocks into a term', () => {
    document.body.innerHTML =
      '<ul><li>data</li><li>governance</li></ul><div>AI<p>x</p>governance</div><p>AI<br>governance</p>';
    newHighlighter().highlight(document.body);
    expect(marked().map(([, id]) => id)).toEqual([
      'artificial-intelligence',
      'artificial-intelligence',
    ]);
  });

  it('skips code, form fields, editable, hidden regions, headings and existing marks', () => {
    document.body.innerHTML = `
      <script>var bias = 1;</script><style>.bias{}</style>
      <code>bias</code><pre>fairness</pre>
      <textarea>privacy</textarea><input value="transparency"><select><option>ethics</option></select>
      <div contenteditable="true"><p>accountability</p></div>
      <div hidden>robustness</div><span aria-hidden="true">interpretability</span>
      <mark>data ethics</mark><h2>Responsible AI</h2>
      <p>Only privacy here.</p>`;
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([['privacy', 'privacy']]);
  });

  it('never highlights inside links, buttons, navigation or headings', () => {
    document.body.innerHTML = `
      <nav><p>Privacy</p></nav><div role="navigation">ethics</div>
      <p><a href="/x">bias</a> and <span role="link">fairness</span> and
      <span role="button">robustness</span> and <button>compliance</button></p>
      <div role="heading">transparency</div>
      <p>Plain accountability.</p>`;
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([['accountability', 'accountability']]);
  });

  it('honours the page contract and skips rich editors', () => {
    document.body.innerHTML = `
      <p translate="no">bias</p><p class="intro notranslate">bias</p><div data-glossary="off"><p>bias</p></div>
      <div role="textbox">fairness</div><div class="cm-editor"><div>fairness</div></div>
      <div class="CodeMirror">ethics</div><div class="monaco-editor">ethics</div>
      <div class="ProseMirror">privacy</div><div class="kix-appview-editor">privacy</div>
      <canvas>transparency</canvas>
      <astro-island ssr client="visible"><p>robustness</p></astro-island>
      <astro-island><p data-glossary="on">Here accountability counts.</p></astro-island>`;
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([['accountability', 'accountability']]);
  });

  it('leaves the text the user is selecting alone', () => {
    document.body.innerHTML = '<p id="a">bias here</p><p id="b">fairness there</p>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#a') as Element);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([['fairness', 'fairness']]);
    document.getSelection()?.removeAllRanges();
  });

  it('leaves alone text the user selects after the first pass', () => {
    document.body.innerHTML = '<p>bias here</p>';
    const h = newHighlighter();
    h.highlight(document.body);
    const added = document.createElement('p');
    added.textContent = 'fairness there';
    document.body.append(added);
    const range = document.createRange();
    range.selectNodeContents(added);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    // The browser announces every selection change; the highlighter asks again only then.
    document.dispatchEvent(new Event('selectionchange'));
    h.highlight(added);
    expect(marked()).toEqual([['bias', 'bias']]);
    document.getSelection()?.removeAllRanges();
  });

  it('gives the page back its own text nodes exactly on clear', () => {
    document.body.innerHTML =
      '<p>Bias and fairness in AI <em>governance</em> framework, and <mark>bias</mark> marks.</p>';
    // Two adjacent text nodes the page made on purpose must stay two.
    document.body.querySelector('p')?.append('Privacy ', 'and transparency.');
    const before = textNodes();
    const html = document.body.innerHTML;
    const h = newHighlighter();
    expect(h.highlight(document.body)).toBeGreaterThan(4);
    expect(document.body.innerHTML).not.toBe(html);
    h.clear();
    expect(document.body.innerHTML).toBe(html);
    const after = textNodes();
    expect(after.length).toBe(before.length);
    after.forEach(([node, data], i) => {
      expect(node).toBe(before[i]?.[0]);
      expect(data).toBe(before[i]?.[1]);
    });
    expect(h.marks).toHaveLength(0);
  });

  it('takes a newly known term off the page, giving its text back to the page’s own nodes', async () => {
    document.body.innerHTML =
      '<p id="a">Bias matters.</p><p id="b">Fairness and bias, with DPIA.</p>';
    const before = textNodes();
    const h = newHighlighter({ density: 'every' });
    await finish(h.highlightSoon(document.body));
    expect(marked().map(([, id]) => id)).toEqual(['bias', 'fairness', 'bias', 'dpia']);

    h.setKnown(new Set(['bias']));
    expect(marked().map(([, id]) => id)).toEqual(['fairness', 'dpia']);
    // The first paragraph had only that term: it is the page's one text node again, whole.
    const first = document.getElementById('a')?.childNodes;
    expect(first).toHaveLength(1);
    expect(first?.[0]).toBe(before[0]?.[0]);
    expect(first?.[0]?.textContent).toBe('Bias matters.');
    // Text the page adds later keeps it off too.
    document.body.insertAdjacentHTML('beforeend', '<p>More bias and privacy.</p>');
    await vi.advanceTimersByTimeAsync(150);
    await finish(Promise.resolve());
    expect(marked().map(([, id]) => id)).toEqual(['fairness', 'dpia', 'privacy']);

    // Known no more (Undo): it is looked for again, everywhere.
    h.setKnown(new Set());
    await finish(Promise.resolve());
    expect(
      marked()
        .map(([, id]) => id)
        .sort(),
    ).toEqual(['bias', 'bias', 'bias', 'dpia', 'fairness', 'privacy'].sort());
    h.clear();
    const after = textNodes();
    expect(after.slice(0, before.length).map(([n, d]) => [n, d])).toEqual(before);
  });

  it('draws known terms faintly when asked to keep them', async () => {
    document.body.innerHTML = '<p>Bias and fairness.</p>';
    const h = newHighlighter({ known: new Set(['bias']), knownLook: 'faint' });
    await finish(h.highlightSoon(document.body));
    const known = () =>
      [...document.querySelectorAll('[data-glossary-known]')].map((m) => m.textContent);
    expect(known()).toEqual(['Bias']);
    h.setKnown(new Set(['fairness']));
    expect(known()).toEqual(['fairness']);
    expect(marked()).toHaveLength(2);
  });

  it('never highlights a term known when the page is read', () => {
    document.body.innerHTML = '<p>Bias and fairness.</p>';
    const h = newHighlighter({ known: new Set(['bias']) });
    h.highlight(document.body);
    expect(marked()).toEqual([['fairness', 'fairness']]);
  });

  it('cleans up highlights a lost run left behind, giving back the same nodes', () => {
    document.body.innerHTML = '<p>Bias, fairness and AI <em>governance</em> framework.</p>';
    document.body.querySelector('p')?.append('Privacy ', 'first.');
    const before = textNodes();
    const html = document.body.innerHTML;
    newHighlighter().highlight(document.body); // and then its records are lost
    expect(removeLeftoverHighlights(document.body)).toBeGreaterThan(3);
    expect(document.body.innerHTML).toBe(html);
    const after = textNodes();
    expect(after.map(([n]) => n)).toEqual(before.map(([n]) => n));
    expect(after.map(([, d]) => d)).toEqual(before.map(([, d]) => d));
  });

  describe('when the page itself changes text it rendered', () => {
    const tick = () => vi.advanceTimersByTimeAsync(0);

    it('drops highlights cut from a text node the page rewrites (React, Vue)', async () => {
      document.body.innerHTML = '<p id="a">Bias and fairness matter.</p><p id="b">Privacy too.</p>';
      const pageNode = document.querySelector('#a')?.firstChild as Text;
      const h = newHighlighter();
      h.highlight(document.body);
      await tick();
      expect(marked()).toHaveLength(3); // our own wrapping is not mistaken for the page's
      pageNode.data = 'Now the text is about robustness.';
      await tick();
      expect(document.querySelector('#a')?.textContent).toBe('Now the text is about robustness.');
      expect(marked()).toEqual([['Privacy', 'privacy']]);
      h.clear();
      expect(document.body.innerHTML).toBe(
        '<p id="a">Now the text is about robustness.</p><p id="b">Privacy too.</p>',
      );
    });

    it('drops the highlights of many rewritten nodes in one pass, not one pass a node', async () => {
      document.body.innerHTML = Array.from(
        { length: 300 },
        (_, i) => `<p id="p${i}">Bias and fairness, item ${i}.</p>`,
      ).join('');
      const pageNodes = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
      const changes = vi.fn();
      const h = newHighlighter({ density: 'every', onMarksChanged: changes });
      h.highlight(document.body);
      await tick();
      expect(h.marks).toHaveLength(600);
      changes.mockClear();
      // One task rewrites every node (a framework re-rendering a list).
      pageNodes.forEach((node, i) => {
        node.data = `Rewritten item ${i}.`;
      });
      await tick();
      expect(h.marks).toHaveLength(0);
      expect(document.querySelector('#p299')?.textContent).toBe('Rewritten item 299.');
      // What follows a drop (recounting the terms shown, telling the page's listeners) ran once.
      expect(changes).toHaveBeenCalledTimes(1);
    });

    it('drops highlights cut from a text node the page removes', async () => {
      document.body.innerHTML = '<p id="a"><b>Keep</b> bias here</p>';
      const p = document.querySelector('#a') as HTMLElement;
      const pageNode = p.lastChild as Text;
      newHighlighter().highlight(document.body);
      p.removeChild(pageNode); // still a child: the page's node was never moved
      await tick();
      expect(p.innerHTML).toBe('<b>Keep</b>');
    });

    it('highlights text the page adds or rewrites, shortly after', async () => {
      document.body.innerHTML = '<main><p id="a">Bias first.</p></main>';
      const pageNode = document.querySelector('#a')?.firstChild as Text;
      const h = newHighlighter();
      h.highlight(document.body);
      const added = document.createElement('p');
      added.textContent = 'A later reply about data ethics.';
      document.querySelector('main')?.append(added);
      pageNode.data = 'Now about transparency.';
      await vi.advanceTimersByTimeAsync(150);
      expect(marked()).toEqual([
        ['transparency', 'transparency'],
        ['data ethics', 'data-ethics'],
      ]);
      h.clear();
      expect(document.body.innerHTML).toBe(
        '<main><p id="a">Now about transparency.</p><p>A later reply about data ethics.</p></main>',
      );
    });

    it('forgets highlights the page removed with a whole subtree', async () => {
      document.body.innerHTML = '<main><p>Bias here.</p><p>Fairness there.</p></main>';
      const h = newHighlighter();
      h.highlight(document.body);
      expect(h.marks).toHaveLength(2);
      document.querySelector('main p')?.remove();
      // A moved paragraph is not removed: it keeps its highlight.
      const second = document.querySelector('main p') as HTMLElement;
      document.body.append(second);
      await vi.advanceTimersByTimeAsync(150);
      expect(h.marks.map((m) => m.textContent)).toEqual(['Fairness']);
    });

    it('lets the page insert before and after the nodes it knows', async () => {
      document.body.innerHTML = '<ul><li id="x">Fairness first</li></ul>';
      const li = document.querySelector('#x') as HTMLElement;
      newHighlighter().highlight(document.body);
      li.parentElement?.insertBefore(document.createElement('li'), li);
      li.parentElement?.append(document.createElement('li'));
      await tick();
      expect(marked()).toEqual([['Fairness', 'fairness']]);
      expect(li.textContent).toBe('Fairness first');
    });
  });

  it('does not mark its own highlights twice', () => {
    document.body.innerHTML = '<p>privacy</p>';
    const h = newHighlighter();
    h.highlight(document.body);
    expect(h.highlight(document.body)).toBe(0);
    expect(marked()).toHaveLength(1);
  });

  it('reads a drop cap and its word as one term', () => {
    document.body.innerHTML =
      '<p><span class="dropcap">B</span>ias in data.</p><p>Data <strong>governance</strong> matters.</p>';
    newHighlighter().highlight(document.body);
    expect(marked()).toEqual([
      ['B', 'bias'],
      ['ias', 'bias'],
      ['Data ', 'data-governance'],
      ['governance', 'data-governance'],
    ]);
  });

  it('highlights only the first occurrence of each term in the calm density', async () => {
    document.body.innerHTML =
      '<p id="a">Bias and bias again.</p><p>More bias, and fairness.</p><main></main>';
    const h = newHighlighter({ density: 'first' });
    h.highlight(document.body);
    expect(marked()).toEqual([
      ['Bias', 'bias'],
      ['fairness', 'fairness'],
    ]);
    // Text added later shows only terms the page has not shown yet.
    const added = document.createElement('p');
    added.textContent = 'Fairness and privacy, later.';
    document.querySelector('main')?.append(added);
    await vi.advanceTimersByTimeAsync(150);
    expect(marked().map(([, id]) => id)).toEqual(['bias', 'fairness', 'privacy']);
  });

  it('leaves text the page adds inside an editor alone', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>Draft</p></div>';
    newHighlighter().highlight(document.body);
    const added = document.createElement('p');
    added.textContent = 'bias typed by the user';
    document.querySelector('[contenteditable]')?.append(added);
    await vi.advanceTimersByTimeAsync(150);
    expect(marked()).toEqual([]);
  });

  it('highlights a page in slices with the same result as at once', async () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `<p>Paragraph ${i} on <em>AI</em> governance, bias and data ethics.</p>`,
    ).join('');
    document.body.innerHTML = paragraphs;
    const h = newHighlighter();
    const atOnce = h.highlight(document.body);
    const atOnceMarks = marked();
    h.clear();
    expect(marked()).toEqual([]);
    const sliced = newHighlighter();
    expect(await finish(sliced.highlightSoon(document.body))).toBe(atOnce);
    expect(marked()).toEqual(atOnceMarks);
    expect(atOnce).toBe(400 * 4);
    // 1,600 highlights twice over in jsdom: seconds on a busy machine.
  }, 20_000);

  it('stops a pass in slices when highlighting is switched off', async () => {
    document.body.innerHTML = Array.from({ length: 400 }, () => '<p>privacy</p>').join('');
    const html = document.body.innerHTML;
    const h = newHighlighter();
    const done = h.highlightSoon(document.body);
    h.clear();
    await done;
    await vi.advanceTimersByTimeAsync(50);
    expect(document.body.innerHTML).toBe(html);
  });

  it('goes on with the rest of the page when one run cannot be changed', () => {
    document.body.innerHTML = '<p id="locked">bias here</p><p>fairness there</p>';
    const locked = document.querySelector('#locked')?.firstChild as Text;
    // A page can make its own nodes refuse changes; our wrapping then fails for that run only.
    Object.defineProperty(locked, 'splitText', {
      value: () => {
        throw new Error('locked');
      },
    });
    const html = document.body.innerHTML;
    const h = newHighlighter();
    h.highlight(document.body);
    expect(marked()).toEqual([['fairness', 'fairness']]);
    h.clear();
    expect(document.body.innerHTML).toBe(html);
  });

  describe('inside open shadow roots', () => {
    const shadowMarks = (root: ShadowRoot) =>
      [...root.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((m) => m.textContent);

    it('highlights text a web component renders in its shadow root, and watches it', async () => {
      document.body.innerHTML = '<p>Outside: data ethics.</p><my-card></my-card>';
      const host = document.querySelector('my-card') as HTMLElement;
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>Inside: bias mitigation and privacy.</p>';
      const pageNode = shadow.querySelector('p')?.firstChild as Text;
      const styled: ShadowRoot[] = [];
      const h = createHighlighter(matcher, { onShadowRoot: (r) => styled.push(r) });
      made.push(h);
      await finish(h.highlightSoon(document.body));
      await vi.advanceTimersByTimeAsync(50);
      expect(marked()).toEqual([['data ethics', 'data-ethics']]);
      expect(shadowMarks(shadow)).toEqual(['bias mitigation', 'privacy']);
      expect(styled).toEqual([shadow]);
      // The component re-renders its own text node, as Lit does: our cut-off parts go.
      pageNode.data = 'Inside: robustness now.';
      await vi.advanceTimersByTimeAsync(150);
      expect(shadow.querySelector('p')?.textContent).toBe('Inside: robustness now.');
      h.clear();
      expect(shadow.innerHTML).toBe('<p>Inside: robustness now.</p>');
    });

    it('finds a shadow root attached after the page was read, when asked to look again', async () => {
      document.body.innerHTML = '<p>Outside: data ethics.</p><late-card></late-card>';
      const h = newHighlighter();
      await finish(h.highlightSoon(document.body));
      // Defined late: the element was read before it had a shadow root, and no mutation tells.
      const shadow = (document.querySelector('late-card') as HTMLElement).attachShadow({
        mode: 'open',
      });
      shadow.innerHTML = '<p>Inside: privacy.</p>';
      await vi.advanceTimersByTimeAsync(150);
      expect(shadowMarks(shadow)).toEqual([]);
      await finish(h.searchShadowRoots(document.body));
      await vi.advanceTimersByTimeAsync(50);
      expect(shadowMarks(shadow)).toEqual(['privacy']);
      // Entered once: looking again adds nothing twice.
      await finish(h.searchShadowRoots(document.body));
      await vi.advanceTimersByTimeAsync(50);
      expect(shadowMarks(shadow)).toEqual(['privacy']);
    });

    it('leaves a component inside a skipped region alone', async () => {
      document.body.innerHTML = '<nav><my-menu></my-menu></nav>';
      const shadow = (document.querySelector('my-menu') as HTMLElement).attachShadow({
        mode: 'open',
      });
      shadow.innerHTML = '<p>privacy</p>';
      const h = newHighlighter();
      await finish(h.highlightSoon(document.body));
      await vi.advanceTimersByTimeAsync(50);
      expect(shadowMarks(shadow)).toEqual([]);
    });
  });
});
