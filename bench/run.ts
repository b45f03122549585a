/**
 * `npm run bench`: a reproducible benchmark, not a test. Prints a Markdown
 * table and writes JSON to bench/results/. Corpus: the first argument, else
 * ../shared/corpus when present, else a synthetic corpus built from examples/.
 * BENCH_RUNS (default 5) sets the runs per throughput figure (the median is kept);
 * the four throughput commands take turns run by run, so load that drifts on a
 * shared machine weighs on all of them alike.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_RULES } from '../server/src/engine';
import { parseMarkdown } from '../server/src/engine/parse/parse';
import { assemble, mdFiles, pickCorpus, ROOT } from './corpus';
import { LspClient, mainThreadCpuMsOf } from './lsp-client';
import { BENCH_SETTINGS as SETTINGS, serverMemory } from './server-memory';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const EDITS = Number(process.env.BENCH_EDITS ?? 300);
/** Servers started for the memory figure (each opens the whole corpus, ~15 s). */
const MEMORY_RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function timeCommand(cmd: string, args: string[], cwd: string): { ms: number; peakRss?: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error) {
    const t2 = process.hrtime.bigint();
    spawnSync(cmd, args, { cwd, maxBuffer: 1 << 30 });
    return { ms: Number(process.hrtime.bigint() - t2) / 1e6 };
  }
  const kb = Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]);
  return { ms, peakRss: Number.isFinite(kb) ? kb * 1024 : undefined };
}

interface Timed {
  ms: number;
  runs: number[];
  peakRss?: number;
}

/**
 * Runs every measure RUNS times, taking turns (round 1 of each, then round 2…),
 * and keeps each one's median: load that drifts on a shared machine then
 * weighs on all of them alike, so their ratios hold.
 */
function medianRuns<K extends string>(measures: Record<K, () => { ms: number; peakRss?: number }>): Record<K, Timed> {
  const labels = Object.keys(measures) as K[];
  const out = {} as Record<K, Timed>;
  for (const label of labels) out[label] = { ms: 0, runs: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const label of labels) {
      const r = measures[label]();
      const o = out[label];
      o.runs.push(r.ms);
      if (r.peakRss !== undefined) o.peakRss = Math.max(o.peakRss ?? 0, r.peakRss);
      process.stderr.write(`  ${label} run ${i + 1}/${RUNS}: ${(r.ms / 1000).toFixed(2)} s\n`);
    }
  }
  for (const label of labels) out[label].ms = median(out[label].runs);
  return out;
}

/** A prh dictionary from the built-in phrase rules' patterns (those JavaScript accepts without the u flag). */
function prhYaml(): { yaml: string; entries: number } {
  const lines = ['version: 1', 'rules:'];
  let n = 0;
  for (const r of BUILTIN_RULES) {
    if (r.kind !== 'phrase') continue;
    for (const p of r.patterns ?? []) {
      // prh takes a /regex/ without the u flag: keep the patterns that compile that way.
      if (/\\p\{|\(\?<[=!]/.test(p)) continue;
      try {
        new RegExp(p, 'gi');
      } catch {
        continue;
      }
      lines.push(`  - expected: ${JSON.stringify(`[${r.id}]`)}`, `    pattern: ${JSON.stringify(`/\\b(?:${p})\\b/gi`)}`);
      n++;
    }
  }
  return { yaml: lines.join('\n') + '\n', entries: n };
}

async function editorLatency(server: string, text: string, label: string): Promise<{ p50: number; p95: number; max: number; firstLint: number; wholeLint: number; firstLintMainCpu: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pbl-bench-lsp-'));
  const file = join(dir, `${label}.md`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const client = new LspClient(server, SETTINGS);
  await client.initialize(pathToFileURL(dir).href);
  const diag = (v: number) => client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v);
  let wait = diag(1);
  // The status notification follows the whole file's lint (a long file's top is published before it).
  const whole = client.waitFor((m) => m.method === 'playbookLint/status' && m.params.uri === uri && m.params.version === 1);
  // The server's main-thread CPU for the first lint: on a busy machine the wall time says more about the machine.
  const cpu0 = mainThreadCpuMsOf(client.proc.pid!);
  let t = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await wait;
  const firstLint = performance.now() - t;
  await whole;
  const wholeLint = performance.now() - t;
  const firstLintMainCpu = mainThreadCpuMsOf(client.proc.pid!) - cpu0;
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const lines = text.split('\n');
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    const line = Math.floor(rnd() * lines.length);
    const character = Math.floor(rnd() * (lines[line].length + 1));
    const ch = 'abcdefghijklmnopqrstuvwxyz ,.'[Math.floor(rnd() * 29)];
    lines[line] = lines[line].slice(0, character) + ch + lines[line].slice(character);
    wait = diag(version);
    t = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }] });
    await wait;
    times.push(performance.now() - t);
  }
  await client.close();
  return { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), firstLint, wholeLint, firstLintMainCpu };
}

async function coldStart(server: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const client = new LspClient(server, SETTINGS);
    await client.initialize(pathToFileURL(ROOT).href);
    runs.push(performance.now() - t);
    await client.close();
  }
  return median(runs);
}

async function main(): Promise<void> {
  const { dir: corpus, kind } = pickCorpus(process.argv[2]);
  const files = mdFiles(corpus);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const mb = bytes / 1e6;
  process.stderr.write(`corpus: ${kind}: ${files.length} files, ${mb.toFixed(2)} MB; ${RUNS} runs each\n`);
  const cli = join(ROOT, 'dist/cli.js');
  const server = join(ROOT, 'dist/server.js');
  if (!existsSync(cli) || !existsSync(server)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const rels = files.map((f) => relative(corpus, f));

  const prh = prhYaml();
  const tlDir = mkdtempSync(join(tmpdir(), 'pbl-bench-textlint-'));
  writeFileSync(join(tlDir, 'prh.yml'), prh.yaml);
  writeFileSync(join(tlDir, 'textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: [join(tlDir, 'prh.yml')] } } }));
  const timed = medianRuns({
    'playbook-lint CLI': () => timeCommand(process.execPath, [cli, '--format', 'json', ...rels], corpus),
    'parse only': () => {
      const t = process.hrtime.bigint();
      for (const f of files) parseMarkdown(readFileSync(f, 'utf8'));
      return { ms: Number(process.hrtime.bigint() - t) / 1e6 };
    },
    'markdownlint-cli2': () => timeCommand(process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...rels.map((r) => `:${r}`)], corpus),
    'textlint + prh': () => timeCommand(process.execPath, [join(ROOT, 'node_modules/textlint/bin/textlint.js'), '--config', join(tlDir, 'textlintrc.json'), '--format', 'json', ...files], ROOT),
  });
  const { 'playbook-lint CLI': ours, 'parse only': parseOnly, 'markdownlint-cli2': mdl, 'textlint + prh': tl } = timed;

  const big = assemble(files, 5000);
  const small = assemble(files, 200);
  process.stderr.write('  editor latency, 5,000 lines…\n');
  const lat5k = await editorLatency(server, big, 'playbook-5000');
  process.stderr.write('  editor latency, 200 lines…\n');
  const lat200 = await editorLatency(server, small, 'playbook-200');
  process.stderr.write('  server memory…\n');
  // What a server holds depends on when V8 last collected: a median of three servers, not one reading.
  const rssRuns: number[] = [];
  for (let i = 0; i < MEMORY_RUNS; i++) rssRuns.push((await serverMemory(server, files, corpus)).rss);
  const rss = median(rssRuns);
  const cold = await coldStart(server);
  const bundles = Object.fromEntries(readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => [f, statSync(join(ROOT, 'dist', f)).size]));

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const rows: string[][] = [
    ['playbook-lint CLI (`--format json`)', `${s(ours.ms)} · ${(mb / (ours.ms / 1000)).toFixed(2)} MB/s · ${(files.length / (ours.ms / 1000)).toFixed(1)} files/s`, `≤ 1.3× parse-only: ${ratio(ours.ms, parseOnly.ms)}`, met(ours.ms <= 1.3 * parseOnly.ms)],
    ['parse only (remark-parse + gfm + frontmatter, in-process)', `${s(parseOnly.ms)} · ${(mb / (parseOnly.ms / 1000)).toFixed(2)} MB/s`, 'floor', ''],
    ['markdownlint-cli2 0.22.1 (defaults)', `${s(mdl.ms)}`, `≥ 1.5× faster: ${ratio(mdl.ms, ours.ms)}`, met(mdl.ms >= 1.5 * ours.ms)],
    [`textlint + textlint-rule-prh (${prh.entries} phrases)`, `${s(tl.ms)}`, `≥ 3× faster: ${ratio(tl.ms, ours.ms)}`, met(tl.ms >= 3 * ours.ms)],
    ['keystroke → diagnostics, 5,000 lines (p50 / p95 / max)', `${lat5k.p50.toFixed(1)} / ${lat5k.p95.toFixed(1)} / ${lat5k.max.toFixed(1)} ms`, 'p95 ≤ 10 ms, max ≤ 25 ms', met(lat5k.p95 <= 10 && lat5k.max <= 25)],
    ['keystroke → diagnostics, 200 lines (p50 / p95 / max)', `${lat200.p50.toFixed(1)} / ${lat200.p95.toFixed(1)} / ${lat200.max.toFixed(1)} ms`, '', ''],
    ['first diagnostics on open, 5,000 lines (the top of the file)', `${lat5k.firstLint.toFixed(0)} ms`, '≤ 300 ms', met(lat5k.firstLint <= 300)],
    ['whole file linted on open, 5,000 lines', `${lat5k.wholeLint.toFixed(0)} ms (server main thread ${lat5k.firstLintMainCpu} ms CPU)`, '', ''],
    [`server RSS, every corpus file open (median of ${MEMORY_RUNS} servers)`, `${(rss / 2 ** 20).toFixed(0)} MB (${rssRuns.map((r) => (r / 2 ** 20).toFixed(0)).join(', ')})`, '≤ 150 MB', met(rss <= 150 * 2 ** 20)],
    ['CLI peak RSS over the corpus', ours.peakRss ? `${(ours.peakRss / 2 ** 20).toFixed(0)} MB` : 'n/a', '≤ 300 MB', ours.peakRss ? met(ours.peakRss <= 300 * 2 ** 20) : ''],
    ['cold start (spawn → initialize result)', `${cold.toFixed(0)} ms`, '≤ 300 ms', met(cold <= 300)],
    ['bundles', Object.entries(bundles).map(([f, n]) => `${f} ${(n / 1024).toFixed(0)} KB`).join(', '), '', ''],
  ];
  const table = [`Corpus: ${kind}: ${files.length} files, ${mb.toFixed(2)} MB. Median of ${RUNS} runs; node ${process.version}.`, '', '| measure | measured | target | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  process.stdout.write(table + '\n');
  const out = join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ corpus: { kind, files: files.length, bytes }, runs: RUNS, node: process.version, cli: ours, parseOnly, markdownlintCli2: mdl, textlint: { ...tl, prhEntries: prh.entries }, latency5000: lat5k, latency200: lat200, serverRss: rss, serverRssRuns: rssRuns, coldStartMs: cold, bundles }, null, 2));
  process.stderr.write(`wrote ${relative(ROOT, file)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
