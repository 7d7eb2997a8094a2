// The story both framework apps tell: every 100 ms for 10 s, paragraphs that contain course
// terms are replaced, inserted, reordered and removed. Deterministic, so a run with the
// extension can be compared step by step with a run without it. Plain JavaScript (no JSX),
// so the server render at build time can import it too.

const TERMS = [
  'bias',
  'fairness',
  'transparency',
  'accountability',
  'privacy',
  'AI governance framework',
  'DPIA',
  'model explainability',
  'responsible AI',
  'data ethics',
  'AI compliance',
];

export const STEPS = 100;
export const INTERVAL_MS = 100;

export function sentence(id, version) {
  const a = TERMS[id % TERMS.length];
  const b = TERMS[(id * 3 + version + 1) % TERMS.length];
  return `Item ${id}.${version}: ${a} shapes how ${b} is judged by customers.`;
}

/**
 * A sentence as one text node a word (spaces kept), so a term of two words spans two of the
 * framework's nodes; in every other version the second word is markup ({ em }), so the
 * framework swaps a text node for an element, and back, beside highlighted text.
 */
export function words(text) {
  const parts = text.split(/(?<= )/);
  const version = Number(/^Item \d+\.(\d+)/.exec(text)?.[1] ?? 0);
  return parts.map((w, i) => (i === 1 && version % 2 === 1 ? { em: w } : w));
}

export function initial() {
  return [0, 1, 2, 3, 4, 5].map((id) => ({ id, text: sentence(id, 0) }));
}

export function next(list, step) {
  const items = [...list];
  const at = step % items.length;
  switch (step % 4) {
    case 0:
      items[at] = { id: items[at].id, text: sentence(items[at].id, step) };
      break;
    case 1:
      items.splice(step % (items.length + 1), 0, {
        id: 1000 + step,
        text: sentence(1000 + step, step),
      });
      break;
    case 2:
      items.unshift(...items.splice(at, 1));
      break;
    default:
      if (items.length > 4) {
        items.splice(at, 1);
      } else {
        items[at] = { id: items[at].id, text: sentence(items[at].id, step) };
      }
  }
  return items;
}

/**
 * Runs the story: each tick first records the text a reader sees (`window.appTexts`) for the
 * step before, long committed and seen by any observer of the page, then renders the next.
 * Recording by step, not by clock, keeps two runs comparable on a busy machine.
 */
export function run(root, render) {
  const texts = [];
  window.appTexts = texts;
  let list = initial();
  let step = 0;
  const timer = setInterval(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    texts.push(root.innerText);
    if (step >= STEPS) {
      clearInterval(timer);
      window.appDone = true;
      return;
    }
    step += 1;
    list = next(list, step);
    render(list);
  }, INTERVAL_MS);
}
