/**
 * Fits the sentence model (server/src/engine/rules/sentence-model) on the
 * labelled drafts of the evaluation set's dev part, never the held-out part,
 * and writes its weights to weights.generated.ts.
 *
 *   npm run fit            refit and write the weights
 *   npm run fit -- --check exit 1 when the written weights are not what a refit gives
 *
 * One logistic regression per rule that sets `options.sentenceModel`, over the
 * words and word pairs (features.ts) of each labelled line's sentences that the
 * reading layer gives the rep's voice. A line labelled with the rule is a
 * positive; any other labelled line is a negative, except where the label only
 * tolerates the rule (`?rule`). Message-level labels (spanning lines) are left
 * out: they are about the message, not a sentence. Features seen on fewer than
 * three lines are dropped, which keeps the weights small and the model from
 * learning one draft's names. Training is deterministic (fixed order, fixed
 * passes), so a refit on the same labels writes the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILTIN_RULES, buildModel, lineOf, lineStartsOf } from '../server/src/engine';
import { startAt } from '../server/src/engine/read/model';
import { modelSentences } from '../server/src/engine/rules/sentence-model/sentences';
import { BIAS, sentenceFeatures } from '../server/src/engine/rules/sentence-model/features';
import { parseLabels, parseSplits, type LabelRow } from './eval-score';

const ROOT = resolve(__dirname, '..');
const LABELS = join(ROOT, 'eval', 'labels');
const DRAFTS = join(ROOT, 'eval', 'drafts');
const OUT = join(ROOT, 'server', 'src', 'engine', 'rules', 'sentence-model', 'weights.generated.ts');

const MIN_LINES = 3;
const PASSES = 12;
const RATE = 0.3;
const L2 = 1e-3;
/** Positives are rare (a few per hundred lines): each counts three times. */
const POSITIVE_WEIGHT = 3;

interface Example {
  features: string[];
  rules: string[];
  tolerated: string[];
  /** A rule example teaches only its own rule. */
  only?: string;
}

/** The rep's sentences of a document, joined per line (1-based), in line order. */
function sentencesByLine(text: string, keep: (line: number) => boolean): Array<[number, string]> {
  const starts = lineStartsOf(text);
  const lines = new Map<number, string[]>();
  for (const turn of buildModel(text).turns) {
    if (!turn.speech) continue;
    for (const s of modelSentences(turn)) {
      const line = lineOf(starts, startAt(turn.unit, s.a)) + 1;
      if (keep(line)) lines.set(line, [...(lines.get(line) ?? []), s.text]);
    }
  }
  return [...lines].sort(([a], [b]) => a - b).map(([line, sentences]) => [line, sentences.join(' ')]);
}

/**
 * The modelled rules' valid examples, as negatives for their own rule: they are
 * what the rule must not flag ("Where have you got to with the survey? If the
 * yard found pitting, I can send thicker anodes" carries a reason). A line of
 * one with a finding of the rule expected (a valid example of another of its
 * checks) is a positive. Invalid examples are left out: they were written for
 * the phrases, which already catch them, and made the model less precise.
 */
function ruleExamples(ids: readonly string[]): Example[] {
  const out: Example[] = [];
  for (const rule of BUILTIN_RULES.filter((r) => ids.includes(r.id))) {
    for (const ex of rule.examples?.valid ?? []) {
      if (ex.config) continue;
      const flagged = new Set<number>();
      for (const f of ex.findings ?? []) {
        const m = /^(\d+):\d+-(\d+):\d+ \w+ (\S+)$/.exec(f);
        if (m && m[3] === rule.id) for (let l = Number(m[1]); l <= Number(m[2]); l++) flagged.add(l);
      }
      for (const [line, text] of sentencesByLine(ex.text, () => true)) out.push({ features: sentenceFeatures(text), rules: flagged.has(line) ? [rule.id] : [], tolerated: [], only: rule.id });
    }
  }
  return out;
}

/** The dev drafts' labelled lines as the rep's sentences, in file and line order. */
function examples(): Example[] {
  const rows = parseLabels(readFileSync(join(LABELS, 'drafts.tsv'), 'utf8'), 'drafts');
  const splits = parseSplits(readFileSync(join(LABELS, 'split.tsv'), 'utf8'));
  const byFile = new Map<string, LabelRow[]>();
  for (const r of rows) if (splits.get(`drafts:${r.path}`) === 'dev') byFile.set(r.path, [...(byFile.get(r.path) ?? []), r]);
  const out: Example[] = [];
  for (const path of [...byFile.keys()].sort()) {
    const rowAt = new Map<number, LabelRow>();
    for (const r of byFile.get(path)!) if (r.end === r.line) rowAt.set(r.line, r);
    for (const [line, text] of sentencesByLine(readFileSync(join(DRAFTS, path), 'utf8'), (l) => rowAt.has(l))) {
      const row = rowAt.get(line)!;
      out.push({ features: sentenceFeatures(text), rules: row.expected.map((e) => e.rule), tolerated: row.tolerated });
    }
  }
  return out;
}

/** Adagrad on the log loss with an L2 penalty; the bias is feature 0. */
function fit(data: Array<{ x: number[]; y: boolean }>, size: number): Float64Array {
  const w = new Float64Array(size);
  const g = new Float64Array(size);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const { x, y } of data) {
      let z = 0;
      for (const i of x) z += w[i];
      const err = 1 / (1 + Math.exp(-z)) - (y ? 1 : 0);
      const weight = y ? POSITIVE_WEIGHT : 1;
      for (const i of x) {
        const grad = weight * err + L2 * w[i];
        g[i] += grad * grad;
        w[i] -= (RATE * grad) / Math.sqrt(g[i] + 1e-8);
      }
    }
  }
  return w;
}

function base64(bytes: Int8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b & 0xff);
  return btoa(s);
}

function render(): string {
  const ids = BUILTIN_RULES.filter((r) => r.options?.sentenceModel === true).map((r) => r.id).sort();
  const data = [...examples(), ...ruleExamples(ids)];
  const counts = new Map<string, number>();
  for (const e of data) for (const f of e.features) if (f !== BIAS) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= MIN_LINES).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i + 1]));
  const encoded = data.map((e) => ({ ...e, x: [0, ...e.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : []))] }));
  const rules: Record<string, { bias: number; scale: number; weights: string }> = {};
  for (const id of ids) {
    const w = fit(encoded.filter((e) => !e.tolerated.includes(id) && (e.only ?? id) === id).map((e) => ({ x: e.x, y: e.rules.includes(id) })), vocabulary.length + 1);
    let max = 0;
    for (let i = 1; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
    const scale = max / 127 || 1;
    const q = new Int8Array(vocabulary.length);
    for (let i = 1; i < w.length; i++) q[i - 1] = Math.round(w[i] / scale);
    rules[id] = { bias: Number(w[0].toFixed(4)), scale: Number(scale.toPrecision(6)), weights: base64(q) };
  }
  const lines = [
    '// Generated by `npm run fit` (scripts/fit-sentence-model.ts) from the dev part of eval/labels; do not edit.',
    `// ${data.length} labelled lines, ${vocabulary.length} features seen on at least ${MIN_LINES} of them.`,
    'export const SENTENCE_MODEL: { vocabulary: string; rules: Record<string, { bias: number; scale: number; weights: string }> } = {',
    `  vocabulary: ${JSON.stringify(vocabulary.join('\n'))},`,
    '  rules: {',
    ...ids.map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(rules[id])},`),
    '  },',
    '};',
    '',
  ];
  return lines.join('\n');
}

const text = render();
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(OUT, 'utf8');
  } catch {}
  if (old !== text) {
    console.error('The sentence model is out of date with eval/labels or the reading layer: run `npm run fit` and commit weights.generated.ts.');
    process.exit(1);
  }
  console.log('The sentence model is up to date.');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
