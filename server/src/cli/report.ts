/**
 * What the CLI reports per file. Plain data (it crosses worker threads and is
 * stored in the cache): positions are already 1-based lines and UTF-16 columns.
 */
import type { Severity } from '../engine';

export interface ReportEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface ReportFix {
  title: string;
  kind: 'safe' | 'rewrite' | 'suppress';
  edits: ReportEdit[];
}

export interface ReportMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: ReportFix[];
  /** Stable across unrelated edits: rule id + the flagged words. Used by baselines and SARIF. */
  fingerprint: string;
  /** Heading of the section the finding is in; absent before the first heading. */
  section?: string;
  /** Other places in the same file the finding is about (1-based, like the finding). */
  related?: Array<{ line: number; column: number; endLine: number; endColumn: number; message: string }>;
}

/** A config error already placed at `file:line:col` (file relative to the working folder). */
export interface ReportConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface FileReport {
  /** Warnings beyond the per-file cap, summed into one message but still counted for --max-warnings. */
  hiddenWarnings?: number;
  /** Relative to the working folder, with `/`. */
  filePath: string;
  score: number;
  /** Words the score is weighed against: the buyer-facing words, or all words when none read as such. */
  words?: number;
  /** Front matter `type:`, or the type a title names when the content backs it. */
  playbookType?: string;
  messages: ReportMessage[];
  configErrors: ReportConfigError[];
  /** The file could not be read or linted (unreadable, binary, too large). */
  fatal?: string;
  /** Safe fixes written to disk (--fix). */
  fixed?: number;
  /** The fixed text, for `--stdin --fix` (nothing is written). */
  output?: string;
  /** Why --fix (or --fix-dry-run) left the file unchanged although it has safe fixes (not UTF-8, a link outside the folder). */
  notFixed?: string;
  /** Unified diff of the safe fixes (--fix-dry-run). */
  diff?: string;
  /** Matched `ignorePatterns`: not linted, not reported. */
  ignored?: boolean;
  /** Nothing in the file reads as words to a buyer (the engine's notice): its score says nothing. */
  notice?: string;
}

export interface RunTotals {
  files: number;
  /** Files with at least one reported finding. */
  filesWithProblems: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixed: number;
  /** Reported findings that `--fix` can fix (they carry a safe fix). */
  fixable: number;
  /** Files in which nothing reads as words to a buyer, so nothing was checked. */
  unread: number;
}

export function emptyTotals(): RunTotals {
  return { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixed: 0, fixable: 0, unread: 0 };
}

export function addToTotals(t: RunTotals, r: FileReport): void {
  t.files++;
  t.fixed += r.fixed ?? 0;
  if (r.notice) t.unread++;
  if (r.messages.length) t.filesWithProblems++;
  for (const m of r.messages) {
    if (m.fixes.some((f) => f.kind === 'safe')) t.fixable++;
    if (m.severity === 'error') t.errors++;
    else if (m.severity === 'warning') t.warnings++;
    else if (m.severity === 'info') t.infos++;
    else t.hints++;
  }
}
