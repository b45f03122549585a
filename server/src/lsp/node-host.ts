import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ConfigHost } from '../engine';

/**
 * The engine's ConfigHost over the file system, with a read cache. The cache
 * is cleared when the client reports a config file change.
 */
export class CachedNodeHost implements ConfigHost {
  private readonly cache = new Map<string, string | undefined>();

  readFile(path: string): string | undefined {
    if (this.cache.has(path)) return this.cache.get(path);
    let text: string | undefined;
    try {
      text = statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    this.cache.set(path, text);
    return text;
  }

  dirname(path: string): string {
    return dirname(path);
  }

  join(dir: string, name: string): string {
    return join(dir, name);
  }

  relative(from: string, to: string): string {
    return relative(from, to).split('\\').join('/');
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Reads a playbook that is not open in the editor (workspace lint), uncached: it may have changed on disk. */
export function readTextFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** A host that sees no files: untitled documents get the defaults plus editor settings. */
export const emptyHost: ConfigHost = {
  readFile: () => undefined,
  dirname,
  join,
  relative: (from, to) => relative(from, to).split('\\').join('/'),
};
