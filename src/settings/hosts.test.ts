import { describe, expect, it } from 'vitest';
import { normaliseHost } from './hosts';

describe('one spelling per site', () => {
  it('writes a host as browsers do: lower case, no trailing or leading dot, punycode', () => {
    expect(normaliseHost('Example.COM.')).toBe('example.com');
    expect(normaliseHost('example.com.')).toBe('example.com');
    expect(normaliseHost('.example.com')).toBe('example.com');
    expect(normaliseHost('  www.example.org ')).toBe('www.example.org');
    expect(normaliseHost('bücher.de')).toBe('xn--bcher-kva.de');
    expect(normaliseHost('xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
  });

  it('keeps what browsers accept: IP addresses, underscores, single labels', () => {
    expect(normaliseHost('[::1]')).toBe('[::1]');
    expect(normaliseHost('[0:0:0:0:0:0:0:1]')).toBe('[::1]');
    expect(normaliseHost('127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseHost('foo_bar.example.com')).toBe('foo_bar.example.com');
    expect(normaliseHost('localhost')).toBe('localhost');
  });

  it('refuses what is not a host name', () => {
    const long = `${'a'.repeat(64)}.example.com`;
    const tooLong = Array.from({ length: 60 }, () => 'abcd').join('.');
    for (const bad of [
      '',
      '.',
      'a..b',
      '..example.com',
      'example.com..',
      'exa mple.com',
      'example.com/path',
      'example.com:8080',
      'user@example.com',
      '<img src=x>',
      '[::1',
      long,
      tooLong,
    ]) {
      expect(normaliseHost(bad), bad).toBeNull();
    }
  });

  it('gives the same answer for its own answer', () => {
    for (const host of ['Example.COM.', 'bücher.de', '[0::1]', 'foo_bar.example.com']) {
      const once = normaliseHost(host) as string;
      expect(normaliseHost(once)).toBe(once);
    }
  });
});
