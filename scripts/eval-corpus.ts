/**
 * Accuracy check on real playbooks written by others (default `../shared/corpus`,
 * see its README and MANIFEST.tsv for sources and licences).
 *
 *   npm run eval:corpus -- [folder] [--sample N] [--seed S] [--rule id] [--severity warning]
 *
 * Lints every `.md` file with the built-in rules (recommended preset) and prints
 * findings per 1,000 words per rule and per severity, warnings per 1,000 words
 * over the whole corpus (target ≤ 1), and a seeded random sample of findings
 * with ±60 characters of context for a human to read. Corpus text is only
 * printed, never written into the project.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUILTIN_RULES, lintText, type Finding } from '../server/src/engine';

interface Args {
  folder: string;
  sample: number;
  seed: number;
  rule?: string;
  severity?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { folder: resolve(__dirname, '..', '..', 'shared', 'corpus'), sample: 40, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sample') args.sample = Number(argv[++i]);
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--rule') args.rule = argv[++i];
    else if (a === '--severity') args.severity = argv[++i];
    else if (!a.startsWith('--')) args.folder = resolve(a);
  }
  return args;
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) markdownFiles(p, out);
    else if (/\.(?:md|markdown)$/i.test(name)) out.push(p);
  }
  return out;
}

/** Mulberry32: a small seeded generator, so the sample is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) (line++, (last = i + 1));
  return `${line}:${offset - last + 1}`;
}

const per1k = (n: number, words: number) => (words ? (n * 1000) / words : 0);
const fmt = (x: number) => x.toFixed(3);

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const files = markdownFiles(args.folder);
  if (files.length === 0) {
    console.error(`No Markdown files under ${args.folder}`);
    process.exit(1);
  }
  let words = 0;
  let speechWords = 0;
  const all: Array<{ file: string; text: string; f: Finding }> = [];
  const started = Date.now();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = lintText(text, { rules: BUILTIN_RULES });
    words += result.stats.words;
    speechWords += result.stats.speechWords;
    for (const f of result.findings) all.push({ file, text, f });
  }
  const ms = Date.now() - started;

  const bySev = new Map<string, number>();
  const byRule = new Map<string, Map<string, number>>();
  for (const { f } of all) {
    bySev.set(f.severity, (bySev.get(f.severity) ?? 0) + 1);
    const m = byRule.get(f.ruleId) ?? new Map<string, number>();
    m.set(f.severity, (m.get(f.severity) ?? 0) + 1);
    byRule.set(f.ruleId, m);
  }

  console.log(`Corpus: ${relative(process.cwd(), args.folder) || '.'} — ${files.length} files, ${words.toLocaleString('en-US')} words (${speechWords.toLocaleString('en-US')} read as speech), linted in ${ms} ms`);
  console.log('');
  console.log('| rule | findings | per 1k words | error | warning | info | hint |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const ids = [...new Set([...BUILTIN_RULES.map((r) => r.id), ...byRule.keys()])].sort();
  for (const id of ids) {
    const m = byRule.get(id) ?? new Map<string, number>();
    const n = [...m.values()].reduce((x, y) => x + y, 0);
    console.log(`| ${id} | ${n} | ${fmt(per1k(n, words))} | ${m.get('error') ?? 0} | ${m.get('warning') ?? 0} | ${m.get('info') ?? 0} | ${m.get('hint') ?? 0} |`);
  }
  console.log('');
  console.log('| severity | findings | per 1k words |');
  console.log('|---|---:|---:|');
  for (const s of ['error', 'warning', 'info', 'hint']) console.log(`| ${s} | ${bySev.get(s) ?? 0} | ${fmt(per1k(bySev.get(s) ?? 0, words))} |`);
  const warnings = (bySev.get('warning') ?? 0) + (bySev.get('error') ?? 0);
  const rate = per1k(warnings, words);
  console.log('');
  console.log(`Warnings and errors per 1,000 words: ${fmt(rate)} (target ≤ 1) — ${rate <= 1 ? 'MET' : 'NOT MET'}`);

  let pool = all;
  if (args.rule) pool = pool.filter(({ f }) => args.rule!.split(',').includes(f.ruleId));
  if (args.severity) pool = pool.filter(({ f }) => f.severity === args.severity);
  const random = rng(args.seed);
  const picked = [...pool];
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [picked[i], picked[j]] = [picked[j], picked[i]];
  }
  const sample = picked.slice(0, args.sample).sort((x, y) => x.file.localeCompare(y.file) || x.f.start - y.f.start);
  console.log('');
  console.log(`Sample: ${sample.length} of ${pool.length} findings (seed ${args.seed})`);
  for (const { file, text, f } of sample) {
    const a = Math.max(0, f.start - 60);
    const b = Math.min(text.length, f.end + 60);
    const ctx = `${text.slice(a, f.start)}⟦${text.slice(f.start, f.end)}⟧${text.slice(f.end, b)}`.replace(/\s+/g, ' ');
    console.log('');
    console.log(`${relative(args.folder, file)}:${lineCol(text, f.start)} ${f.severity} ${f.ruleId}`);
    console.log(`  …${ctx}…`);
  }
  const internal = byRule.get('internal-error');
  if (internal) process.exitCode = 1;
}

main();
