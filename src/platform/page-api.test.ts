import { describe, expect, it } from 'vitest';
import { pickApi } from './page-api';

const runtime = { id: 'abcdefghijklmnop', getURL: (path: string) => path };
const chrome = { runtime };

/**
 * Where a browser has no `browser` of its own, `browser` in a content script is whatever the
 * page names so: an element with that id, or a frame's window. jsdom has no named access on
 * window, so the tests hand over what the browser would.
 */
describe('the content script picks its extension API', () => {
  it('takes Firefox’s browser, the extension API', () => {
    const browser = { runtime: { ...runtime, id: 'ethical-ai-glossary@example.org' } };
    expect(pickApi({ browser, chrome })).toBe(browser);
  });

  it('takes chrome where there is no browser', () => {
    expect(pickApi({ chrome })).toBe(chrome);
  });

  it('is not fooled by a page element with id="browser"', () => {
    const element = document.createElement('div');
    element.id = 'browser';
    expect(pickApi({ browser: element, chrome })).toBe(chrome);
  });

  it('is not fooled by a form whose field is named runtime, which has a string id', () => {
    const field = document.createElement('input');
    field.name = 'runtime';
    // A browser's named access on `<form id="browser">`: form.runtime is the field.
    const form = { runtime: field };
    expect(typeof form.runtime.id).toBe('string');
    expect(pickApi({ browser: form, chrome })).toBe(chrome);
  });

  it('is not fooled by a cross-origin frame named "browser", which throws when asked', () => {
    const frame = new Proxy(
      {},
      {
        get() {
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.');
        },
      },
    );
    expect(pickApi({ browser: frame, chrome })).toBe(chrome);
  });
});
