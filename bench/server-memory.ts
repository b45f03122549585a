/**
 * Server RSS with every corpus file open, as `npm run bench` measures it:
 * spawn `node dist/server.js --stdio`, initialize, didOpen every .md file,
 * wait for each file's publishDiagnostics, read the process's VmRSS.
 *
 *   node --import tsx bench/server-memory.ts [corpus] [--runs N] [--probe] [--snapshot] [--node-arg=<flag>]...
 *
 * --probe        after reading RSS, also print the server's heap figures (process.memoryUsage,
 *                V8 heap spaces, GCs so far), before and after a full GC, from bench/memory-probe.cjs
 *                preloaded into the server (with --expose-gc).
 * --snapshot     with --probe, also write a heap snapshot (to the temp folder it prints).
 * --settle=<ms>  also print RSS after the server has been idle this long.
 * --node-arg=<f> an extra node flag for the server process, e.g. --node-arg=--max-semi-space-size=4.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdFiles, pickCorpus, ROOT } from './corpus';
import { cpuMsOf, LspClient, rssOf } from './lsp-client';

export const BENCH_SETTINGS = { debounceMs: 0, maxFileSize: 64 * 1024 * 1024 };

export interface ServerMemoryOptions {
  /** Node flags for the server process. */
  nodeArgs?: string[];
  /** Also reads RSS again after this many idle milliseconds (diagnostic: what V8 gives back on its own). */
  settleMs?: number;
  /** Preloads bench/memory-probe.cjs and reads its figures after RSS; `snapshot`: a heap snapshot file to write. */
  probe?: { out: string; snapshot?: string };
}

export interface ServerMemory {
  rss: number;
  /** CPU time the server spent until then (ms): what a flag costs in speed. */
  cpuMs: number;
  /** Present with `settleMs`. */
  settledRss?: number;
  /** Present with `probe`: what the preloaded probe reported. */
  heap?: unknown;
  /** Present with `probe`: RSS a second after the probe's full GC (V8 returns freed pages in the background). */
  rssAfterGc?: number;
}

/** RSS of the server process once every file is open and its diagnostics published. */
export async function serverMemory(server: string, files: string[], corpus: string, options: ServerMemoryOptions = {}): Promise<ServerMemory> {
  const { probe } = options;
  const nodeArgs = [...(options.nodeArgs ?? []), ...(probe ? ['--expose-gc', '--require', join(__dirname, 'memory-probe.cjs')] : [])];
  const env = probe ? { ...process.env, PBL_MEM_PROBE_OUT: probe.out, PBL_MEM_PROBE_SNAPSHOT: probe.snapshot ?? '' } : process.env;
  const client = new LspClient(server, BENCH_SETTINGS, nodeArgs, env);
  await client.initialize(pathToFileURL(corpus).href);
  const waits: Promise<unknown>[] = [];
  for (const f of files) {
    const uri = pathToFileURL(f).href;
    waits.push(client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(f, 'utf8') } });
  }
  await Promise.all(waits);
  const rss = rssOf(client.proc.pid!);
  const cpuMs = cpuMsOf(client.proc.pid!);
  let settledRss: number | undefined;
  if (options.settleMs) {
    await new Promise((r) => setTimeout(r, options.settleMs));
    settledRss = rssOf(client.proc.pid!);
  }
  let heap: unknown;
  let rssAfterGc: number | undefined;
  if (probe) {
    client.proc.kill('SIGUSR2');
    for (let i = 0; i < 600 && heap === undefined; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        heap = JSON.parse(readFileSync(probe.out, 'utf8'));
      } catch {
        heap = undefined;
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    rssAfterGc = rssOf(client.proc.pid!);
  }
  await client.close();
  return { rss, cpuMs, settledRss, heap, rssAfterGc };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
  const nodeArgs = args.filter((a) => a.startsWith('--node-arg=')).map((a) => a.slice('--node-arg='.length));
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
  const { dir: corpus, kind } = pickCorpus(positional[0]);
  const files = mdFiles(corpus);
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  process.stderr.write(`corpus: ${kind}: ${files.length} files, ${mb.toFixed(2)} MB; node args: ${nodeArgs.join(' ') || '(none)'}\n`);
  const server = join(ROOT, 'dist/server.js');
  const MB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'pbl-mem-'));
    const probe = flag('--probe') ? { out: join(dir, 'probe.json'), snapshot: flag('--snapshot') ? join(dir, 'server.heapsnapshot') : undefined } : undefined;
    const settle = args.find((a) => a.startsWith('--settle='));
    const t = performance.now();
    const r = await serverMemory(server, files, corpus, { nodeArgs, probe, settleMs: settle ? Number(settle.slice('--settle='.length)) : undefined });
    process.stdout.write(`server RSS: ${MB(r.rss)} (server CPU ${(r.cpuMs / 1000).toFixed(1)} s, wall ${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
    if (r.settledRss !== undefined) process.stdout.write(`  after idling: ${MB(r.settledRss)}\n`);
    if (r.heap) {
      const h = r.heap as { before: any; after: any; snapshot?: string };
      process.stdout.write(`  GCs until then: ${Object.entries<any>(h.before.gcs).map(([k, g]) => `${k} ${g.count} (${g.ms.toFixed(0)} ms)`).join(', ')}\n`);
      for (const when of ['before', 'after'] as const) {
        const m = h[when].memory;
        process.stdout.write(`  ${when} GC: rss ${MB(m.rss)}, heapTotal ${MB(m.heapTotal)}, heapUsed ${MB(m.heapUsed)}, external ${MB(m.external)}, arrayBuffers ${MB(m.arrayBuffers)}\n`);
        for (const [name, s] of Object.entries<any>(h[when].spaces)) if (s.size > 0) process.stdout.write(`    ${name.padEnd(24)} size ${MB(s.size).padStart(9)}  committed ${MB(s.committed).padStart(9)}  used ${MB(s.used).padStart(9)}\n`);
      }
      process.stdout.write(`  RSS a second after that GC: ${MB(r.rssAfterGc!)}\n`);
      if (h.snapshot) process.stdout.write(`  heap snapshot: ${h.snapshot}\n`);
    }
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exitCode = 1;
  });
}
