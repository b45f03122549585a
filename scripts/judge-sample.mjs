#!/usr/bin/env node
// Draws a repeatable random sample of findings on the public corpus, for judging by hand.
//
// Usage:
//   node dist/cli.js --format json ../shared/corpus > /tmp/corpus.json
//   node scripts/judge-sample.mjs /tmp/corpus.json [--heldout FILE] [--seed N] [--size N] > sample.tsv
//
// Filters: drops findings in the held-out corpus files of eval/labels/split.tsv (or of FILE, one path per
// line, "corpus/" prefix optional), keeps severities info, warning and error (not hint).
// Sampling: a seeded Fisher-Yates shuffle (mulberry32) of the findings in a stable order (path, line, column,
// rule), then the first N (all of them when there are fewer), printed sorted by path and line.
// Output: TSV with a header: file, line, rule, severity, message. file is relative to the corpus root.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}
const seed = Number(option('--seed', '20261205'));
const size = Number(option('--size', '100'));
const heldoutPath = option('--heldout', new URL('../eval/labels/split.tsv', import.meta.url).pathname);
const input = args[0];
if (!input) {
  console.error('usage: node scripts/judge-sample.mjs CORPUS.json [--heldout FILE] [--seed N] [--size N]');
  process.exit(2);
}

const KEEP = new Set(['info', 'warning', 'error']);
const corpusRelative = (p) => {
  const norm = p.replace(/\\/g, '/');
  const i = norm.lastIndexOf('corpus/');
  return i < 0 ? norm : norm.slice(i + 'corpus/'.length);
};
// split.tsv rows are "source<TAB>path<TAB>split"; a plain list holds one path per line.
const heldout = new Set(
  readFileSync(heldoutPath, 'utf8')
    .split('\n')
    .map((l) => l.trim().split('\t'))
    .filter((cols) => cols[0] && (cols.length < 3 || (cols[0] === 'corpus' && cols[2] === 'heldout')))
    .map((cols) => (cols.length < 3 ? cols[0] : cols[1]).replace(/^corpus\//, '')),
);

const report = JSON.parse(readFileSync(input, 'utf8'));
const findings = [];
for (const result of report.results) {
  const file = corpusRelative(result.filePath);
  if (heldout.has(file)) continue;
  for (const m of result.messages) {
    if (!KEEP.has(m.severity)) continue;
    findings.push({ file, line: m.line, column: m.column ?? 0, rule: m.ruleId, severity: m.severity, message: m.message });
  }
}
const byPlace = (a, b) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
findings.sort(byPlace);

function mulberry32(s) {
  let t = s >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const shuffled = findings.slice();
for (let i = shuffled.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
}
const sample = shuffled.slice(0, size).sort(byPlace);

const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ');
console.log(['file', 'line', 'rule', 'severity', 'message'].join('\t'));
for (const f of sample) console.log([f.file, f.line, f.rule, f.severity, clean(f.message)].map(clean).join('\t'));
console.error(`${findings.length} findings after filters (seed ${seed}); sampled ${sample.length}.`);
