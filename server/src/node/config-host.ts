/**
 * The one Node implementation of the engine's ConfigHost, shared by the CLI
 * and the language server (the engine itself never touches the file system).
 * Paths use the platform's separators; `relative` answers with `/`.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ConfigHost } from '../engine';

/** A file's text, or undefined when it does not exist, is not a file or cannot be read. Uncached. */
export function readTextFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

const paths = {
  dirname,
  join,
  relative: (from: string, to: string) => relative(from, to).split('\\').join('/'),
};

/** The local file system, uncached. */
export const nodeConfigHost: ConfigHost = { readFile: readTextFile, ...paths };

/** A host that sees no files: untitled documents get the defaults plus editor settings. */
export const emptyHost: ConfigHost = { readFile: () => undefined, ...paths };

export interface CachedConfigHost extends ConfigHost {
  /** Forgets every read (a config file changed). */
  clear(): void;
}

/**
 * The local file system, remembering every read until `clear()`: config
 * lookup walks upward from each file, and thousands of files share a handful
 * of config files. The CLI keeps one per run; the server clears its own when
 * the client reports a config file change.
 */
export function createCachedHost(): CachedConfigHost {
  const seen = new Map<string, string | undefined>();
  return {
    ...paths,
    readFile(path) {
      if (!seen.has(path)) seen.set(path, readTextFile(path));
      return seen.get(path);
    },
    clear: () => seen.clear(),
  };
}
