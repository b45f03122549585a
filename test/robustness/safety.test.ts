/**
 * Issue 17: "safe to open any repository". Each defect found by the review is
 * replayed as a regression test, then a seeded fuzz of random team configs and
 * documents runs over the CLI (main(io) in-process, with --fix) and the
 * language server. Bounded by input counts, not by time; the figures (inputs
 * tried, crashes, hangs, bytes changed outside fixes, slowest file) are
 * printed as test diagnostics.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_RULES, fixText, resolveConfig } from '../../server/src/engine';
import { runMain } from '../cli/run-main';
import { LspSession, ensureBuilt, fileUri } from '../protocol/lsp-harness';
import { playbook } from './markdown-arbitrary';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pbl-safety-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(d, f, '..'), { recursive: true });
    writeFileSync(join(d, f), text);
  }
  return d;
}

/** Nine levels of nine aliases: 387 million strings once expanded. */
const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

test('a YAML alias bomb in one playbook is that file\'s error; the other files are linted, exit 2, no stack trace', async () => {
  const d = folder('bomb-fm', { 'a.md': `---\n${BILLION_LAUGHS}\n---\n# Call\n\nRep: just checking in.\n`, 'b.md': '# Call\n\nRep: just checking in.\n' });
  const r = await runMain(['--format', 'json', '.'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a\.md:2:1 front matter: Front matter is not read: it repeats YAML aliases .*"billion laughs"/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  const files = JSON.parse(r.stdout).results.map((x: { filePath: string; messages: unknown[] }) => [x.filePath, x.messages.length > 0]);
  assert.deepEqual(files, [['a.md', true], ['b.md', true]]);
});

test('a YAML alias bomb in a config file is a config error at its file and line', async () => {
  const d = folder('bomb-config', { '.playbooklintrc.yaml': `${BILLION_LAUGHS}\nrules: {}\n`, 'p.md': '# Call\n\nRep: just checking in.\n' });
  const r = await runMain(['p.md'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^\.playbooklintrc\.yaml:1:1 The config is not read: it repeats YAML aliases/m);
  assert.match(r.stdout, /no-empty-check-in/);
});

test('20,000 team rules: only the first 200 apply, with a config error saying so', () => {
  const lines = ['customRules:'];
  for (let i = 0; i < 20_000; i++) lines.push(`  - { id: team/r${i}, message: m, patterns: ["word${i}"] }`);
  const text = `${lines.join('\n')}\n`;
  const host = { readFile: (p: string) => (p === '/w/.playbooklintrc.yaml' ? text : undefined), dirname: (p: string) => p.slice(0, p.lastIndexOf('/')) || '/', join: (a: string, b: string) => `${a}/${b}`, relative: (_: string, b: string) => b.slice(3) };
  const small = resolveConfig('/w/p.md', { ...host, readFile: (p) => (p === '/w/.playbooklintrc.yaml' ? `${lines.slice(0, 301).join('\n')}\n` : undefined) }, BUILTIN_RULES);
  assert.equal(small.effective.customRules.length, 200);
  assert.match(small.errors[0].message, /^customRules: has 300 entries; only the first 200 apply/);
  const big = resolveConfig('/w/p.md', host, BUILTIN_RULES);
  assert.equal(big.effective.customRules.length, 0);
  assert.match(big.errors[0].message, /^The config file has [\d,]+ characters, more than the 262,144 read; it is ignored/);
});

test('extends cannot reach outside the project, and the error shows nothing of the target', () => {
  const secret = 'password: hunter2\nrules:\n  leaked-key-name: error\n';
  const files: Record<string, string> = { '/etc/passwd': secret, '/w/repo/.playbooklintrc.yaml': 'extends: ["../../etc/passwd", "../../../../etc/passwd", "./team/base.yaml"]\n', '/w/repo/team/base.yaml': 'rules:\n  no-empty-check-in: error\n' };
  const posixHost = { readFile: (p: string) => files[p], dirname: (p: string) => p.slice(0, p.lastIndexOf('/')) || '/', join: (a: string, b: string) => join(a, b).replace(/\\/g, '/'), relative: (a: string, b: string) => relative(a, b).replace(/\\/g, '/') };
  const r = resolveConfig('/w/repo/p.md', posixHost, BUILTIN_RULES);
  assert.deepEqual(r.files, ['/w/repo/.playbooklintrc.yaml', '/w/repo/team/base.yaml']);
  assert.equal(r.errors.length, 2);
  for (const e of r.errors) assert.match(e.message, /^extends: "[./]+etc\/passwd" is outside this project; extends may name "recommended", "strict" or a config file in the folder of repo\/\.playbooklintrc\.yaml or below\.$/);
  assert.doesNotMatch(JSON.stringify(r), /hunter2|leaked-key-name|password/);
  assert.equal(r.effective.rules['no-empty-check-in'].severity, 'error');
});

test('a named folder with no Markdown is reported and fails the run', async () => {
  const d = folder('empty-named', { 'notes/readme.txt': 'not markdown\n' });
  const r = await runMain(['notes'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^playbook-lint: notes: this folder holds no Markdown files/m);
});

// ---- Seeded fuzz ------------------------------------------------------------

const ATOMS = ['a', '[a-z ]', '[^.]', '\\w', '\\s', '.', 'just', 'checking in', '(?:x|xy)', '\\p{L}', '[0-9]', 'é', '😀'];
const QUANTS = ['', '?', '*', '+', '{1,9}', '{0,99}', '{20}', '{2,}'];
/** Random patterns built from nested groups and repeats: the shapes that backtrack in JavaScript. */
const pattern: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTS)).map(([a, q]) => `${a}${q}`),
    fc.tuple(fc.array(tie('p'), { minLength: 1, maxLength: 3 }), fc.constantFrom(...QUANTS)).map(([ps, q]) => `(?:${ps.join('')})${q}`),
    fc.tuple(tie('p'), tie('p')).map(([a, b]) => `${a}|${b}`),
  ),
})).p;
const teamConfig: fc.Arbitrary<string> = fc.array(fc.array(pattern, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((rules) =>
  ['customRules:', ...rules.flatMap((ps, i) => [`  - id: team/fuzz-${i}`, '    message: "{match} found."', `    patterns: ${JSON.stringify(ps)}`, '    scope: { contexts: [document] }'])].join('\n') + '\n',
);

const INPUTS = 40;
const figures = { inputs: 0, crashes: 0, hangs: 0, bytesOutsideFixes: 0, slowestMs: 0, slowest: '' };

test(`fuzz: ${INPUTS} random team configs and documents through the CLI with --fix`, { timeout: 900_000 }, async () => {
  const configs = fc.sample(teamConfig, { numRuns: INPUTS, seed: 17 });
  const docs = fc.sample(playbook, { numRuns: INPUTS, seed: 1717 });
  for (let i = 0; i < INPUTS; i++) {
    // Every fourth document is long, so a slow pattern would show.
    const generated = i % 4 === 0 ? `${docs[i]}\n\nRep: ${'lorem ipsum dolor sit amet aaaaaaaaaa '.repeat(2_000)}\n` : docs[i];
    const d = folder(`fuzz-${i}`, { '.playbooklintrc.yaml': configs[i], 'p.md': generated });
    // What is on disk (lone surrogates were written as U+FFFD).
    const text = readFileSync(join(d, 'p.md'), 'utf8');
    const started = performance.now();
    let r;
    try {
      r = await runMain(['--fix', '--format', 'json', 'p.md'], d);
    } catch {
      figures.crashes++;
      continue;
    } finally {
      figures.inputs++;
    }
    const ms = performance.now() - started;
    if (ms > figures.slowestMs) Object.assign(figures, { slowestMs: Math.round(ms), slowest: `fuzz-${i}/p.md (${text.length} characters)` });
    if (ms > 60_000) figures.hangs++;
    if (![0, 1, 2].includes(r.code) || /internal error|Could not lint this file|\n\s+at /.test(r.stderr)) figures.crashes++;
    // A file is written only when its config is clean; then it must be exactly the engine's fixed text.
    const written = readFileSync(join(d, 'p.md'), 'utf8');
    const resolved = resolveConfig(join(d, 'p.md'), { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } }, dirname: (p) => join(p, '..'), join, relative: (_a, b) => b }, BUILTIN_RULES);
    const expected = r.code === 2 ? text : fixText(text, { rules: BUILTIN_RULES, config: resolved.effective }).text;
    if (written !== expected) {
      figures.bytesOutsideFixes += Math.abs(written.length - expected.length) || 1;
      let k = 0;
      while (written[k] === expected[k]) k++;
      console.log(`# differs: fuzz-${i} code ${r.code} at ${k}: ${JSON.stringify(written.slice(k - 20, k + 40))} vs ${JSON.stringify(expected.slice(k - 20, k + 40))}`);
    }
  }
  console.log(`# safety fuzz (CLI): ${JSON.stringify(figures)}`);
  assert.equal(figures.crashes, 0);
  assert.equal(figures.hangs, 0);
  assert.equal(figures.bytesOutsideFixes, 0);
});

test('fuzz: the language server answers every random config and document', { timeout: 600_000 }, async () => {
  ensureBuilt();
  const configs = fc.sample(teamConfig, { numRuns: 10, seed: 71 });
  const docs = fc.sample(playbook, { numRuns: 10, seed: 7171 });
  const ws = folder('fuzz-server', {});
  const s = new LspSession();
  try {
    s.settings = { debounceMs: 0 };
    await s.initialize({ workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } }, fileUri(ws));
    for (let i = 0; i < configs.length; i++) {
      const sub = join(ws, `case-${i}`);
      mkdirSync(sub);
      writeFileSync(join(sub, '.playbooklintrc.yaml'), configs[i]);
      const uri = fileUri(join(sub, 'p.md'));
      const text = `${docs[i]}\n\nRep: ${'lorem ipsum dolor sit amet '.repeat(1_000)}\n`;
      const started = performance.now();
      s.open(uri, text);
      const published = await s.diagnosticsFor(uri, 1, 0);
      assert.ok(Array.isArray(published.diagnostics));
      const ms = performance.now() - started;
      if (ms > figures.slowestMs) Object.assign(figures, { slowestMs: Math.round(ms), slowest: `server case-${i}/p.md (${text.length} characters)` });
      figures.inputs++;
    }
    assert.equal(await s.shutdown(), 0);
    console.log(`# safety fuzz (CLI and server): ${JSON.stringify(figures)}`);
  } finally {
    s.kill();
  }
});
