#!/usr/bin/env node
// `npm test`: makes sure the editor under test (code-server, see
// test/e2e/code-server.ts) is installed, runs the unit suites and then the
// editor end-to-end suite, keeps the TAP of each in test-results/ and ends
// with one line of combined counts. Exit code 1 when anything failed.
// Extra arguments filter test files by substring: `npm test -- protocol`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { testFiles } from './test-files.mjs';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const tty = process.stdout.isTTY;
const rel = (p) => path.relative(root, p);

/** Runs `cmd` with stdout and stderr written to `file`; resolves to its exit code (or the signal's name). */
function runTo(file, cmd, args, env = process.env) {
  const fd = openSync(file, 'w');
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', fd, fd] });
    child.on('error', (e) => resolve(e.message));
    child.on('exit', (code, signal) => resolve(code ?? signal));
  }).finally(() => closeSync(fd));
}

/**
 * One line while code-server is found or fetched: on a terminal it shows the
 * install step and the seconds so far; in a log, the line is finished with
 * the outcome. Resolves to why the editor is unavailable, or undefined.
 */
async function ensureEditor() {
  const version = '4.100.3';
  const dest = path.join(root, '.cache/code-server');
  if (existsSync(path.join(dest, `installed-${version}`)) && existsSync(path.join(dest, 'node_modules/.bin/code-server'))) {
    console.log(`Editor under test: code-server ${version}, found in ${rel(dest)}`);
    return undefined;
  }
  const log = path.join(results, 'code-server-install.log');
  const head = `Editor under test: fetching code-server ${version} (about 300 MB) into ${rel(dest)}`;
  const started = Date.now();
  const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
  let timer;
  if (tty) {
    const step = () => {
      const steps = existsSync(log) ? readFileSync(log, 'utf8').match(/^step: .*$/gm) : null;
      const now = steps ? steps[steps.length - 1].slice('step: '.length) : 'starting';
      process.stdout.write(`\r\x1b[K${head}: ${now}, ${seconds()}`);
    };
    step();
    timer = setInterval(step, 1000);
  } else process.stdout.write(`${head}...`);
  const code = await runTo(log, 'sh', [path.join(root, 'scripts/install-code-server.sh')]);
  clearInterval(timer);
  const ok = code === 0;
  const outcome = ok ? `done in ${seconds()}` : `failed after ${seconds()}, see ${rel(log)}`;
  process.stdout.write(tty ? `\r\x1b[K${head}: ${outcome}\n` : ` ${outcome}\n`);
  return ok ? undefined : `installing code-server failed; see ${rel(log)}`;
}

/** The counts from the closing `# pass`, `# fail`… lines of a TAP file, and the failed tests' names. */
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  // Subtests come before their parent: a `not ok` whose previous test line is deeper is a parent.
  const failed = [];
  let prevDepth = 0;
  for (const m of text.matchAll(/^( *)(not ok|ok) \d+ - (.*)$/gm)) {
    const depth = m[1].length;
    if (m[2] === 'not ok' && !(prevDepth > depth) && !/# SKIP|# TODO/.test(m[3])) failed.push(m[3]);
    prevDepth = depth;
  }
  return { pass: count('pass'), fail: count('fail'), cancelled: count('cancelled') ?? 0, skipped: count('skipped') ?? 0, failed };
}

const { unit, e2e } = testFiles(root, process.argv.slice(2));
const env = { ...process.env };
if (e2e.length > 0) {
  const unavailable = await ensureEditor();
  // The suite then skips (or fails under CI) with this reason instead of installing again.
  if (unavailable) env.PLAYBOOK_LINT_E2E_UNAVAILABLE = unavailable;
}

const suites = [
  { name: 'unit', files: unit, tap: path.join(results, 'unit.tap') },
  { name: 'editor end-to-end', files: e2e, tap: path.join(results, 'e2e.tap') },
].filter((s) => s.files.length > 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const s of suites) {
  const code = await runTo(s.tap, process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...s.files], env);
  const c = tapCounts(s.tap);
  passed += c.pass ?? 0;
  failed += (c.fail ?? 0) + c.cancelled;
  skipped += c.skipped;
  failures.push(...c.failed.map((name) => `${s.name}: ${name} (${rel(s.tap)})`));
  if (c.pass === undefined || (code !== 0 && (c.fail ?? 0) + c.cancelled === 0)) {
    // The runner stopped before its counts, or failed outside any test.
    failed += 1;
    failures.push(`${s.name}: the test run ended with exit code ${code} (${rel(s.tap)})`);
  }
}
for (const f of failures.slice(0, 20)) console.log(`not ok: ${f}`);
if (failures.length > 20) console.log(`... and ${failures.length - 20} more`);
console.log(`TAP: ${suites.map((s) => rel(s.tap)).join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
