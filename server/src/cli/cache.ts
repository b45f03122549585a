/**
 * --cache: a file's report is reused when the hash of its content, its
 * effective config and the CLI version is unchanged.
 */
import { readFileSync } from 'node:fs';
import { writeAtomically } from './lint-file';
import type { FileReport } from './report';

export interface Cache {
  version: string;
  /** Absolute path → key and report. */
  entries: Record<string, { key: string; report: FileReport }>;
}

export function loadCache(path: string, version: string): Cache {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Cache;
    if (data && data.version === version && data.entries && typeof data.entries === 'object') return data;
  } catch {
    // Missing or corrupt cache: start afresh.
  }
  return { version, entries: {} };
}

export function saveCache(path: string, cache: Cache): void {
  try {
    writeAtomically(path, JSON.stringify(cache));
  } catch {
    // A cache that cannot be written only costs time next run.
  }
}
