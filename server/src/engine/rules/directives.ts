/**
 * Inline suppression comments, markdownlint-style:
 *   <!-- playbook-lint-disable [rule …] -->   until -enable (all rules when none named)
 *   <!-- playbook-lint-enable [rule …] -->
 *   <!-- playbook-lint-disable-line [rule …] -->       on the comment's own line
 *   <!-- playbook-lint-disable-next-line [rule …] -->  on the following line
 *   <!-- playbook-lint-disable-file [rule …] -->       the whole file
 */
import { lineOf, type Directive } from '../read/model';
import type { Finding } from '../types';

const DIRECTIVE = /<!--\s*playbook-lint-(disable-file|disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

interface Range {
  from: number; // first line (0-based)
  to: number; // last line, inclusive
  rules: Set<string> | null; // null: every rule
}

export function applyDirectives(findings: Finding[], comments: Directive[], lineStarts: number[]): Finding[] {
  const ranges: Range[] = [];
  const open = new Map<string, number>(); // rule ('*' for all) → line of disable
  const lastLine = lineStarts.length - 1;
  for (const c of comments) {
    if (!c.value.includes('playbook-lint-')) continue; // most comments are not directives; this runs every lint
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(c.value); m; m = DIRECTIVE.exec(c.value)) {
      const rules = m[2].split(/[\s,]+/).filter(Boolean);
      const line = lineOf(lineStarts, c.start);
      const set = rules.length ? new Set(rules) : null;
      switch (m[1]) {
        case 'disable-file':
          ranges.push({ from: 0, to: lastLine, rules: set });
          break;
        case 'disable-line':
          ranges.push({ from: line, to: lineOf(lineStarts, c.end), rules: set });
          break;
        case 'disable-next-line': {
          const endLine = lineOf(lineStarts, c.end);
          ranges.push({ from: endLine + 1, to: endLine + 1, rules: set });
          break;
        }
        case 'disable':
          for (const r of rules.length ? rules : ['*']) if (!open.has(r)) open.set(r, line);
          break;
        case 'enable':
          for (const r of rules.length ? rules : [...open.keys()]) {
            const from = open.get(r);
            if (from === undefined) continue;
            ranges.push({ from, to: line, rules: r === '*' ? null : new Set([r]) });
            open.delete(r);
          }
          break;
      }
    }
  }
  for (const [r, from] of open) ranges.push({ from, to: lastLine, rules: r === '*' ? null : new Set([r]) });
  if (ranges.length === 0) return findings;
  return findings.filter((f) => {
    const line = lineOf(lineStarts, f.start);
    return !ranges.some((r) => line >= r.from && line <= r.to && (r.rules === null || r.rules.has(f.ruleId)));
  });
}

/** The comment a "Disable <rule> for this line" fix inserts above a finding's line. */
export function disableNextLineComment(ruleId: string): string {
  return `<!-- playbook-lint-disable-next-line ${ruleId} -->`;
}
