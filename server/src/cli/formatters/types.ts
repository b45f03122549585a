import type { FileReport, RunTotals } from '../report';

export interface FormatContext {
  version: string;
  /** Warnings threshold in force (-1: none), for the summary line. */
  maxWarnings: number;
  /** ANSI colour (a terminal, FORCE_COLOR, never with NO_COLOR); only the stylish output uses it. */
  color?: boolean;
  /** `--changed-since` ref: only files changed since it were checked. */
  changedSince?: string;
}

/**
 * A formatter streams: `begin` once, `file` per linted file in output order
 * (sorted by path), `end` once. Reports are never all held in memory.
 */
export interface Formatter {
  begin(ctx: FormatContext): string;
  file(report: FileReport, ctx: FormatContext): string;
  end(totals: RunTotals, ctx: FormatContext): string;
}
