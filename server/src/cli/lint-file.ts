/**
 * Lints one file for the CLI: read, refuse binary or huge files, resolve its
 * config, lint, optionally fix (atomically), and turn offsets into the
 * report's 1-based positions. Runs on the main thread or in a worker.
 */
import { localToday } from '../engine';
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { closeSync, fchmodSync, fchownSync, fsyncSync, ftruncateSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import {
  BUILTIN_RULES,
  INTERNAL_ERROR_RULE,
  fixText,
  hashString,
  configKey,
  lintText,
  capFindings,
  MAX_FINDINGS_PER_FILE,
  resolveConfig,
  snippetToPlainText,
  type ConfigError,
  type ConfigHost,
  type Finding,
  type RuleSetting,
  type Section,
} from '../engine';
import { createCachedHost } from '../node/config-host';
import { lineColumnConverter, offsetToLineColumn } from './positions';
import type { FileReport, ReportConfigError, ReportMessage } from './report';

/** Files above this size are reported, not linted: playbooks are prose, not data dumps. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface LintJobOptions {
  cwd: string;
  configPath?: string;
  rules: Record<string, RuleSetting>;
  fix: boolean;
  fixDryRun: boolean;
  cliVersion: string;
}

export interface LintJob {
  absPath: string;
  /** Text already in memory (stdin); the file is then never read or written. */
  text?: string;
  /** Cache key of the previous run for this file, with its report. */
  cached?: { key: string; report: FileReport };
}

export interface LintJobResult {
  report: FileReport;
  /** Content + config hash, for --cache. Absent when the file could not be read. */
  key?: string;
}

export function toPosix(p: string): string {
  return p.split('\\').join('/');
}

const hosts = new Map<string, ConfigHost>();

function hostFor(cwd: string): ConfigHost {
  let h = hosts.get(cwd);
  if (!h) hosts.set(cwd, (h = createCachedHost()));
  return h;
}

/**
 * Lints one file. Never throws: whatever goes wrong with this file (a rule or
 * parser exception, a failed write) becomes this file's error, and the run
 * goes on with the others. The stack goes to stderr only with PLAYBOOK_LINT_DEBUG=1.
 */
export function lintJob(job: LintJob, opts: LintJobOptions): LintJobResult {
  const filePath = toPosix(relative(opts.cwd, job.absPath)) || basename(job.absPath);
  const base: FileReport = { filePath, score: 100, messages: [], configErrors: [] };
  try {
    return lintJobOrThrow(job, opts, filePath, base);
  } catch (e) {
    if (process.env.PLAYBOOK_LINT_DEBUG) process.stderr.write(`playbook-lint: ${filePath}: ${(e as Error)?.stack ?? e}\n`);
    const why = ((e as Error)?.message ?? String(e)).split('\n')[0];
    return { report: { ...base, fatal: `Could not lint this file (${why}); the other files were linted. Please report this with the file.` } };
  }
}

function lintJobOrThrow(job: LintJob, opts: LintJobOptions, filePath: string, base: FileReport): LintJobResult {
  let text = job.text;
  /** Why --fix must leave this file as it is, whatever the fixes. */
  let unwritable: string | undefined;
  let read: { size: number; mtimeMs: number } | undefined;
  if (text === undefined) {
    try {
      const st = statSync(job.absPath);
      if (st.size > MAX_FILE_BYTES) return { report: { ...base, fatal: `File is ${(st.size / 1048576).toFixed(1)} MB, above the ${MAX_FILE_BYTES / 1048576} MB limit for a playbook; split it or add it to .playbooklintignore.` } };
      const buf = readFileSync(job.absPath);
      if (buf.subarray(0, 8192).includes(0)) return { report: { ...base, fatal: 'File looks binary (it contains NUL bytes); add it to .playbooklintignore if it is not a playbook.' } };
      // Decoding replaces bytes that are not UTF-8 with U+FFFD: fine to lint, never to write back.
      if (!isUtf8(buf)) unwritable = 'Not changed: the file is not UTF-8 text (some bytes are in another encoding), so --fix leaves it as it is; save it as UTF-8 to fix it.';
      text = buf.toString('utf8');
      read = { size: st.size, mtimeMs: st.mtimeMs };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      return { report: { ...base, fatal: `Cannot read the file (${code}); check that it exists and is readable.` } };
    }
  }

  const host = hostFor(opts.cwd);
  const resolved = resolveConfig(job.absPath, host, BUILTIN_RULES, opts.rules, opts.configPath);
  if (resolved.ignored && job.text === undefined) return { report: { ...base, ignored: true } };
  const today = localToday();
  const key = createHash('sha1').update(opts.cliVersion).update('\0').update(today).update('\0').update(configKey(resolved.effective)).update('\0').update(text).digest('hex');
  if (job.cached && job.cached.key === key && !opts.fix && !opts.fixDryRun) return { report: job.cached.report, key };

  const lintOptions = { rules: BUILTIN_RULES, config: resolved.effective, configFile: resolved.configPath, fileName: job.absPath, today };
  let result = lintText(text, lintOptions);
  const configErrors = [...resolved.errors, ...result.configErrors].map((e) => placeConfigError(e, job.absPath, text!, host, opts.cwd));
  const broken = configErrors.length > 0 || result.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE);

  const report: FileReport = { ...base, configErrors };
  if ((opts.fix || opts.fixDryRun) && !broken) {
    const fixed = fixText(text, lintOptions);
    if (fixed.fixed > 0 && fixed.text !== text) {
      const target = job.text === undefined && !unwritable ? writeTarget(job.absPath, opts.cwd) : undefined;
      if (target && 'skip' in target) unwritable = target.skip;
      if (unwritable) {
        report.notFixed = unwritable;
      } else if (opts.fixDryRun) {
        report.diff = createTwoFilesPatch(`a/${filePath}`, `b/${filePath}`, text, fixed.text, undefined, undefined, { context: 2 }).replace(/^=+\n/, '');
        report.fixed = fixed.fixed;
      } else {
        if (target && 'path' in target) {
          const now = statSync(target.path);
          if (read && (now.size !== read.size || now.mtimeMs !== read.mtimeMs)) {
            report.notFixed = 'Not changed: the file changed on disk while it was being linted; run --fix again.';
          } else {
            try {
              writeAtomically(target.path, fixed.text);
            } catch (e) {
              report.notFixed = `Not changed: the fixed file could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check that it and its folder are writable.`;
            }
          }
        } else report.output = fixed.text;
        if (!report.notFixed) {
          text = fixed.text;
          result = lintText(text, lintOptions);
          report.fixed = fixed.fixed;
        }
      }
    }
  }
  report.score = result.stats.score;
  report.words = result.stats.speechWords || result.stats.words;
  if (result.playbookType) report.playbookType = result.playbookType;
  if (result.notice) report.notice = result.notice;
  const at = lineColumnConverter(text);
  const shown = capFindings(result.findings);
  if (shown.length < result.findings.length) report.hiddenWarnings = result.findings.slice(MAX_FINDINGS_PER_FILE).filter((f) => f.severity === 'warning').length;
  const sectionOf = sectionFinder(result.sections);
  report.messages = shown.map((f) => findingToMessage(f, text!, at, sectionOf(f.start)));
  return { report, key: opts.fix ? undefined : key };
}

/**
 * Where --fix writes a playbook: the file itself, or for a symbolic link the
 * file it points to when that is inside the working folder (the link stays a
 * link). A link that leads outside, or that cannot be followed, is skipped.
 */
function writeTarget(path: string, cwd: string): { path: string } | { skip: string } {
  if (!lstatSync(path).isSymbolicLink()) return { path };
  let real: string;
  let root: string;
  try {
    real = realpathSync(path);
    root = realpathSync(cwd);
  } catch {
    return { skip: 'Not changed: the file is a symbolic link that cannot be followed; fix the link or the file it points to.' };
  }
  const rel = relative(root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { skip: 'Not changed: the file is a symbolic link to a file outside this folder; run --fix where that file lives.' };
  }
  return { path: real };
}

/**
 * Replaces a file's text, keeping what the fix does not own: mode, owner and
 * group (where the user may set them), and hard links.
 *
 * A file with one name: the new text goes to a temp file in the same folder,
 * which gets the original's mode and owner, then is renamed over the original.
 * Readers (and a kill -9) see the old file or the new one, never half of one.
 *
 * A file with more than one name (link count > 1): a rename would give this
 * name a new file and leave the other names on the old text, silently
 * splitting what the user linked. So it is written in place, through its own
 * inode: the new text first goes completely to a temp file next to it (a full
 * disk or a permission problem fails there, before the original is touched),
 * then the original is overwritten with one write, truncated to the new
 * length and synced, and only then is the temp file removed. In-place writing
 * cannot be atomic; if the process dies in that one write, the complete fixed
 * text is still in the temp file beside it (`.name.pid.random.tmp`). We judged
 * that safer than breaking the link, which loses nothing visibly but changes
 * what the other names mean.
 *
 * The cache, baseline and starter config go through here too (new files: the
 * rename path).
 */
export function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch {
    st = undefined;
  }
  const data = Buffer.from(text, 'utf8');
  try {
    const fd = openSync(tmp, 'wx', st ? st.mode & 0o7777 : 0o666);
    try {
      writeFileSync(fd, data);
      if (st) {
        // The mode given to open is reduced by the umask: set it exactly.
        fchmodSync(fd, st.mode & 0o7777);
        try {
          fchownSync(fd, st.uid, st.gid);
        } catch {
          // Only root may give a file away; the group too needs membership. The file is then the user's own.
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (st && st.nlink > 1) {
      const fd = openSync(path, 'r+');
      try {
        writeSync(fd, data, 0, data.length, 0);
        ftruncateSync(fd, data.length);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      rmSync(tmp, { force: true });
    } else {
      renameSync(tmp, path);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The heading of the innermost section holding an offset (undefined before the first heading). */
function sectionFinder(sections: readonly Section[]): (offset: number) => string | undefined {
  return (offset) => {
    let title: string | undefined;
    let depth = 0;
    for (const s of sections) {
      if (s.start > offset) break;
      if (offset < s.end && s.title !== null && s.depth >= depth) {
        title = s.title;
        depth = s.depth;
      }
    }
    return title;
  };
}

function findingToMessage(f: Finding, text: string, at: (offset: number) => { line: number; column: number }, section: string | undefined): ReportMessage {
  const s = at(f.start);
  const e = at(f.end);
  const words = text.slice(f.start, Math.min(f.end, f.start + 200)).toLowerCase().replace(/\s+/g, ' ').trim();
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      kind: fix.kind,
      edits: fix.edits.map((ed) => {
        const a = at(ed.start);
        const b = at(ed.end);
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, text: fix.snippet ? snippetToPlainText(ed.text) : ed.text };
      }),
    })),
    fingerprint: hashString(`${f.ruleId}\0${words}`),
    ...(section !== undefined ? { section } : {}),
    ...(f.related?.length
      ? {
          related: f.related.map((r) => {
            const a = at(r.start);
            const b = at(r.end);
            return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, message: r.message };
          }),
        }
      : {}),
  };
}

function placeConfigError(e: ConfigError, playbookPath: string, playbookText: string, host: ConfigHost, cwd: string): ReportConfigError {
  // The CLI's "settings" are its --rule flags.
  if (!e.file || e.file === '<settings>') return { file: '--rule', line: 0, column: 0, message: e.message };
  if (e.file === '<front-matter>') {
    const pos = e.start !== undefined ? offsetToLineColumn(playbookText, e.start) : { line: 1, column: 1 };
    return { file: toPosix(relative(cwd, playbookPath)), ...pos, message: `front matter: ${e.message}` };
  }
  const configText = host.readFile(e.file);
  const pos = configText !== undefined && e.start !== undefined ? offsetToLineColumn(configText, e.start) : { line: 1, column: 1 };
  return { file: toPosix(relative(cwd, e.file)) || e.file, ...pos, message: e.message };
}

