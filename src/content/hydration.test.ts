import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createSSRApp } from 'vue';
import { renderToString as renderVueToString } from 'vue/server-renderer';
// @ts-expect-error: the end-to-end fixture apps, plain JavaScript without types of their own
import { App } from '../../test/frameworks/react-app.mjs';
// @ts-expect-error: as above
import { vueApp } from '../../test/frameworks/vue-app.mjs';
import { hydrationSigns, showsHydrationSign } from './hydration';

const page = (body: string, head = '') =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );

const ARTICLE =
  '<article><h1>Bias in AI</h1><p>Fairness <em>matters</em>.</p><!-- ad --></article>';

describe('signs that a page will be hydrated', () => {
  it('sees none on a plain article, its scripts and comments included', () => {
    const doc = page(
      `${ARTICLE}<script>window.dataLayer = [];</script><script src="/analytics.js" async></script>`,
    );
    expect(hydrationSigns(doc)).toEqual([]);
    expect(showsHydrationSign(doc)).toBe(false);
  });

  it('answers a page load at its first sign, and names every framework when asked', () => {
    const doc = page(`<div id="__next">${ARTICLE}<!--$--><p>More</p><!--/$--></div>`);
    expect(showsHydrationSign(doc)).toBe(true);
    expect(hydrationSigns(doc)).toEqual(['Next.js', 'React']);
  });

  it("sees React's server rendering in what React 19 itself renders", async () => {
    const html = renderToString(createElement(App, {}));
    expect(hydrationSigns(page(`<div id="root">${html}</div>`))).toEqual(['React']);
  });

  it("sees Vue's server rendering in what Vue 3 itself renders", async () => {
    const html = await renderVueToString(createSSRApp(vueApp().App));
    expect(hydrationSigns(page(`<div id="root">${html}</div>`))).toEqual(['Vue']);
  });

  it.each([
    ['Next.js', `<div id="__next">${ARTICLE}</div>`],
    ['Next.js', `${ARTICLE}<script>(self.__next_f=self.__next_f||[]).push([0])</script>`],
    ['Nuxt', `<div id="__nuxt">${ARTICLE}</div>`],
    ['Nuxt', `${ARTICLE}<script>window.__NUXT__={}</script>`],
    ['Gatsby', `<div id="___gatsby">${ARTICLE}</div>`],
    ['React', `<div data-reactroot="">${ARTICLE}</div>`],
    ['React', `<div><!--$-->${ARTICLE}<!--/$--></div>`],
    ['Vue', `<div id="app" data-server-rendered="true">${ARTICLE}</div>`],
    ['Angular', `<app-root ng-version="19.0.0" ngh="0">${ARTICLE}</app-root>`],
    ['SvelteKit', `<div data-sveltekit-preload-data="hover">${ARTICLE}</div>`],
    ['SvelteKit', `${ARTICLE}<script>__sveltekit_1x = {}</script>`],
    ['Qwik', `${ARTICLE}<script type="qwik/json">{}</script>`],
    ['Remix', `${ARTICLE}<script>window.__remixContext = {}</script>`],
    ['Solid', `<div data-hk="0-0">${ARTICLE}</div>`],
    ['Lit', `<my-card><!--lit-part abc-->${ARTICLE}<!--/lit-part--></my-card>`],
    ['Fresh', `<!--frsh-counter_default:0-->${ARTICLE}`],
  ])('names %s from its mark in the HTML', (framework, body) => {
    expect(hydrationSigns(page(body))).toContain(framework);
  });

  it('names Qwik from the container it marks, the whole document', () => {
    const doc = page(ARTICLE);
    doc.documentElement.setAttribute('q:container', 'paused');
    expect(hydrationSigns(doc)).toEqual(['Qwik']);
  });

  it('reads a script that only links a bundle as no sign: many plain pages have one', () => {
    const doc = page(ARTICLE, '<script type="module" src="/assets/app.js"></script>');
    expect(hydrationSigns(doc)).toEqual([]);
  });
});
