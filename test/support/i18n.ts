import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './shared';

/**
 * The browser's i18n.getMessage for code run outside a browser (unit tests, jsdom pages):
 * the same messages file, the same placeholder rules ($NAME$ -> its content, $1 -> the
 * first substitution).
 */
interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const MESSAGES: Readonly<Record<string, Message>> = JSON.parse(
  readFileSync(join(ROOT, '_locales/en/messages.json'), 'utf8'),
);

export function getMessage(key: string, substitutions: string | string[] = []): string {
  const values = [substitutions].flat();
  const entry = MESSAGES[key];
  if (!entry) {
    return '';
  }
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => values[Number(n) - 1] ?? '');
  });
}
