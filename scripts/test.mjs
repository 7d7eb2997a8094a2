// `npm test`: every suite in turn (stopping at the first that fails), then how long each took
// and one closing line with the tests counted across them.
import { spawn } from 'node:child_process';

const SUITES = ['lint', 'test:unit', 'test:e2e', 'test:release', 'test:pages'];
// vitest's summary line, colours removed: "Tests  158 passed | 2 skipped (160)".
const SUMMARY = /^\s*Tests\s+(.*)\(\d+\)\s*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape starts terminal colours
const COLOURS = /\u001b\[[0-9;]*m/g;

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const counts = { passed: 0, failed: 0, skipped: 0 };
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const summary = SUMMARY.exec(line.replace(COLOURS, ''));
        for (const [, n, kind] of summary?.[1]?.matchAll(/(\d+) (passed|failed|skipped)/g) ?? []) {
          counts[kind] += Number(n);
        }
      }
    });
    child.on('close', (code) => resolve({ code: code ?? 1, counts }));
  });
}

const times = [];
const total = { passed: 0, failed: 0, skipped: 0 };
let failed = null;
for (const suite of SUITES) {
  const started = Date.now();
  const { code, counts } = await run(suite);
  times.push([suite, (Date.now() - started) / 1000]);
  for (const kind of Object.keys(total)) {
    total[kind] += counts[kind];
  }
  if (code !== 0) {
    failed = suite;
    break;
  }
}

const minutes = (seconds) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};
console.log('\nnpm test, time per suite:');
for (const [suite, seconds] of times) {
  console.log(`  ${suite.padEnd(12)} ${minutes(seconds)}`);
}
console.log(`  ${'total'.padEnd(12)} ${minutes(times.reduce((sum, [, s]) => sum + s, 0))}`);
if (failed) {
  console.log(`\n${failed} failed; the suites after it did not run.`);
  total.failed = Math.max(total.failed, 1);
}
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed ? 1 : 0);
