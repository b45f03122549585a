/**
 * The playbook score, 0–100 (Acrolinx-style: findings per words written, not
 * raw counts, so a long playbook is not punished for being long).
 *
 *   weight    = 4 × errors + 2 × warnings + 1 × info  (hints do not count)
 *   density   = 100 × weight / max(words, 100)        (weighted findings per 100 words)
 *   score     = round(100 × e^(−density / 10))
 *
 * `words` is the customer-facing words (scripts, emails, voicemails), or all
 * words when a file has none. One warning in 100 words scores 82; one in 500
 * scores 96; a finding in every sentence drops below 20.
 */
import type { Finding } from '../types';

const WEIGHT = { error: 4, warning: 2, info: 1, hint: 0 } as const;

export function scoreDocument(findings: readonly Finding[], words: number): number {
  const weight = findings.reduce((sum, f) => sum + WEIGHT[f.severity], 0);
  const density = (100 * weight) / Math.max(words, 100);
  return Math.round(100 * Math.exp(-density / 10));
}
