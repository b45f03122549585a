/** Human-readable, grouped by file (eslint's "stylish", without colours so output is stable). */
import type { RunTotals } from '../report';
import type { Formatter } from './types';

export const stylish: Formatter = {
  begin: () => '',
  file(r) {
    if (r.messages.length === 0) return '';
    const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message.replace(/\s+/g, ' '), m.ruleId]);
    const w0 = rows.reduce((m, x) => Math.max(m, x[0].length), 0);
    const w1 = rows.reduce((m, x) => Math.max(m, x[1].length), 0);
    return `${r.filePath}\n${rows.map((x) => `  ${x[0].padEnd(w0)}  ${x[1].padEnd(w1)}  ${x[2]}  ${x[3]}`).join('\n')}\n\n`;
  },
  end(t: RunTotals) {
    const total = t.errors + t.warnings + t.infos + t.hints;
    const fixed = t.fixed ? `Fixed ${t.fixed} problem${t.fixed === 1 ? '' : 's'}.\n` : '';
    if (total === 0) return fixed;
    const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
    if (t.infos) parts.push(`${t.infos} info`);
    if (t.hints) parts.push(plural(t.hints, 'hint'));
    return `${fixed}✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(t.filesWithProblems, 'file')}\n`;
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
