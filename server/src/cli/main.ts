/**
 * `playbook-lint` as a function: `main(io)` returns the exit code and never
 * calls `process.exit`. 0: nothing at or above the threshold; 1: errors, or
 * more warnings than --max-warnings; 2: usage, config, file or internal error.
 * Output is sorted by file then position, with relative `/` paths.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import pkg from '../../../package.json';
import { INTERNAL_ERROR_RULE, MORE_FINDINGS_RULE, localToday } from '../engine';
import { HELP, UsageError, parseArgs, type CliOptions } from './args';
import { applyBaseline, baselineLeft, loadBaselineRecord, writeBaseline, type Baseline } from './baseline';
import { loadCache, saveCache, type Cache } from './cache';
import { discoverFiles } from './discover';
import { createFormatter, type FormatContext } from './formatters';
import { STARTER_CONFIG, STARTER_CONFIG_NAME } from './init';
import { lintJob, writeAtomically, type LintJob, type LintJobOptions } from './lint-file';
import { explainFile } from './explain';
import { createCachedHost } from '../node/config-host';
import { runJobs } from './pool';
import { addToTotals, emptyTotals, type FileReport } from './report';
import { ChangedSinceError, changeFor, findChanges, onChangedLines, type ChangeSet } from './changed-lines';
import { createReviewFormatter } from './formatters/review';
import { createReviewDescriber } from './review-source';
import { createHtmlFormatter, type HtmlFileContext } from './formatters/html';
import { createHtmlDescriber } from './html-source';
import { wantsColor } from './ansi';
import { baselineSummary, effectiveConfigReport, listRules } from './info';

export const VERSION: string = (pkg as { version: string }).version;

export interface CliIo {
  argv: string[];
  cwd: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Script that runs `runWorker()` in a worker thread (the bundled bin); without it everything runs on this thread. */
  workerScript?: string;
  /** Aborted on Ctrl-C: no new file is started, files already written stay whole. */
  signal?: AbortSignal;
  /** Standard output is a terminal: the stylish report is coloured (unless NO_COLOR). */
  isTTY?: boolean;
  /** Environment for NO_COLOR / FORCE_COLOR. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Files at or above which linting moves to worker threads. */
const PARALLEL_THRESHOLD = 64;

export async function main(io: CliIo): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(io.argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`playbook-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) return print(io.stdout, HELP, 0);
  if (opts.version) return print(io.stdout, `${VERSION}\n`, 0);
  const color = wantsColor(io, opts.output !== undefined);
  if (opts.listRules) return print(io.stdout, listRules(color), 0);
  if (opts.init) return init(io);
  if (opts.printConfig !== undefined) return printConfig(io, opts);
  if (opts.explain !== undefined) return explainFile(io, opts.explain);

  const configPath = opts.config !== undefined ? resolve(io.cwd, opts.config) : undefined;
  if (configPath && !existsSync(configPath)) {
    io.stderr.write(`playbook-lint: cannot find the config file ${opts.config}; check the --config path.\n`);
    return 2;
  }
  const jobOpts: LintJobOptions = { cwd: io.cwd, configPath, rules: opts.rules, fix: opts.fix, fixDryRun: opts.fixDryRun, cliVersion: VERSION };
  let failed = false;

  let baseline: Baseline | undefined;
  let baselineScores = new Map<string, number>();
  if (opts.baseline) {
    try {
      ({ findings: baseline, scores: baselineScores } = loadBaselineRecord(resolve(io.cwd, opts.baseline)));
    } catch (e) {
      io.stderr.write(`playbook-lint: ${(e as Error).message}\n`);
      return 2;
    }
  }

  let jobs: LintJob[];
  let stdinText: Promise<string> = Promise.resolve('');
  if (opts.stdin) {
    stdinText = readAll(io.stdin);
    jobs = [{ absPath: resolve(io.cwd, opts.stdinFilename ?? '<stdin>'), text: await stdinText }];
  } else {
    const found = discoverFiles(opts.patterns, io.cwd);
    for (const m of found.missing) io.stderr.write(`playbook-lint: ${m}\n`);
    if (found.missing.length) failed = true;
    jobs = found.files.map((absPath) => ({ absPath }));
  }

  let changes: ChangeSet | undefined;
  if (opts.changedSince !== undefined) {
    try {
      changes = findChanges(opts.changedSince, io.cwd);
    } catch (e) {
      if (!(e instanceof ChangedSinceError)) throw e;
      io.stderr.write(`playbook-lint: ${e.message}\n`);
      return 2;
    }
    const changed = changes;
    jobs = jobs.filter((j) => changeFor(changed, j.absPath) !== undefined);
  }

  const cachePath = resolve(io.cwd, opts.cacheLocation);
  const cache: Cache | undefined = opts.cache && !opts.stdin ? loadCache(cachePath, VERSION) : undefined;
  if (cache) for (const j of jobs) j.cached = cache.entries[j.absPath];

  const out = openOutput(io, opts.output);
  // The HTML report shows every finding and marks the ones the baseline does not hold.
  const htmlBaseline = new Map<string, NonNullable<HtmlFileContext['baseline']>>();
  const formatter =
    opts.format === 'review'
      ? createReviewFormatter(createReviewDescriber(io.cwd, jobOpts, changes, opts.stdin ? await stdinText : undefined))
      : opts.format === 'html'
        ? createHtmlFormatter(createHtmlDescriber(io.cwd, htmlBaseline, opts.stdin ? await stdinText : undefined), { date: localToday(), ...(opts.baseline !== undefined ? { baselineName: opts.baseline } : {}) })
        : createFormatter(opts.format);
  const ctx: FormatContext = { version: VERSION, maxWarnings: opts.maxWarnings, color, ...(opts.changedSince !== undefined ? { changedSince: opts.changedSince } : {}) };
  const totals = emptyTotals();
  // Counted before --quiet hides them: --max-warnings still applies.
  let warnings = 0;
  const seenConfigErrors = new Set<string>();
  const baselineOut: Array<{ filePath: string; ruleId: string; fingerprint: string }> = [];
  const baselineScoresOut: Record<string, number> = {};
  const progress = createProgress(io.stderr, jobs.length);
  const threads = opts.jobs || (jobs.length >= PARALLEL_THRESHOLD ? Math.min(8, availableParallelism()) : 1);
  const stopped = () => io.signal?.aborted === true;

  // --write-baseline records the findings and says so in one line instead of printing them.
  const formatted = !opts.fixDryRun && !(opts.stdin && opts.fix) && !opts.writeBaseline;
  if (formatted) await out.write(formatter.begin(ctx));
  let index = 0;
  for await (const { report: full, key } of runJobs(jobs, jobOpts, threads, io.workerScript, io.signal)) {
    const job = jobs[index++];
    progress(index, full.filePath);
    if (cache && key) cache.entries[job.absPath] = { key, report: full };
    if (full.ignored) continue;
    if (full.fatal) {
      io.stderr.write(`${full.filePath}: ${full.fatal}\n`);
      failed = true;
    }
    if (full.notFixed) {
      io.stderr.write(`${full.filePath}: ${full.notFixed}\n`);
      failed = true;
    }
    for (const e of full.configErrors) {
      const line = e.line > 0 ? `${e.file}:${e.line}:${e.column} ${e.message}` : `${e.file}: ${e.message}`;
      if (!seenConfigErrors.has(line)) io.stderr.write(`${line}\n`);
      seenConfigErrors.add(line);
      failed = true;
    }
    for (const m of full.messages) {
      if (m.ruleId === INTERNAL_ERROR_RULE) {
        io.stderr.write(`${full.filePath}:${m.line}:${m.column} ${m.message}\n`);
        failed = true;
      }
      if (opts.writeBaseline) baselineOut.push({ filePath: full.filePath, ruleId: m.ruleId, fingerprint: m.fingerprint });
    }
    if (opts.writeBaseline && !full.fatal && !full.notice) baselineScoresOut[full.filePath] = full.score;
    let report: FileReport = baseline ? applyBaseline(full, baseline) : full;
    // With a baseline the HTML report still lists every finding, the new ones marked; totals and the exit code count only new ones.
    const showAll = opts.format === 'html' && baseline !== undefined;
    let shown = showAll ? full : report;
    if (showAll) {
      const fresh = new Set(report.messages);
      const scoreThen = baselineScores.get(full.filePath);
      htmlBaseline.set(full.filePath, { isNew: (m) => fresh.has(m), resolved: baselineLeft(baseline!, full.filePath), ...(scoreThen !== undefined ? { scoreThen } : {}) });
    }
    if (changes) {
      const change = changeFor(changes, job.absPath);
      report = onChangedLines(report, change);
      shown = showAll ? onChangedLines(shown, change) : report;
    }
    warnings += report.messages.filter((m) => m.severity === 'warning' && m.ruleId !== MORE_FINDINGS_RULE).length + (report.hiddenWarnings ?? 0);
    if (opts.quiet) {
      const errorsOnly = (r: FileReport): FileReport => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') });
      report = errorsOnly(report);
      shown = showAll ? errorsOnly(shown) : report;
    }
    addToTotals(totals, report);
    if (opts.stdin && opts.fix) {
      // Like a formatter filter: the fixed document on stdout, findings on stderr.
      await out.write(report.output ?? (await stdinText));
      for (const m of report.messages) io.stderr.write(`${report.filePath}:${m.line}:${m.column} ${m.severity} ${m.message} ${m.ruleId}\n`);
    } else if (opts.fixDryRun) {
      if (report.diff) await out.write(report.diff);
    } else if (formatted) {
      await out.write(formatter.file(shown, ctx));
    }
  }
  progress(-1, '');
  if (formatted) await out.write(formatter.end(totals, ctx));
  out.close();

  if (stopped()) {
    io.stderr.write('playbook-lint: interrupted; files already fixed are complete, the rest are untouched.\n');
    return 130;
  }
  if (cache) saveCache(cachePath, cache);
  if (opts.writeBaseline) {
    writeBaseline(resolve(io.cwd, opts.writeBaseline), baselineOut, baselineScoresOut);
    io.stdout.write(`${baselineSummary(baselineOut, totals.files, opts.writeBaseline)}\n`);
    return failed ? 2 : 0;
  }
  if (failed) return 2;
  if (totals.errors > 0) return 1;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    io.stderr.write(`playbook-lint: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function print(stream: Writable, text: string, code: number): number {
  stream.write(text);
  return code;
}

function init(io: CliIo): number {
  const existing = ['.playbooklintrc.json', '.playbooklintrc.yaml', '.playbooklintrc.yml'].find((n) => existsSync(resolve(io.cwd, n)));
  if (existing) {
    io.stderr.write(`playbook-lint: ${existing} already exists; edit it, or delete it and run --init again.\n`);
    return 2;
  }
  writeAtomically(resolve(io.cwd, STARTER_CONFIG_NAME), STARTER_CONFIG);
  return print(io.stdout, `Wrote ${STARTER_CONFIG_NAME}. Run playbook-lint to lint the Markdown playbooks here.\n`, 0);
}

function printConfig(io: CliIo, opts: CliOptions): number {
  const r = effectiveConfigReport(io.cwd, opts.printConfig!, opts.config, opts.rules);
  for (const e of r.errors) io.stderr.write(`${e}\n`);
  if (r.text !== undefined) io.stdout.write(r.text);
  return r.errors.length ? 2 : 0;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

interface Output {
  write(s: string): Promise<void>;
  close(): void;
}

/** Writes wait for the stream to drain, so a huge report never piles up in memory. */
function openOutput(io: CliIo, file: string | undefined): Output {
  if (file) {
    const fd = openSync(resolve(io.cwd, file), 'w');
    return {
      write: async (s) => {
        if (s) writeSync(fd, s);
      },
      close: () => closeSync(fd),
    };
  }
  return {
    write: (s) =>
      new Promise<void>((r) => {
        if (!s || io.stdout.write(s)) r();
        else io.stdout.once('drain', () => r());
      }),
    close: () => undefined,
  };
}

function createProgress(stderr: Writable, total: number): (done: number, file: string) => void {
  const tty = (stderr as { isTTY?: boolean }).isTTY === true;
  if (!tty || total < 20) return () => undefined;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return (done, file) => {
    if (done < 0) {
      if (shown) stderr.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    // Only runs long enough to wonder about get a progress line.
    if (now - started < 1000 || (now - last < 100 && done < total)) return;
    last = now;
    shown = true;
    stderr.write(`\r\x1b[K[${done}/${total}] ${file}`.slice(0, 120));
  };
}
