import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error: plain JavaScript shared with the browser bundle, no types of its own
import { App } from './react-app.mjs';

/** Server-renders the React app into react-ssr.html at build time: the page hydrates it. */
function serverRender(): Plugin {
  return {
    name: 'eaig:fixture-server-render',
    transformIndexHtml(html, context) {
      if (!context.filename.endsWith('react-ssr.html')) return html;
      return html.replace('<!--ssr-->', renderToString(createElement(App, {})));
    },
  };
}

// Fixture apps for the framework end-to-end test: React 19 (client and server-rendered)
// and Vue 3, built into dist/fixtures/frameworks.
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
      },
    },
  },
});
