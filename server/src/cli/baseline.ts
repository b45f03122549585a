/**
 * Baselines for legacy playbooks: record today's findings, then report only
 * new ones. A finding is matched by file, rule and fingerprint (the flagged
 * words), not by line, so edits elsewhere in the file do not resurrect it;
 * counts make repeated phrases match one for one.
 */
import { readFileSync } from 'node:fs';
import type { FileReport } from './report';
import { writeAtomically } from './lint-file';

export const BASELINE_VERSION = 1;

/** `file\0rule\0fingerprint` → how many such findings are accepted. */
export type Baseline = Map<string, number>;

interface BaselineFile {
  version: number;
  findings: Array<{ filePath: string; ruleId: string; fingerprint: string; count: number }>;
  /** Each file's score when the baseline was written (added in 0.1; older baselines lack it). */
  scores?: Record<string, number>;
}

/** A baseline as the HTML report reads it: the accepted findings, and the scores then when recorded. */
export interface BaselineRecord {
  findings: Baseline;
  /** File path → score when the baseline was written; empty for a baseline written before scores were recorded. */
  scores: Map<string, number>;
}

const keyOf = (filePath: string, ruleId: string, fingerprint: string) => `${filePath}\0${ruleId}\0${fingerprint}`;

export function loadBaseline(path: string): Baseline {
  return loadBaselineRecord(path).findings;
}

export function loadBaselineRecord(path: string): BaselineRecord {
  let data: BaselineFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  } catch (e) {
    throw new Error(`cannot read the baseline ${path} (${(e as Error).message.split('\n')[0]}); create it with --write-baseline.`);
  }
  if (data?.version !== BASELINE_VERSION || !Array.isArray(data.findings)) throw new Error(`${path} is not a playbook-lint baseline (version ${BASELINE_VERSION}); recreate it with --write-baseline.`);
  const map: Baseline = new Map();
  for (const f of data.findings) map.set(keyOf(f.filePath, f.ruleId, f.fingerprint), (map.get(keyOf(f.filePath, f.ruleId, f.fingerprint)) ?? 0) + (f.count ?? 1));
  const scores = new Map<string, number>();
  for (const [file, score] of Object.entries(data.scores ?? {})) if (typeof score === 'number') scores.set(file, score);
  return { findings: map, scores };
}

/** How many accepted findings of one file the baseline still holds (after applyBaseline consumed the matched ones). */
export function baselineLeft(baseline: Baseline, filePath: string): number {
  let n = 0;
  const prefix = `${filePath}\0`;
  for (const [k, v] of baseline) if (k.startsWith(prefix)) n += Math.max(0, v);
  return n;
}


/** The report without findings the baseline accepts (consumes the baseline's counts). */
export function applyBaseline(report: FileReport, baseline: Baseline): FileReport {
  const messages = report.messages.filter((m) => {
    const k = keyOf(report.filePath, m.ruleId, m.fingerprint);
    const n = baseline.get(k) ?? 0;
    if (n <= 0) return true;
    baseline.set(k, n - 1);
    return false;
  });
  return { ...report, messages };
}

export function writeBaseline(path: string, findings: Array<{ filePath: string; ruleId: string; fingerprint: string }>, scores: Record<string, number> = {}): void {
  const counts = new Map<string, { filePath: string; ruleId: string; fingerprint: string; count: number }>();
  for (const f of findings) {
    const k = keyOf(f.filePath, f.ruleId, f.fingerprint);
    const e = counts.get(k);
    if (e) e.count++;
    else counts.set(k, { ...f, count: 1 });
  }
  const data: BaselineFile = { version: BASELINE_VERSION, findings: [...counts.values()], ...(Object.keys(scores).length ? { scores } : {}) };
  writeAtomically(path, `${JSON.stringify(data, null, 2)}\n`);
}
