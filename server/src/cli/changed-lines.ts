/**
 * `--changed-since <ref>`: which playbooks changed since a git ref, and which
 * of their lines. Node-side (runs git); the engine never sees git.
 *
 * The comparison base is the merge base of the ref and HEAD, as in a pull
 * request: what this branch changed, not what the target branch changed since
 * the branch was made. It is compared with the working tree, so uncommitted
 * edits count; untracked files that git does not ignore count as new.
 * Renames are followed (`-M`): a renamed file's "before" is its old path, and
 * only the lines the rename changed count. Deleted files are not linted.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FileReport } from './report';

export interface ChangedFile {
  /** Repository-relative path with `/`, as it is now. */
  path: string;
  /** Repository-relative path at the base (differs for a rename); undefined for a new file. */
  basePath?: string;
  /** 1-based lines of the current file that are new or changed; undefined: the whole file is new. */
  lines?: Set<number>;
}

export interface ChangeSet {
  /** The ref as given, and the commit compared with. */
  ref: string;
  base: string;
  /** Repository root (real path). */
  root: string;
  /** Keyed by repository-relative path. */
  files: Map<string, ChangedFile>;
  /** Repository-relative paths deleted since the base (not linted). */
  deleted: string[];
}

/** Git is missing, the folder is not a repository, or the ref is unknown: the message says what to do. */
export class ChangedSinceError extends Error {}

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

function tryGit(args: string[], cwd: string): string | undefined {
  try {
    return git(args, cwd);
  } catch {
    return undefined;
  }
}

export function findChanges(ref: string, cwd: string): ChangeSet {
  const top = tryGit(['rev-parse', '--show-toplevel'], cwd);
  if (top === undefined) throw new ChangedSinceError(`--changed-since needs git and a git repository; ${cwd} is not inside one.`);
  const root = realpathSync(top.trim());
  const commit = tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root)?.trim();
  if (!commit) throw new ChangedSinceError(`--changed-since: git does not know "${ref}"; fetch it first (in GitHub Actions, check out with fetch-depth: 0).`);
  const base = tryGit(['merge-base', commit, 'HEAD'], root)?.trim() || commit;

  const files = new Map<string, ChangedFile>();
  const deleted: string[] = [];
  const fields = git(['diff', '--name-status', '-M', '-z', '--no-ext-diff', base, '--'], root).split('\0');
  for (let i = 0; i + 1 < fields.length; ) {
    const status = fields[i];
    if (status.startsWith('R') || status.startsWith('C')) {
      const [from, to] = [fields[i + 1], fields[i + 2]];
      files.set(to, { path: to, basePath: status.startsWith('R') ? from : undefined, lines: new Set() });
      i += 3;
      continue;
    }
    const p = fields[i + 1];
    if (status === 'D') deleted.push(p);
    else if (status === 'A') files.set(p, { path: p });
    else files.set(p, { path: p, basePath: p, lines: new Set() });
    i += 2;
  }
  // A copy's source still exists: its new lines are all new.
  for (const f of files.values()) if (f.lines && f.basePath === undefined) f.lines = undefined;

  const patch = git(['diff', '-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', base, '--'], root);
  for (const [path, lines] of changedLinesOf(patch)) {
    const f = files.get(path);
    if (f?.lines) for (const l of lines) f.lines.add(l);
  }
  for (const p of git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], root).split('\0')) {
    if (p) files.set(p, { path: p });
  }
  return { ref, base, root, files, deleted: deleted.sort() };
}

/**
 * Lines added or changed per file, from `git diff -U0` output: the new side of
 * every hunk. Hunk bodies are skipped by count, so a content line that looks
 * like a header ("+++ b/x") is never taken for one.
 */
export function changedLinesOf(patch: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let current: number[] | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('-')) oldLeft--;
      else if (line.startsWith('+')) newLeft--;
      continue;
    }
    if (line.startsWith('diff --git ')) current = undefined;
    else if (line.startsWith('+++ ')) {
      const p = unquote(line.slice(4));
      current = p.startsWith('b/') ? [] : undefined;
      if (current) out.set(p.slice(2), current);
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      newLeft = m[3] === undefined ? 1 : Number(m[3]);
      const start = Number(m[2]);
      for (let l = start; l < start + newLeft; l++) current?.push(l);
    }
  }
  return out;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git quotes a path with unusual characters C-style, bytes as octal escapes. */
function unquote(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"')) return s;
  const bytes: number[] = [];
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The change entry for a file on disk, or undefined when it did not change. */
export function changeFor(changes: ChangeSet, absPath: string): ChangedFile | undefined {
  let real: string;
  try {
    real = realpathSync(absPath);
  } catch {
    return undefined;
  }
  return changes.files.get(relative(changes.root, real).split('\\').join('/'));
}

/** The file's text at the base, or undefined for a new file. */
export function readAtBase(changes: ChangeSet, file: ChangedFile): string | undefined {
  if (file.basePath === undefined) return undefined;
  return tryGit(['show', `${changes.base}:${file.basePath}`], changes.root);
}

/** Keeps the findings that touch a changed line; the score stays the whole file's. */
export function onChangedLines(report: FileReport, file: ChangedFile | undefined): FileReport {
  if (!file) return { ...report, messages: [] };
  const lines = file.lines;
  if (!lines) return report;
  return {
    ...report,
    messages: report.messages.filter((m) => {
      for (let l = m.line; l <= m.endLine; l++) if (lines.has(l)) return true;
      return false;
    }),
  };
}

export function absolutePathOf(changes: ChangeSet, file: ChangedFile): string {
  return join(changes.root, file.path);
}
