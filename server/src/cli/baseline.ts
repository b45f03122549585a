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
}

const keyOf = (filePath: string, ruleId: string, fingerprint: string) => `${filePath}\0${ruleId}\0${fingerprint}`;

export function loadBaseline(path: string): Baseline {
  let data: BaselineFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  } catch (e) {
    throw new Error(`cannot read the baseline ${path} (${(e as Error).message.split('\n')[0]}); create it with --write-baseline.`);
  }
  if (data?.version !== BASELINE_VERSION || !Array.isArray(data.findings)) throw new Error(`${path} is not a playbook-lint baseline (version ${BASELINE_VERSION}); recreate it with --write-baseline.`);
  const map: Baseline = new Map();
  for (const f of data.findings) map.set(keyOf(f.filePath, f.ruleId, f.fingerprint), (map.get(keyOf(f.filePath, f.ruleId, f.fingerprint)) ?? 0) + (f.count ?? 1));
  return map;
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

export function writeBaseline(path: string, findings: Array<{ filePath: string; ruleId: string; fingerprint: string }>): void {
  const counts = new Map<string, { filePath: string; ruleId: string; fingerprint: string; count: number }>();
  for (const f of findings) {
    const k = keyOf(f.filePath, f.ruleId, f.fingerprint);
    const e = counts.get(k);
    if (e) e.count++;
    else counts.set(k, { ...f, count: 1 });
  }
  const data: BaselineFile = { version: BASELINE_VERSION, findings: [...counts.values()] };
  writeAtomically(path, `${JSON.stringify(data, null, 2)}\n`);
}
