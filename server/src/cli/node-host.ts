import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ConfigHost } from '../engine';

function readIfFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The engine's ConfigHost over the local file system. */
export const nodeConfigHost: ConfigHost = {
  readFile: readIfFile,
  dirname,
  join,
  relative: (from, to) => relative(from, to).split('\\').join('/'),
};

/**
 * Same, remembering every read for one run: config lookup walks upward from
 * each file, and thousands of files share a handful of config files.
 */
export function createCachedHost(): ConfigHost {
  const seen = new Map<string, string | undefined>();
  return {
    ...nodeConfigHost,
    readFile(path) {
      if (!seen.has(path)) seen.set(path, readIfFile(path));
      return seen.get(path);
    },
  };
}
