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
  /** Relative to the working folder, with `/`. */
  filePath: string;
  score: number;
  messages: ReportMessage[];
  configErrors: ReportConfigError[];
  /** The file could not be read or linted (unreadable, binary, too large). */
  fatal?: string;
  /** Safe fixes written to disk (--fix). */
  fixed?: number;
  /** The fixed text, for `--stdin --fix` (nothing is written). */
  output?: string;
  /** Unified diff of the safe fixes (--fix-dry-run). */
  diff?: string;
  /** Matched `ignorePatterns`: not linted, not reported. */
  ignored?: boolean;
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
}

export function emptyTotals(): RunTotals {
  return { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixed: 0 };
}

export function addToTotals(t: RunTotals, r: FileReport): void {
  t.files++;
  t.fixed += r.fixed ?? 0;
  if (r.messages.length) t.filesWithProblems++;
  for (const m of r.messages) {
    if (m.severity === 'error') t.errors++;
    else if (m.severity === 'warning') t.warnings++;
    else if (m.severity === 'info') t.infos++;
    else t.hints++;
  }
}
