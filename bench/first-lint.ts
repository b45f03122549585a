/**
 * Where the first lint of the 5,000-line benchmark playbook goes.
 *
 *   node --import tsx bench/first-lint.ts [corpus]            stages in fresh processes (16x and V8's default budget), then the server
 *   node --import tsx bench/first-lint.ts --server [corpus]   only the server
 *
 * In-process: each fresh process times the first lint's stages cold (as the
 * server's DocumentLinter does them: the chunks parsed one by one, the reading
 * layer, the rules), then again warm, and the fixed cost of one parse (a
 * one-line text parsed once per chunk). Server: spawn, initialize, didOpen →
 * the publish for version 1, with the server's main-thread and total CPU for
 * that lint: on a loaded machine the wall time mostly says how busy it is.
 * Figures are in CPU milliseconds of the main thread unless marked wall.
 * BENCH_RUNS (default 5) processes per figure; medians are printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assemble, mdFiles, pickCorpus, ROOT } from './corpus';
import { cpuMsOf, LspClient, mainThreadCpuMsOf } from './lsp-client';
import { BENCH_SETTINGS } from './server-memory';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const STAGES = ['parse', 'read', 'rules', 'fixedParseCost', 'wall'] as const;
type Stages = Record<(typeof STAGES)[number], number>;

/** One fresh process: the stages cold, then twice more warm. Prints JSON. */
async function stagesChild(text: string): Promise<void> {
  if (process.env.FIRST_LINT_BUDGET !== 'default') (await import('../server/src/node/interrupt-budget')).raiseInterruptBudget();
  const { BUILTIN_RULES } = await import('../server/src/engine');
  const { lintModel } = await import('../server/src/engine/lint');
  const { buildModel } = await import('../server/src/engine/read/model');
  const { parseMarkdown } = await import('../server/src/engine/parse/parse');
  const { scanChunks } = await import('../server/src/engine/parse/chunks');
  const cpu = () => mainThreadCpuMsOf(process.pid);
  const rounds: Stages[] = [];
  for (let round = 0; round < 3; round++) {
    const w = performance.now();
    const c0 = cpu();
    const { starts } = scanChunks(text, 0, () => false);
    const children = [];
    const bases: number[] = [];
    for (let i = 0; i < starts.length; i++) {
      for (const n of parseMarkdown(text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length)).tree.children) {
        children.push(n);
        bases.push(starts[i]);
      }
    }
    const c1 = cpu();
    const tree = { type: 'root' as const, children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } };
    const model = buildModel(text, { parsed: { tree, base: 0, bases } });
    const c2 = cpu();
    lintModel(model, { rules: BUILTIN_RULES });
    const c3 = cpu();
    const wall = performance.now() - w;
    for (let i = 0; i < starts.length; i++) parseMarkdown('Hi.\n');
    rounds.push({ parse: c1 - c0, read: c2 - c1, rules: c3 - c2, fixedParseCost: cpu() - c3, wall });
  }
  process.stdout.write(JSON.stringify({ chunks: scanChunks(text, 0, () => false).starts.length, rounds }) + '\n');
}

/** Spawn → initialize → didOpen → the publish for version 1; the server's CPU is read from /proc around the lint. */
async function serverFirstLint(server: string, text: string): Promise<{ init: number; top: number; wall: number; mainCpu: number; cpu: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pbl-bench-first-'));
  const file = join(dir, 'playbook-5000.md');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const t0 = performance.now();
  const client = new LspClient(server, BENCH_SETTINGS);
  await client.initialize(pathToFileURL(dir).href);
  const init = performance.now() - t0;
  const pid = client.proc.pid!;
  const published = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 1);
  // The status notification follows the whole file's lint (the top is published before it).
  const whole = client.waitFor((m) => m.method === 'playbookLint/status' && m.params.uri === uri && m.params.version === 1);
  const main0 = mainThreadCpuMsOf(pid);
  const cpu0 = cpuMsOf(pid);
  const t = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await published;
  const top = performance.now() - t;
  await whole;
  const wall = performance.now() - t;
  const result = { init, top, wall, mainCpu: mainThreadCpuMsOf(pid) - main0, cpu: cpuMsOf(pid) - cpu0 };
  await client.close();
  return result;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { dir } = pickCorpus(args.find((a) => !a.startsWith('--')));
  const text = assemble(mdFiles(dir), 5000);
  if (args.includes('--stages-child')) return stagesChild(text);
  if (!args.includes('--server')) {
    for (const budget of ['16x', 'default']) {
      const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', __filename, '--stages-child', dir], { env: { ...process.env, FIRST_LINT_BUDGET: budget }, encoding: 'utf8' })) as { chunks: number; rounds: Stages[] });
      for (const [r, label] of ['cold', 'warm (2nd)', 'warm (3rd)'].entries()) {
        const m = (k: keyof Stages) => median(runs.map((x) => x.rounds[r][k])).toFixed(0);
        console.log(`in-process, ${budget} interrupt budget, ${label}: parse of ${runs[0].chunks} chunks ${m('parse')}, reading ${m('read')}, rules ${m('rules')} (wall ${m('wall')} ms); fixed cost of ${runs[0].chunks} parses ${m('fixedParseCost')}`);
      }
    }
  }
  const runs: Awaited<ReturnType<typeof serverFirstLint>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await serverFirstLint(join(ROOT, 'dist/server.js'), text));
  const m = (k: 'init' | 'top' | 'wall' | 'mainCpu' | 'cpu') => median(runs.map((r) => r[k])).toFixed(0);
  console.log(`server: didOpen → first publish (the top) ${m('top')} ms, → whole file ${m('wall')} ms wall (${runs.map((r) => r.wall.toFixed(0)).join(', ')}), main thread ${m('mainCpu')} ms CPU, all threads ${m('cpu')} ms CPU; spawn → initialize result ${m('init')} ms`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
