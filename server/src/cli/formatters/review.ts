/**
 * `--format review`: Markdown for a pull-request comment or a GitHub job
 * summary. Each playbook's score before → after, the findings grouped by
 * file, and each safe fix as a GitHub ```suggestion block (the rewritten
 * lines). Capped to fit one comment: what does not fit is counted in a line
 * saying what was left out.
 */
import { ruleDocsUrl } from '../../engine';
import type { FileReport, ReportMessage, RunTotals } from '../report';
import type { Formatter } from './types';

/** GitHub refuses comments over 65,536 characters; the rest is room for the marker line the Action adds. */
export const REVIEW_MAX_CHARS = 65_000;

/** What the review needs besides the report; the CLI's node side provides it. */
export interface ReviewFileContext {
  /** The file's text now, to show the lines a safe fix rewrites. */
  text?: string;
  /** Score at the compared ref; undefined when the file is new or there was no ref. */
  scoreBefore?: number;
  isNew?: boolean;
  renamedFrom?: string;
}

export type ReviewDescriber = (report: FileReport) => ReviewFileContext;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function counts(messages: ReportMessage[]): string {
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;
  const suggestions = messages.length - errors - warnings;
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '', suggestions ? plural(suggestions, 'suggestion') : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

function delta(before: number | undefined, after: number): string {
  if (before === undefined) return `${after}`;
  const d = after - before;
  return `${before} → ${after} (${d > 0 ? `+${d}` : d < 0 ? `${d}` : 'no change'})`;
}

function code(s: string): string {
  const ticks = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length)) + 1;
  const fence = '`'.repeat(ticks);
  return ticks > 1 ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const SEVERITY = { error: 'error', warning: 'warning', info: 'suggestion', hint: 'suggestion' } as const;

/**
 * The finding's lines with its first safe fix applied, or undefined when it
 * has none or the fix reaches outside those lines.
 */
export function suggestedLines(m: ReportMessage, text: string | undefined): string | undefined {
  const fix = m.fixes.find((f) => f.kind === 'safe');
  if (!fix || text === undefined || fix.edits.length === 0) return undefined;
  const first = Math.min(m.line, ...fix.edits.map((e) => e.line));
  const last = Math.max(m.endLine, ...fix.edits.map((e) => e.endLine));
  const lines = text.split(/\r?\n/);
  if (last > lines.length) return undefined;
  const span = lines.slice(first - 1, last);
  // Offsets inside the span, edits applied from the last one so earlier offsets stay valid.
  const starts: number[] = [];
  let at = 0;
  for (const l of span) {
    starts.push(at);
    at += l.length + 1;
  }
  let joined = span.join('\n');
  const edits = [...fix.edits].sort((a, b) => b.line - a.line || b.column - a.column);
  for (const e of edits) {
    const s = starts[e.line - first] + e.column - 1;
    const end = starts[e.endLine - first] + e.endColumn - 1;
    joined = joined.slice(0, s) + e.text + joined.slice(end);
  }
  return joined;
}

function suggestionBlock(lines: string): string {
  const ticks = Math.max(2, ...[...lines.matchAll(/^`{3,}/gm)].map((m) => m[0].length)) + 1;
  const fence = '`'.repeat(ticks);
  return `${fence}suggestion\n${lines}\n${fence}\n`;
}

function findingBlock(m: ReportMessage, text: string | undefined): string {
  const where = m.endLine > m.line ? `Lines ${m.line}–${m.endLine}` : `Line ${m.line}`;
  let s = `**${where}** · ${SEVERITY[m.severity]} · [${code(m.ruleId)}](${ruleDocsUrl(m.ruleId)})  \n${m.message}\n`;
  const lines = suggestedLines(m, text);
  if (lines !== undefined) s += `\n${suggestionBlock(lines)}`;
  else {
    const rewrite = m.fixes.find((f) => f.kind === 'rewrite');
    if (rewrite) s += `\nRewrite idea: ${rewrite.title.replace(/^Rewrite:\s*/i, '')} (the editor's Quick Fix writes it out).\n`;
  }
  return `${s}\n`;
}

function fileName(r: FileReport, c: ReviewFileContext): string {
  return `${code(r.filePath)}${c.isNew ? ' (new)' : c.renamedFrom ? ` (renamed from ${code(c.renamedFrom)})` : ''}`;
}

export function createReviewFormatter(describe: ReviewDescriber = () => ({}), maxChars = REVIEW_MAX_CHARS): Formatter {
  const files: Array<{ r: FileReport; c: ReviewFileContext }> = [];
  return {
    begin: () => '',
    file(r) {
      files.push({ r, c: describe(r) });
      return '';
    },
    end(t: RunTotals) {
      return renderReview(files, t, maxChars);
    },
  };
}

function renderReview(files: Array<{ r: FileReport; c: ReviewFileContext }>, t: RunTotals, maxChars: number): string {
  const compared = files.filter((f) => f.c.scoreBefore !== undefined && !f.r.fatal);
  const better = compared.filter((f) => f.r.score > f.c.scoreBefore!).length;
  const worse = compared.filter((f) => f.r.score < f.c.scoreBefore!).length;
  const found = t.errors + t.warnings + t.infos + t.hints;
  let head = '## Playbook Lint review\n\n';
  if (files.length === 0) return `${head}No playbooks to review.\n`;
  head += `${plural(files.length, 'playbook')} reviewed`;
  if (compared.length) head += `: ${better} better, ${worse} worse, ${compared.length - better - worse} unchanged in score`;
  head += '. ';
  head += found ? `Findings: ${counts(files.flatMap((f) => f.r.messages))}.\n\n` : 'No findings.\n\n';
  head += '| Playbook | Score (0–100) | Findings |\n| --- | --- | --- |\n';

  // Pieces in order; each knows how many findings it shows, so a cut can say what it left out.
  const pieces: Array<{ text: string; findings: number; file?: string }> = [{ text: head, findings: 0 }];
  for (const { r, c } of files) {
    const score = r.fatal ? '—' : delta(c.scoreBefore, r.score);
    pieces.push({ text: `| ${cell(fileName(r, c))} | ${score} | ${cell(r.fatal ? `not linted: ${r.fatal}` : counts(r.messages))} |\n`, findings: 0 });
  }
  for (const { r, c } of files) {
    if (!r.messages.length) continue;
    pieces.push({ text: `\n### ${fileName(r, c)} · ${delta(c.scoreBefore, r.score)}\n\n`, findings: 0, file: r.filePath });
    for (const m of r.messages) pieces.push({ text: findingBlock(m, c.text), findings: 1, file: r.filePath });
  }

  const CUT_ROOM = 400;
  let out = '';
  let i = 0;
  for (; i < pieces.length; i++) {
    const rest = pieces.length - i - 1;
    if (out.length + pieces[i].text.length + (rest ? CUT_ROOM : 0) > maxChars) break;
    out += pieces[i].text;
  }
  if (i < pieces.length) {
    const left = pieces.slice(i);
    const findings = left.reduce((n, p) => n + p.findings, 0);
    const inFiles = new Set(left.filter((p) => p.findings).map((p) => p.file)).size;
    const rows = left.filter((p) => p.text.startsWith('| ')).length;
    const what = [rows ? plural(rows, 'table row') : '', findings ? `${plural(findings, 'finding')} in ${plural(inFiles, 'playbook')}` : ''].filter(Boolean).join(' and ');
    out += `\n---\n_Not shown: ${what}, to keep this review within GitHub's limit of 65,536 characters per comment. The job log and code scanning list every finding._\n`;
  }
  return out;
}
