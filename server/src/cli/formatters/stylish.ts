/**
 * Human-readable, grouped by file, like ESLint's "stylish": each file with
 * its score, one line per finding, then the totals, how many `--fix` can fix
 * and what the score means. Colour only when the context asks for it.
 */
import { plural } from '../../engine';
import { paint, type Paint } from '../ansi';
import type { FileReport, RunTotals } from '../report';
import type { Formatter, FormatContext } from './types';

/** One line on the 0–100 file score, printed under the totals. */
export const SCORE_LINE = 'Score: 0–100 per file, 100 = nothing found; errors, warnings and info lower it, weighed against the words the buyer reads (one warning in 100 words scores 82).';

const SEVERITY_COLOR: Record<string, keyof Paint> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

export const stylish: Formatter = {
  begin: () => '',
  file(r: FileReport, ctx: FormatContext) {
    if (r.messages.length === 0) return '';
    const c = paint(ctx.color === true);
    const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message.replace(/\s+/g, ' '), m.ruleId]);
    const w0 = rows.reduce((m, x) => Math.max(m, x[0].length), 0);
    const w1 = rows.reduce((m, x) => Math.max(m, x[1].length), 0);
    const lines = rows.map((x) => `  ${c.dim(x[0].padEnd(w0))}  ${c[SEVERITY_COLOR[x[1]] ?? 'dim'](x[1].padEnd(w1))}  ${x[2]}  ${c.dim(x[3])}`);
    return `${c.underline(r.filePath)}  ${c.dim(`score ${r.score}/100`)}\n${lines.join('\n')}\n\n`;
  },
  end(t: RunTotals, ctx: FormatContext) {
    const c = paint(ctx.color === true);
    const total = t.errors + t.warnings + t.infos + t.hints;
    const fixed = t.fixed ? `Fixed ${plural(t.fixed, 'problem')}.\n` : '';
    const none = ctx.changedSince !== undefined ? `No playbooks changed since ${ctx.changedSince}.` : 'No Markdown files to check.';
    const unread = t.unread ? `${c.dim(unreadLine(t))}\n` : '';
    if (total === 0) return `${fixed}${c.green('✔')} ${t.files === 0 ? none : `${plural(t.files, 'file')} checked, no problems.`}\n${unread}`;
    const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
    if (t.infos) parts.push(`${t.infos} info`);
    if (t.hints) parts.push(plural(t.hints, 'hint'));
    const fixable = t.fixable ? ` — ${t.fixable} fixable with --fix` : '';
    const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(t.filesWithProblems, 'file')}${fixable}`;
    return `${fixed}${c.bold(t.errors ? c.red(line) : t.warnings ? c.yellow(line) : line)}\n${c.dim(SCORE_LINE)}\n${unread}`;
  },
};

/** Files with nothing read: a clean result there means "not checked", and the user should know. */
function unreadLine(t: RunTotals): string {
  const which = t.unread === t.files ? (t.files === 1 ? 'this file' : `any of the ${t.files} files`) : `${plural(t.unread, 'file')}`;
  const lead = t.unread === t.files ? `Nothing in ${which} reads as words to a buyer, so nothing was checked there` : `In ${which}, nothing reads as words to a buyer, so nothing was checked there`;
  return `${lead}; run --explain FILE to see how a file was read, and mark scripts and emails with front matter (type: call-script) or a heading such as “Follow-up email”.`;
}
