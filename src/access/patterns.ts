/** Match patterns for site access. Pure: tested without a browser. */

import { normaliseHost } from '../settings/hosts';

/** What "highlight on all sites" asks the browser for. */
export const ALL_SITES: readonly string[] = ['http://*/*', 'https://*/*'];

/** True for the pages highlighting works on: http and https, nothing else. */
export function isWebPage(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

/**
 * The patterns that grant one site over both schemes. Two patterns, not "*://host/*": Firefox
 * only grants what one declared optional pattern (http or https) covers on its own.
 */
export function patternsForHost(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

/** The patterns that grant the site of `url`, or null for pages that are not web pages. */
export function sitePatterns(url: string): string[] | null {
  return isWebPage(url) ? patternsForHost(new URL(url).hostname) : null;
}

/** The one pattern that covers exactly `url`'s scheme and host. */
export function pagePattern(url: string): string | null {
  if (!isWebPage(url)) {
    return null;
  }
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** The host name a person would recognise: "example.com" from any URL of it. */
export function siteName(url: string): string {
  return new URL(url).hostname;
}

/**
 * The host name in what a person types ("Example.com./page" -> "example.com"), in its one
 * spelling (settings/hosts.ts), or null. A name without a dot is taken for a typo, localhost
 * and IP addresses aside.
 */
export function hostFromInput(input: string): string | null {
  const text = input.trim();
  if (!text) {
    return null;
  }
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const host = isWebPage(url.href) ? normaliseHost(url.hostname) : null;
    if (!host || (!host.includes('.') && host !== 'localhost' && !host.startsWith('['))) {
      return null;
    }
    return host;
  } catch {
    return null;
  }
}

/**
 * Only the patterns that grant web pages (the browser may report others). `<all_urls>`, which
 * an enterprise policy or another browser's UI may grant, counts as every web page: it also
 * covers file and other schemes that are not ours to register for.
 */
export function webPatterns(origins: readonly string[]): string[] {
  const web = origins.filter(isWebPattern);
  return origins.includes('<all_urls>') ? [...new Set([...web, ...ALL_SITES])] : web;
}

/** The granted patterns that give web pages, as granted: what taking all access back removes. */
export function grantsOfWebPages(origins: readonly string[]): string[] {
  return origins.filter((o) => o === '<all_urls>' || isWebPattern(o));
}

/** A pattern for http or https pages, or both (`*://`). */
function isWebPattern(origin: string): boolean {
  return /^(\*|https?):\/\//.test(origin);
}

/** True when the granted patterns cover every http and https page. */
export function coversAllSites(origins: readonly string[]): boolean {
  return (
    origins.includes('<all_urls>') ||
    origins.includes('*://*/*') ||
    ALL_SITES.every((p) => origins.includes(p))
  );
}

/** The granted patterns that belong to `host`. */
export function patternsOfHost(origins: readonly string[], host: string): string[] {
  return webPatterns(origins).filter(
    (o) => /^(?:\*|https?):\/\/([^/]+)\/\*$/.exec(o)?.[1] === host,
  );
}

/** The single sites among the granted patterns, as host names, sorted. */
export function chosenSites(origins: readonly string[]): string[] {
  return webPatterns(origins)
    .map((o) => /^(?:\*|https?):\/\/([^/*][^/]*)\/\*$/.exec(o)?.[1])
    .filter((host): host is string => !!host)
    .filter((host, i, all) => all.indexOf(host) === i)
    .sort();
}
