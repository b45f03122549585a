/**
 * In-process keystroke cost on an assembled 5,000-line playbook: full lintText vs DocumentLinter (same edits, seeded).
 * EDITS sets the number of edits (40); FULL=0 skips the full lints and their check (their garbage would otherwise be
 * collected during the DocumentLinter's lints). Prints the GC pauses that fell inside DocumentLinter's lints.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { BUILTIN_RULES, lintText } from '../server/src/engine';
import { DocumentLinter } from '../server/src/engine/incremental/incremental';

const corpus = resolve(__dirname, process.argv[2] ?? '../../shared/corpus');
const files: string[] = [];
const walk = (d: string) => readdirSync(d).sort().forEach((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith('.md') && files.push(join(d, n))));
walk(corpus);
const sections: string[] = [];
for (const f of files) for (const s of readFileSync(f, 'utf8').replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n(?=#{1,6} )/)) if (s.trim() && (s.match(/^ {0,3}(?:```|~~~)/gm) ?? []).length % 2 === 0) sections.push(s.trimEnd()); // drop sections cut inside a fence
const lines: string[] = [];
for (let i = 0; lines.length < 5000; i = (i + 7) % sections.length) lines.push(...sections[i].split('\n'), '');
let text = lines.slice(0, 5000).join('\n') + '\n';
const n = Number(process.env.EDITS ?? 40);
const opts = { rules: BUILTIN_RULES };
const linter = new DocumentLinter(opts);
linter.lint(text);
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const full: number[] = [];
const inc: number[] = [];
const withFull = process.env.FULL !== '0';
const spans: Array<[number, number]> = [];
const gcs: Array<[number, number]> = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => gcs.push([e.startTime, e.duration]))).observe({ entryTypes: ['gc'] });
for (let i = 0; i < n; i++) {
  const at = Math.floor(rnd() * text.length);
  text = text.slice(0, at) + 'x' + text.slice(at);
  let t = performance.now();
  const a = withFull ? lintText(text, opts) : undefined;
  full.push(performance.now() - t);
  t = performance.now();
  const b = linter.lint(text);
  const end = performance.now();
  inc.push(end - t);
  spans.push([t, end]);
  if (a && JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`mismatch after edit ${i}`);
}
const p = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))].toFixed(1);
// GC entries arrive asynchronously: report once they are in.
setTimeout(() => {
  const inLints = gcs.filter(([at]) => spans.some(([s, e]) => at >= s && at < e));
  const pauses = `${inLints.length} GC pauses in them (${inLints.reduce((n, [, d]) => n + d, 0).toFixed(0)} ms)`;
  console.log(`${text.length} chars; full lintText p50 ${withFull ? p(full, 0.5) : '-'} ms p95 ${withFull ? p(full, 0.95) : '-'} ms; DocumentLinter p50 ${p(inc, 0.5)} ms p95 ${p(inc, 0.95)} ms max ${Math.max(...inc).toFixed(1)} ms, ${pauses}`);
}, 100);
