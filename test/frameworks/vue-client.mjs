import { createApp, createSSRApp } from 'vue';
import { run } from './scenario.mjs';
import { vueApp } from './vue-app.mjs';

const root = document.getElementById('root');
const { App, list } = vueApp();
// createSSRApp hydrates the server's markup in place; createApp renders from nothing.
(root.dataset.ssr === 'true' ? createSSRApp(App) : createApp(App)).mount(root);
setTimeout(
  () =>
    run(root, (next) => {
      list.value = next;
    }),
  200,
);
