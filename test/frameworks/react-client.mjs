import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './react-app.mjs';
import { run } from './scenario.mjs';

const root = document.getElementById('root');
let setList;
const app = h(App, {
  subscribe: (set) => {
    setList = set;
  },
});
if (root.dataset.ssr === 'true') {
  hydrateRoot(root, app);
} else {
  createRoot(root).render(app);
}
// Start once React has taken the root over (hydration included).
// flushSync: each step is on the page when its tick ends, like Vue's microtask flush.
setTimeout(() => run(root, (list) => flushSync(() => setList(list))), 200);
