/**
 * Does this page show signs that a framework will hydrate its server-rendered text? Read once,
 * when the page has been parsed, from what the frameworks leave in the HTML they send: their
 * root elements and attributes, the data scripts they hydrate from, and the comment markers
 * their renderers put between nodes. A page with none of them is highlighted at once; a page
 * with any waits until it has loaded and its scripts are idle (page-settled.ts).
 *
 * A false sign costs only time (the page waits as every page used to); a missed one costs a
 * hydration mismatch, which React and Vue survive by rendering that part again. So the lists
 * lean towards seeing a sign. The README lists them for readers.
 */

/** Elements and attributes the frameworks render on the server, by framework. */
const SIGN_SELECTORS: ReadonlyArray<readonly [string, string]> = [
  ['Next.js', '#__next, script#__NEXT_DATA__'],
  ['Nuxt', '#__nuxt, script#__NUXT_DATA__'],
  ['Gatsby', '#___gatsby'],
  ['React', '[data-reactroot]'],
  ['Vue', '[data-server-rendered], [data-v-app]'],
  ['Angular', '[ng-version], [ngh], [ng-server-context]'],
  [
    'SvelteKit',
    '[data-sveltekit-preload-data], [data-sveltekit-preload-code], [data-sveltekit-hydrate], [data-sveltekit-reload], [data-sveltekit-noscroll], [data-sveltekit-keepfocus]',
  ],
  ['Qwik', '[q\\:container], script[type="qwik/json"]'],
  ['Solid', '[data-hk]'],
  ['Marko', '[data-marko-key]'],
];

/** What the frameworks' inline scripts hand to the hydrating bundle, by framework. */
const SCRIPT_SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['Next.js', 'self.__next_f'],
  ['Nuxt', '__NUXT__'],
  ['Remix', '__remixContext'],
  ['React Router', '__reactRouterContext'],
  ['React Router', '__staticRouterHydrationData'],
  ['SvelteKit', '__sveltekit'],
  ['Solid', '_$HY'],
];

/**
 * Comment markers, by framework: React's Suspense boundaries (`<!--$-->`, `<!--$?-->`,
 * `<!--$!-->`) and the empty comment it puts between adjacent text (`<!-- -->`), Vue's
 * fragment markers (`<!--[-->`, `<!--]-->`), Lit's parts, Preact Fresh's islands and Qwik's
 * virtual nodes.
 */
function commentSign(data: string): string | null {
  switch (data) {
    case '$':
    case '$?':
    case '$!':
    case '/$':
    case ' ':
      return 'React';
    case '[':
    case ']':
      return 'Vue';
  }
  if (data.startsWith('lit-part') || data.startsWith('?lit$')) {
    return 'Lit';
  }
  if (data.startsWith('frsh-')) {
    return 'Fresh';
  }
  if (data.startsWith('qv ')) {
    return 'Qwik';
  }
  return null;
}

/**
 * How many comments are read at most: the markers sit among the first elements a framework
 * renders, and a page of a hundred thousand comments is not read to the end for them.
 */
const COMMENTS_READ = 5_000;

/** The frameworks whose signs `doc` shows; empty when it shows none. */
export function hydrationSigns(doc: Document): string[] {
  return [...new Set(signsIn(doc))];
}

/** Whether `doc` shows any sign: stops at the first, the cheap question a page load asks. */
export function showsHydrationSign(doc: Document): boolean {
  return !signsIn(doc).next().done;
}

/** Each sign's framework, cheapest look first, found lazily (a framework may come twice). */
function* signsIn(doc: Document): Generator<string> {
  // Qwik marks its container (usually <html>) with a namespaced attribute that not every
  // selector engine reads; asked by name, it is found everywhere.
  if ([doc.documentElement, doc.body].some((el) => el?.hasAttribute('q:container'))) {
    yield 'Qwik';
  }
  for (const [framework, selector] of SIGN_SELECTORS) {
    if (doc.querySelector(selector)) {
      yield framework;
    }
  }
  for (const script of doc.scripts) {
    if (script.src) {
      continue;
    }
    const text = script.text;
    for (const [framework, sign] of SCRIPT_SIGNS) {
      if (text.includes(sign)) {
        yield framework;
      }
    }
  }
  const root = doc.body ?? doc.documentElement;
  if (root) {
    const comments = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    for (let read = 0; read < COMMENTS_READ && comments.nextNode(); read++) {
      const framework = commentSign((comments.currentNode as Comment).data);
      if (framework) {
        yield framework;
        return;
      }
    }
  }
}
