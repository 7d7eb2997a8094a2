import { describe, expect, it } from 'vitest';
import {
  chosenSites,
  coversAllSites,
  grantsOfWebPages,
  hostFromInput,
  isWebPage,
  pagePattern,
  patternsOfHost,
  sitePatterns,
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
    expect(sitePatterns('https://news.example.com:8443/story?id=1')).toEqual([
      'http://news.example.com/*',
      'https://news.example.com/*',
    ]);
    expect(sitePatterns('about:blank')).toBeNull();
    expect(pagePattern('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1/*');
  });

  it('reads a site from what a person types', () => {
    expect(hostFromInput('example.com')).toBe('example.com');
    expect(hostFromInput(' https://WWW.Example.org/path ')).toBe('www.example.org');
    expect(hostFromInput('localhost')).toBe('localhost');
    expect(hostFromInput('Example.COM./page')).toBe('example.com');
    expect(hostFromInput('[::1]')).toBe('[::1]');
    for (const bad of [
      '',
      'hello',
      'ftp://example.com',
      '<script>',
      'javascript:alert(1)',
      'a..b',
    ]) {
      expect(hostFromInput(bad)).toBeNull();
    }
  });

  it('finds the granted patterns of one site', () => {
    const granted = ['http://a.example/*', 'https://a.example/*', '*://b.example/*', 'https://*/*'];
    expect(patternsOfHost(granted, 'a.example')).toEqual([
      'http://a.example/*',
      'https://a.example/*',
    ]);
    expect(patternsOfHost(granted, 'b.example')).toEqual(['*://b.example/*']);
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

  it('registers for every web page when the browser reports <all_urls> or *://*/*', () => {
    // A policy or the browser's own UI may grant these: they are grants for all sites too.
    expect(webPatterns(['<all_urls>'])).toEqual(['http://*/*', 'https://*/*']);
    expect(webPatterns(['*://*/*'])).toEqual(['*://*/*']);
    expect(webPatterns(['<all_urls>', 'file:///*'])).toEqual(['http://*/*', 'https://*/*']);
    // Taking all access back removes the grant as the browser holds it.
    expect(grantsOfWebPages(['<all_urls>', 'moz-extension://x/*', 'https://a.example/*'])).toEqual([
      '<all_urls>',
      'https://a.example/*',
    ]);
  });
});
