import browser from 'webextension-polyfill';
import { ALL_SITES, grantsOfWebPages, pagePattern, patternsOfHost, webPatterns } from './patterns';

/**
 * The browser's record of which sites the user let the extension read. Whatever route granted
 * it (our pages, the browser's own site-access settings, a policy), this is the one truth.
 */

export async function grantedPatterns(): Promise<string[]> {
  return webPatterns((await browser.permissions.getAll()).origins ?? []);
}

export async function canRead(url: string): Promise<boolean> {
  const pattern = pagePattern(url);
  return pattern !== null && browser.permissions.contains({ origins: [pattern] });
}

/** Takes back whatever grants one site (a wildcard grant for all sites stays). */
export async function removeHost(host: string): Promise<void> {
  await removeSites(patternsOfHost(await grantedPatterns(), host));
}

/**
 * Asks the browser for access. Call it straight from a click handler, before any `await`:
 * browsers only show the request while the user's gesture is fresh.
 */
export function requestSites(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...patterns] });
}

export const requestAllSites = () => requestSites(ALL_SITES);

export async function removeSites(patterns: readonly string[]): Promise<void> {
  if (patterns.length) {
    await browser.permissions.remove({ origins: [...patterns] });
  }
}

export async function removeAllAccess(): Promise<void> {
  await removeSites(grantsOfWebPages((await browser.permissions.getAll()).origins ?? []));
}

export function onAccessChanged(listener: () => void): () => void {
  const handle = () => listener();
  browser.permissions.onAdded.addListener(handle);
  browser.permissions.onRemoved.addListener(handle);
  return () => {
    browser.permissions.onAdded.removeListener(handle);
    browser.permissions.onRemoved.removeListener(handle);
  };
}
