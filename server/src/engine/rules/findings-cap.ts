/**
 * A report shows at most MAX_FINDINGS_PER_FILE findings of one file, then one
 * finding saying how many more there are: past a few hundred nobody reads them,
 * and an editor slows down drawing 100,000 underlines. Fixes are not capped
 * (fix-all and --fix use every finding).
 */
import type { Finding } from '../types';

export const MAX_FINDINGS_PER_FILE = 500;
export const MORE_FINDINGS_RULE = 'more-findings';

/**
 * The first `max` findings (in document order, as given) plus one finding at
 * the last shown counting the rest, with the highest severity among them (so
 * an exit code or a Problems filter still sees that errors remain).
 */
export function capFindings(findings: readonly Finding[], max = MAX_FINDINGS_PER_FILE): Finding[] {
  if (findings.length <= max) return findings as Finding[];
  const shown = findings.slice(0, max);
  const more = findings.length - max;
  const at = shown[shown.length - 1].start;
  const rank = { hint: 0, info: 1, warning: 2, error: 3 } as const;
  let severity: Finding['severity'] = 'hint';
  for (let i = max; i < findings.length; i++) if (rank[findings[i].severity] > rank[severity]) severity = findings[i].severity;
  shown.push({
    ruleId: MORE_FINDINGS_RULE,
    severity,
    message: `${more.toLocaleString('en-US')} more finding${more === 1 ? '' : 's'} not shown; this file has ${findings.length.toLocaleString('en-US')}, and reports stop at ${max}. Fix these first, or split the file.`,
    start: at,
    end: at,
    fixes: [],
  });
  return shown;
}
