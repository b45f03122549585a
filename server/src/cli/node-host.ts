import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ConfigHost } from '../engine';

/** The engine's ConfigHost over the local file system. */
export const nodeConfigHost: ConfigHost = {
  readFile(path) {
    try {
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  dirname,
  join,
  relative: (from, to) => relative(from, to).split('\\').join('/'),
};
