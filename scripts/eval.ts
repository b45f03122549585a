/**
 * Accuracy against the labelled evaluation set (eval/labels, eval/drafts; see eval/LABELLING.md).
 *
 *   npm run eval -- [--split dev|heldout] [--json] [--show-heldout] [--corpus DIR]
 *
 * Lints every labelled file with the built-in rules (recommended preset, as the
 * CLI does with no config file), matches findings to labelled lines and prints
 * precision and recall overall and per rule, for the dev and held-out parts,
 * counting findings of information level or above and, separately, of warning
 * level or above; then every false positive and miss as `path:line rule` (for
 * the held-out part only with --show-heldout: it measures, it is not tuned against).
 * It is a report: exit 0, or 2 when the labels cannot be read. Corpus text is
 * never printed, only paths and line numbers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILTIN_RULES, baseConfig, lineOf, lineStartsOf, lintText } from '../server/src/engine';
import {
  LabelError,
  VIEWS,
  driftedRows,
  emptyScore,
  parseLabels,
  parseSplits,
  precision,
  recall,
  scoreFile,
  splitLines,
  type EvalFinding,
  type LabelRow,
  type Score,
  type Split,
  type View,
} from './eval-score';

const ROOT = resolve(__dirname, '..');
const LABELS = join(ROOT, 'eval', 'labels');
const DRAFTS = join(ROOT, 'eval', 'drafts');
/**
 * The day the labels judge front-matter dates against (stale-playbook): fixed, so a score never moves
 * with the calendar. A label of an expired playbook was written before this day.
 */
const EVAL_TODAY = '2026-12-08';

interface Args {
  splits: Split[];
  json: boolean;
  showHeldout: boolean;
  corpus: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { splits: ['dev', 'heldout'], json: false, showHeldout: false, corpus: resolve(ROOT, '..', 'shared', 'corpus') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--show-heldout') args.showHeldout = true;
    else if (a === '--split') {
      const s = argv[++i];
      if (s !== 'dev' && s !== 'heldout') throw new LabelError(`--split takes dev or heldout, not "${s ?? ''}"`);
      args.splits = [s];
    } else if (a === '--corpus') args.corpus = resolve(argv[++i] ?? '');
    else throw new LabelError(`unknown option "${a}"; use --split dev|heldout, --json, --show-heldout or --corpus DIR`);
  }
  return args;
}

interface FileRun {
  key: string;
  split: Split;
  rows: LabelRow[];
  findings: EvalFinding[];
  unlabelledFindings: number;
}

function run(args: Args): { runs: FileRun[]; drift: LabelRow[]; missing: string[] } {
  const rows = [
    ...parseLabels(readFileSync(join(LABELS, 'corpus.tsv'), 'utf8'), 'corpus'),
    ...parseLabels(readFileSync(join(LABELS, 'drafts.tsv'), 'utf8'), 'drafts'),
  ];
  const splits = parseSplits(readFileSync(join(LABELS, 'split.tsv'), 'utf8'));
  const byFile = new Map<string, LabelRow[]>();
  for (const r of rows) {
    const key = `${r.source}:${r.path}`;
    byFile.set(key, [...(byFile.get(key) ?? []), r]);
  }
  const config = baseConfig(BUILTIN_RULES, 'recommended');
  const runs: FileRun[] = [];
  const drift: LabelRow[] = [];
  const missing: string[] = [];
  for (const [key, fileRows] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const split = splits.get(key);
    if (!split) throw new LabelError(`${key.replace(':', '/')} has labels but no row in split.tsv; add it as dev or heldout`);
    if (!args.splits.includes(split)) continue;
    const first = fileRows[0];
    const abs = first.source === 'corpus' ? join(args.corpus, first.path) : join(DRAFTS, first.path);
    if (!existsSync(abs)) {
      missing.push(`${first.source}/${first.path}`);
      continue;
    }
    const text = readFileSync(abs, 'utf8');
    const changed = driftedRows(fileRows, splitLines(text));
    drift.push(...changed);
    const kept = fileRows.filter((r) => !changed.includes(r));
    const starts = lineStartsOf(text);
    const findings = lintText(text, { rules: BUILTIN_RULES, config, today: EVAL_TODAY }).findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      line: lineOf(starts, f.start) + 1,
      message: f.message,
    }));
    const labelled = new Set(kept.flatMap((r) => Array.from({ length: r.end - r.line + 1 }, (_, i) => r.line + i)));
    runs.push({ key, split, rows: kept, findings, unlabelledFindings: findings.filter((f) => !labelled.has(f.line)).length });
  }
  return { runs, drift, missing };
}

interface Report {
  split: Split;
  files: number;
  labelledLines: number;
  flagLines: number;
  cleanLines: number;
  unlabelledFindings: number;
  views: Record<View, Score>;
}

function report(runs: FileRun[], split: Split): Report {
  const mine = runs.filter((r) => r.split === split);
  const views = { info: emptyScore(), warning: emptyScore() };
  for (const v of VIEWS) for (const r of mine) scoreFile(views[v], r.rows, r.findings, v);
  const rows = mine.flatMap((r) => r.rows);
  return {
    split,
    files: mine.length,
    labelledLines: rows.length,
    flagLines: rows.filter((r) => r.expected.length > 0).length,
    cleanLines: rows.filter((r) => r.clean).length,
    unlabelledFindings: mine.reduce((n, r) => n + r.unlabelledFindings, 0),
    views,
  };
}

const pct = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function printReport(out: string[], r: Report, showHeldout: boolean): void {
  out.push(`## ${r.split === 'dev' ? 'Dev' : 'Held-out'} part: ${r.files} files, ${r.labelledLines} labelled lines (${r.flagLines} flag, ${r.cleanLines} clean)`);
  out.push('');
  out.push('| rule | precision info+ | recall info+ | right / wrong / expected info+ | precision warning+ | recall warning+ | right / wrong / expected warning+ |');
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  const row = (name: string, i: Score['overall'], w: Score['overall']) =>
    out.push(`| ${name} | ${pct(precision(i))} | ${pct(recall(i))} | ${i.tp} / ${i.fp} / ${i.expected} | ${pct(precision(w))} | ${pct(recall(w))} | ${w.tp} / ${w.fp} / ${w.expected} |`);
  row('**all rules**', r.views.info.overall, r.views.warning.overall);
  const ids = [...new Set([...Object.keys(r.views.info.rules), ...Object.keys(r.views.warning.rules)])].sort();
  const none = { tp: 0, fp: 0, expected: 0, hits: 0 };
  for (const id of ids) row(id, r.views.info.rules[id] ?? none, r.views.warning.rules[id] ?? none);
  out.push('');
  out.push(`Findings on unlabelled lines of these files (not scored): ${r.unlabelledFindings}`);
  out.push('');
  // Held-out lines are for measuring, not for tuning: their places are listed only on request.
  const list = r.split === 'dev' || showHeldout;
  const fps = r.views.info.falsePositives;
  out.push(`False positives (information or above): ${fps.length}`);
  if (list) for (const f of fps) out.push(`  ${f.source}/${f.path}:${f.line} ${f.rule} (${f.severity})`);
  const misses = r.views.info.misses;
  out.push(`Misses (information or above): ${misses.length}`);
  if (list) for (const m of misses) out.push(`  ${m.source}/${m.path}:${m.line} ${m.rule}`);
  const wMisses = r.views.warning.misses.filter((m) => !misses.some((x) => x.path === m.path && x.line === m.line && x.rule === m.rule));
  if (wMisses.length) {
    out.push(`Found, but below warning where the label asks for warning: ${wMisses.length}`);
    if (list) for (const m of wMisses) out.push(`  ${m.source}/${m.path}:${m.line} ${m.rule}`);
  }
  if (!list && fps.length + misses.length > 0) out.push('(Places not listed: the held-out part measures the linter and is not tuned against; --show-heldout lists them.)');
  out.push('');
}

function main(argv: string[]): number {
  let args: Args;
  let result: ReturnType<typeof run>;
  try {
    args = parseArgs(argv);
    result = run(args);
  } catch (e) {
    if (e instanceof LabelError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`eval: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
  const reports = args.splits.map((s) => report(result.runs, s));
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          version: 1,
          drift: result.drift.map((r) => ({ source: r.source, path: r.path, line: r.line })),
          missing: result.missing,
          parts: reports.map((r) => ({
            ...r,
            views: Object.fromEntries(
              VIEWS.map((v) => [
                v,
                {
                  ...r.views[v],
                  overall: { ...r.views[v].overall, precision: precision(r.views[v].overall), recall: recall(r.views[v].overall) },
                  rules: Object.fromEntries(Object.entries(r.views[v].rules).map(([id, s]) => [id, { ...s, precision: precision(s), recall: recall(s) }])),
                },
              ]),
            ),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const out: string[] = [];
  out.push('# Playbook Lint accuracy on the labelled set');
  out.push('');
  out.push('Right = finding on a line whose label names its rule; wrong = finding on a clean line or a line whose label does not name its rule; expected = labelled findings the rule should make.');
  out.push('');
  for (const r of reports) printReport(out, r, args.showHeldout);
  if (result.drift.length) {
    out.push(`Labelled lines whose text changed (not scored; relabel them): ${result.drift.length}`);
    for (const r of result.drift) out.push(`  ${r.source}/${r.path}:${r.line}`);
  }
  if (result.missing.length) {
    out.push(`Labelled files not found (not scored): ${result.missing.length}`);
    for (const m of result.missing) out.push(`  ${m}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
