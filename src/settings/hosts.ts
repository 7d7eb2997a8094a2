/**
 * One spelling per site. Every host the extension stores (a paused site) or compares with one
 * (the page being read) goes through `normaliseHost`, on write and on read, so "Example.COM.",
 * "example.com" and "xn--bcher-kva.de" / "bücher.de" are each one site, and nothing stored can
 * later be refused by a stricter check. Pure: tested without a browser.
 */

/** DNS limits (RFC 1035): a name of at most 253 characters, labels of at most 63. */
const MAX_HOST = 253;
const MAX_LABEL = 63;
/** What browsers accept in a host name's label; underscores occur in real names (foo_bar.example.com). */
const LABEL = /^[a-z0-9_-]+$/;
/** Anything that makes the text more than a host: a port, a path, user info, a space. */
const NOT_A_HOST = /[\s/:@?#\\%]/;

/**
 * The canonical spelling of a host name: lower case, without the trailing dot of a fully
 * qualified name or the leading dot of a cookie-style domain, international names as punycode,
 * IP addresses as the browser writes them (`[::1]`). Null for anything that is not a host.
 */
export function normaliseHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (/^\[[0-9a-f:.]+\]$/.test(text)) {
    return parsedHost(text);
  }
  if (!text || NOT_A_HOST.test(text)) {
    return null;
  }
  const bare = text.replace(/^\./, '').replace(/\.$/, '');
  const host = parsedHost(bare);
  if (!host || host.length > MAX_HOST) {
    return null;
  }
  const labels = host.split('.');
  return labels.every((label) => label.length <= MAX_LABEL && LABEL.test(label)) ? host : null;
}

/** The host the URL parser reads from `text` (it does IDNA and IP canonicalisation), or null. */
function parsedHost(text: string): string | null {
  try {
    return new URL(`http://${text}/`).hostname || null;
  } catch {
    return null;
  }
}
