import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { defineConfig, type Plugin } from 'vite';
import { createSSRApp } from 'vue';
import { renderToString as renderVueToString } from 'vue/server-renderer';
// @ts-expect-error: plain JavaScript shared with the browser bundle, no types of its own
import { App } from './react-app.mjs';
// @ts-expect-error: as above
import { vueApp } from './vue-app.mjs';

/** Server-renders the apps into their -ssr pages at build time: those pages hydrate them. */
function serverRender(): Plugin {
  return {
    name: 'eaig:fixture-server-render',
    async transformIndexHtml(html, context) {
      const name = context.filename.split('/').pop() ?? '';
      if (name.startsWith('react-ssr')) {
        return html.replace('<!--ssr-->', renderToString(createElement(App, {})));
      }
      if (name.startsWith('vue-ssr')) {
        return html.replace('<!--ssr-->', await renderVueToString(createSSRApp(vueApp().App)));
      }
      return html;
    },
  };
}

// Fixture apps for the framework end-to-end test: React 19 (client and server-rendered)
// and Vue 3 (client, and server-rendered with a bundle that arrives late: *-late.html), built into dist/fixtures/frameworks.
export default defineConfig({
  root: 'test/frameworks',
  base: './',
  logLevel: 'warn',
  plugins: [serverRender()],
  build: {
    outDir: '../../dist/fixtures/frameworks',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        react: 'test/frameworks/react.html',
        vue: 'test/frameworks/vue.html',
        'react-ssr': 'test/frameworks/react-ssr.html',
        'react-ssr-late': 'test/frameworks/react-ssr-late.html',
        'vue-ssr-late': 'test/frameworks/vue-ssr-late.html',
      },
    },
  },
});
