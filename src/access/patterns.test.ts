import { describe, expect, it } from 'vitest';
import {
  chosenSites,
  coversAllSites,
  isWebPage,
  patternFromInput,
  sitePattern,
  webPatterns,
} from './patterns';

describe('site patterns', () => {
  it('knows which pages it can work on', () => {
    expect(isWebPage('https://example.com/a')).toBe(true);
    expect(isWebPage('http://127.0.0.1:8080/')).toBe(true);
    for (const url of ['chrome://extensions', 'about:addons', 'file:///x.html', undefined]) {
      expect(isWebPage(url)).toBe(false);
    }
  });

  it('grants one site for both schemes, without its port or path', () => {
    expect(sitePattern('https://news.example.com:8443/story?id=1')).toBe('*://news.example.com/*');
    expect(sitePattern('about:blank')).toBeNull();
  });

  it('reads a site from what a person types', () => {
    expect(patternFromInput('example.com')).toBe('*://example.com/*');
    expect(patternFromInput(' https://www.example.org/path ')).toBe('*://www.example.org/*');
    expect(patternFromInput('localhost')).toBe('*://localhost/*');
    for (const bad of ['', 'hello', 'ftp://example.com', '<script>', 'javascript:alert(1)']) {
      expect(patternFromInput(bad)).toBeNull();
    }
  });

  it('tells all-sites grants from chosen sites', () => {
    expect(coversAllSites(['http://*/*', 'https://*/*'])).toBe(true);
    expect(coversAllSites(['https://*/*'])).toBe(false);
    expect(coversAllSites(['<all_urls>'])).toBe(true);
    expect(
      chosenSites(['*://b.example/*', 'https://a.example/*', 'http://*/*', 'moz-extension://x/*']),
    ).toEqual(['a.example', 'b.example']);
    expect(webPatterns(['moz-extension://x/*', '*://a.example/*'])).toEqual(['*://a.example/*']);
  });
});
