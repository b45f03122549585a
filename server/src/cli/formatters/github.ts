/** GitHub Actions workflow commands: annotations on the pull request diff. */
import type { Formatter } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = {
  begin: () => '',
  file(r) {
    let out = '';
    if (r.fatal) out += `::error file=${escapeProperty(r.filePath)},title=playbook-lint::${escapeData(r.fatal)}\n`;
    for (const m of r.messages) {
      out += `::${LEVEL[m.severity]} file=${escapeProperty(r.filePath)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.ruleId)}::${escapeData(m.message)}\n`;
    }
    return out;
  },
  end: () => '',
};
