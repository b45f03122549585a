/**
 * Which files to lint: paths, folders and globs relative to the working folder.
 * Folders and globs skip what `.gitignore` and `.playbooklintignore` (in the
 * working folder) exclude, plus `node_modules` and dot folders; a file named
 * explicitly is always linted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { toPosix } from './lint-file';

const MARKDOWN = /\.(md|markdown|mdx)$/i;

export interface Discovery {
  /** Absolute paths, sorted by their relative posix path, without duplicates. */
  files: string[];
  /** Arguments that matched nothing, with the reason. */
  missing: string[];
}

function loadIgnore(cwd: string): Ignore {
  const ig = ignore();
  for (const name of ['.gitignore', '.playbooklintignore']) {
    try {
      ig.add(readFileSync(resolve(cwd, name), 'utf8'));
    } catch {
      // No such file: nothing to ignore.
    }
  }
  return ig;
}

function relPosix(cwd: string, abs: string): string | undefined {
  const rel = toPosix(relative(cwd, abs));
  return rel === '' || rel === '..' || rel.startsWith('../') || isAbsolute(rel) ? undefined : rel;
}

/** Every file under `dir` that `accept` takes, pruning ignored folders as it goes. */
function walk(dir: string, cwd: string, ig: Ignore, accept: (abs: string, rel: string | undefined) => boolean, out: Map<string, string>, unreadable?: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    unreadable?.push(`${relPosix(cwd, dir) ?? toPosix(dir)}: cannot read this folder (${(e as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`);
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const abs = join(dir, e.name);
    const rel = relPosix(cwd, abs);
    if (e.isDirectory()) {
      if (rel && ig.ignores(`${rel}/`)) continue;
      walk(abs, cwd, ig, accept, out, unreadable);
    } else if (e.isFile() || e.isSymbolicLink()) {
      if (rel && ig.ignores(rel)) continue;
      if (accept(abs, rel)) out.set(rel ?? abs, abs);
    }
  }
}

export function discoverFiles(patterns: string[], cwd: string): Discovery {
  const ig = loadIgnore(cwd);
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const p of patterns.length ? patterns : ['.']) {
    const scan = picomatch.scan(toPosix(p));
    if (scan.isGlob) {
      const isMatch = picomatch(toPosix(p), { dot: false });
      const base = resolve(cwd, scan.base || '.');
      const before = found.size;
      walk(base, cwd, ig, (abs, rel) => isMatch(rel ?? toPosix(abs)) || isMatch(toPosix(relative(cwd, abs))), found);
      if (found.size === before) missing.push(`${p}: no files match this pattern.`);
      continue;
    }
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(`${p}: no such file or folder.`);
      continue;
    }
    if (st.isDirectory()) {
      const before = found.size;
      const unreadable: string[] = [];
      walk(abs, cwd, ig, (f) => MARKDOWN.test(f), found, unreadable);
      for (const u of unreadable) missing.push(u);
      if (patterns.length && found.size === before && unreadable.length === 0) missing.push(`${p}: this folder holds no Markdown files (.md, .markdown) that are not ignored.`);
    } else found.set(relPosix(cwd, abs) ?? abs, abs);
  }
  const files = [...found].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, abs]) => abs);
  return { files, missing };
}
