// `npm run pattern`: writes src/content/page-pattern.txt again from today's terms, after the
// glossary's forms or the topic words changed. Vite loads the TypeScript it needs.
import { createServer } from 'vite';

const server = await createServer({
  configFile: false,
  appType: 'custom',
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
});
try {
  const { writePagePattern, PAGE_PATTERN_FILE } =
    await server.ssrLoadModule('/build/page-pattern.ts');
  writePagePattern();
  console.log(`Wrote ${PAGE_PATTERN_FILE}`);
} finally {
  await server.close();
}
