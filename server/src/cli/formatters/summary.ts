/** A Markdown report for a pull-request comment: one row per file with its score, counts and top rules. */
import type { FileReport, RunTotals } from '../report';
import { plural } from '../../engine';
import { SCORE_LINE } from './stylish';
import type { Formatter } from './types';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function topRules(r: FileReport): string {
  const counts = new Map<string, number>();
  for (const m of r.messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([id, n]) => `\`${id}\` ×${n}`)
    .join(', ');
}

export const summary: Formatter = {
  begin: () => '## Playbook Lint\n\n| File | Score | Errors | Warnings | Top rules |\n| --- | ---: | ---: | ---: | --- |\n',
  file(r) {
    if (r.fatal) return `| \`${cell(r.filePath)}\` | — | — | — | ${cell(r.fatal)} |\n`;
    const errors = r.messages.filter((m) => m.severity === 'error').length;
    const warnings = r.messages.filter((m) => m.severity === 'warning').length;
    return `| \`${cell(r.filePath)}\` | ${r.score} | ${errors} | ${warnings} | ${cell(topRules(r)) || '—'} |\n`;
  },
  end(t: RunTotals) {
    const fixable = t.fixable ? ` ${t.fixable} can be fixed with \`--fix\`.` : '';
    return `\n**${plural(t.files, 'file')}**: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos + t.hints, 'suggestion')}.${fixable}\n\n${SCORE_LINE}\n`;
  },
};
