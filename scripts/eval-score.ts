/**
 * Scoring for `npm run eval`: reads the labelled evaluation set (eval/labels/*.tsv),
 * matches lint findings to labelled lines and computes precision and recall.
 * Pure: no file system, no engine; scripts/eval.ts does the reading and linting.
 *
 * A label row names one line of one file (1-based) and, for a message-level
 * rule, optionally the message's last line (`end`). Its `label` is `clean` or a
 * comma list of rule ids: `rule` (should fire, information or above),
 * `rule@warning` (should fire at warning or above) or `?rule` (may fire: neither
 * a hit nor a false alarm). See eval/LABELLING.md.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../server/src/engine/types';

export type Source = 'corpus' | 'drafts';
export type Split = 'dev' | 'heldout';
/** `info` counts findings of information level or above; `warning` of warning or above. */
export type View = 'info' | 'warning';
export const VIEWS: readonly View[] = ['info', 'warning'];

export interface Expected {
  rule: string;
  /** Lowest severity the finding should have; `info` unless the label says `@warning`/`@error`. */
  floor: Severity;
}

export interface LabelRow {
  source: Source;
  path: string;
  line: number;
  /** Last line of the message for a message-level label; equals `line` otherwise. */
  end: number;
  hash: string;
  clean: boolean;
  expected: Expected[];
  tolerated: string[];
  note: string;
  /** Line in the labels file, for error messages. */
  at: number;
}

export interface EvalFinding {
  ruleId: string;
  severity: Severity;
  /** 1-based line of the finding's start. */
  line: number;
  message: string;
}

export interface Outcome {
  source: Source;
  path: string;
  line: number;
  rule: string;
  severity?: Severity;
  message?: string;
}

export interface RuleScore {
  tp: number;
  fp: number;
  expected: number;
  hits: number;
}

export interface Score {
  overall: RuleScore;
  rules: Record<string, RuleScore>;
  falsePositives: Outcome[];
  misses: Outcome[];
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** Short hash of a line's text (without its line break), so a changed corpus line is noticed. */
export function lineHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r$/, ''), 'utf8').digest('hex').slice(0, 12);
}

/** The text's lines, 1-based: `lines[0]` is line 1. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, ''));
}

export class LabelError extends Error {}

/** Parses one labels TSV (`path line end hash label note`, header first). */
export function parseLabels(tsv: string, source: Source, name = `${source}.tsv`): LabelRow[] {
  const rows: LabelRow[] = [];
  const lines = tsv.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (!raw.trim() || raw.startsWith('#')) continue;
    const cols = raw.split('\t');
    const fail = (why: string) => new LabelError(`${name}:${i + 1}: ${why}`);
    if (cols.length < 5) throw fail(`expected at least 5 tab-separated columns (path, line, end, hash, label), found ${cols.length}`);
    const [path, lineText, endText, hash, label, note = ''] = cols;
    const line = Number(lineText);
    const end = endText === '' ? line : Number(endText);
    if (!Number.isInteger(line) || line < 1) throw fail(`line "${lineText}" is not a line number`);
    if (!Number.isInteger(end) || end < line) throw fail(`end "${endText}" is not a line number at or after ${line}`);
    if (!/^[0-9a-f]{12}$/.test(hash)) throw fail(`hash "${hash}" is not 12 hex digits`);
    const row: LabelRow = { source, path, line, end, hash, clean: false, expected: [], tolerated: [], note, at: i + 1 };
    if (label === 'clean') row.clean = true;
    else {
      for (const part of label.split(',').map((s) => s.trim())) {
        const m = /^(\?)?([a-z0-9-]+)(?:@(info|warning|error))?$/.exec(part);
        if (!m) throw fail(`label "${part}" is not clean, rule-id, rule-id@severity or ?rule-id`);
        if (m[1]) row.tolerated.push(m[2]);
        else row.expected.push({ rule: m[2], floor: (m[3] as Severity | undefined) ?? 'info' });
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Parses eval/labels/split.tsv (`source path split`) into `source:path → split`. */
export function parseSplits(tsv: string, name = 'split.tsv'): Map<string, Split> {
  const out = new Map<string, Split>();
  const lines = tsv.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (!raw.trim()) continue;
    const [source, path, split] = raw.split('\t');
    if ((source !== 'corpus' && source !== 'drafts') || !path || (split !== 'dev' && split !== 'heldout')) {
      throw new LabelError(`${name}:${i + 1}: expected "corpus|drafts <tab> path <tab> dev|heldout"`);
    }
    out.set(`${source}:${path}`, split);
  }
  return out;
}

/** Rows whose line no longer has the labelled text (or no longer exists). */
export function driftedRows(rows: readonly LabelRow[], lines: readonly string[]): LabelRow[] {
  return rows.filter((r) => r.line > lines.length || lineHash(lines[r.line - 1]) !== r.hash || r.end > lines.length);
}

function blank(): RuleScore {
  return { tp: 0, fp: 0, expected: 0, hits: 0 };
}

/** An empty score to add files into. */
export function emptyScore(): Score {
  return { overall: blank(), rules: {}, falsePositives: [], misses: [] };
}

/**
 * Adds one file's findings to `score`, counting findings at or above `view`.
 *
 * A finding is matched at its start line: a message-level rule's first to a
 * labelled message span (a row with an `end`) that covers that line and names the finding's rule,
 * otherwise to the row of that exact line. On a `clean` row, or a row that
 * does not name the rule, it is a false positive; on an unlabelled line it is
 * ignored. Several findings of one rule on one row count once. An expected
 * rule with no finding at or above `view` on its row is a miss; in the
 * warning view only labels with a warning floor are expected.
 */
/** Rules that judge a whole message (eval/LABELLING.md): only their findings match a labelled message span. */
const MESSAGE_LEVEL = new Set(['email-length', 'single-clear-cta', 'question-count', 'readability', 'you-focus-ratio', 'rep-monologue-length', 'state-reason-for-call', 'voicemail-essentials', 'voicemail-length']);

export function scoreFile(score: Score, rows: readonly LabelRow[], findings: readonly EvalFinding[], view: View): void {
  const min = RANK[view];
  const byLine = new Map<number, LabelRow>();
  for (const r of rows) byLine.set(r.line, r);
  const spans = rows.filter((r) => r.end > r.line);
  const hit = new Set<string>();
  const fp = new Set<string>();
  const rule = (id: string) => (score.rules[id] ??= blank());
  for (const f of findings) {
    if (RANK[f.severity] < min) continue;
    const names = (r: LabelRow) => r.expected.some((e) => e.rule === f.ruleId) || r.tolerated.includes(f.ruleId);
    const row = (MESSAGE_LEVEL.has(f.ruleId) ? spans.find((r) => r.line <= f.line && f.line <= r.end && names(r)) : undefined) ?? byLine.get(f.line);
    if (!row) continue;
    const key = `${row.line}\0${f.ruleId}`;
    if (row.tolerated.includes(f.ruleId)) continue;
    if (row.expected.some((e) => e.rule === f.ruleId)) {
      if (!hit.has(key)) {
        hit.add(key);
        rule(f.ruleId).tp++;
        score.overall.tp++;
      }
      continue;
    }
    const fpKey = `${f.line}\0${f.ruleId}`;
    if (fp.has(fpKey)) continue;
    fp.add(fpKey);
    rule(f.ruleId).fp++;
    score.overall.fp++;
    score.falsePositives.push({ source: row.source, path: row.path, line: f.line, rule: f.ruleId, severity: f.severity, message: f.message });
  }
  for (const r of rows) {
    for (const e of r.expected) {
      if (RANK[e.floor] < min) continue;
      rule(e.rule).expected++;
      score.overall.expected++;
      if (hit.has(`${r.line}\0${e.rule}`)) {
        rule(e.rule).hits++;
        score.overall.hits++;
      } else {
        score.misses.push({ source: r.source, path: r.path, line: r.line, rule: e.rule });
      }
    }
  }
}

/** Precision: right findings over all findings on labelled lines; `null` when there were none. */
export function precision(s: RuleScore): number | null {
  return s.tp + s.fp === 0 ? null : s.tp / (s.tp + s.fp);
}

/** Recall: expected findings that fired over all expected; `null` when nothing was expected. */
export function recall(s: RuleScore): number | null {
  return s.expected === 0 ? null : s.hits / s.expected;
}
