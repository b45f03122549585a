/**
 * Runs lint jobs on worker threads and hands results back in job order, so
 * output stays sorted while files are linted in parallel. At most `window`
 * jobs are in flight or waiting to be emitted: memory does not grow with the
 * number of files.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { lintJob, type LintJob, type LintJobOptions, type LintJobResult } from './lint-file';

interface Request {
  id: number;
  job: LintJob;
}
interface Response {
  id: number;
  result?: LintJobResult;
  error?: string;
  /** Not started: the run was interrupted while the job waited in the worker's queue. */
  skipped?: true;
}
interface WorkerInput {
  opts: LintJobOptions;
  /** Set to 1 by the main thread on Ctrl-C; read before each job. */
  stop: Int32Array;
}

export const WORKER_MARKER = 'playbook-lint-worker';

/** Jobs sent ahead to each worker, so it starts the next file without waiting for the main thread. */
const QUEUE_PER_WORKER = 2;
/** Jobs in flight or waiting to be emitted, per thread: a slow file holds back output, not the other workers. */
export const WINDOW_PER_THREAD = 32;
/**
 * Young generation per worker. Parsing a file allocates its whole syntax tree,
 * which outlives V8's default young generation on larger files, so it was
 * copied by scavenges and then collected again by full GCs; with this size
 * most trees die young. Costs up to this much memory per worker. With
 * HEAP_GROWING_PERCENT below, in paired runs over the shared corpus (680
 * files, two workers) 96 MB took about 7% less CPU than 48 MB at a peak of
 * about 375 MB. Since the CLI raises V8's interrupt budget
 * (node/interrupt-budget.ts) the run takes about a quarter less CPU, and 48 MB
 * keeps the peak under 300 MB (279–283 MiB against 355–365 MiB with 96 MB or
 * 64 MB) for 9–11% more CPU than 96 MB, still about 15% less than 96 MB took
 * before. Since the phrase anchor trie is flat (9 MB less live heap per
 * worker), 48 MB peaks at 252–269 MiB; 64 MB took no less CPU (331 MiB), and
 * 32 MB saved only 4 MiB for 6% more CPU (paired runs of 5 on a loaded machine).
 * `bench/memory-probe-cli.cjs` shows each thread's heap at its peak.
 */
const WORKER_YOUNG_GENERATION_MB = 48;

/**
 * How far V8 lets a heap's old generation grow past what survived its last
 * full GC, in percent (V8's own choice goes up to 300% when a thread allocates
 * fast, as a linting worker does). A worker's live data after a file is small
 * (about 35 MB, most of it code and compiled rules); what filled its old
 * generation was dead syntax trees waiting for a full GC. Paired with the
 * young generation above (see there for the figures). 20% saved no more
 * memory than 50%. Set once, process-wide, before the first worker starts: the
 * CLI only (the language server runs no pool).
 */
export const HEAP_GROWING_PERCENT = 50;

/** Entry point inside a worker thread (see bin.ts). */
export function runWorker(): void {
  const { opts, stop } = workerData as WorkerInput;
  parentPort!.on('message', (req: Request) => {
    let res: Response;
    if (Atomics.load(stop, 0) !== 0) {
      res = { id: req.id, skipped: true };
    } else {
      try {
        res = { id: req.id, result: lintJob(req.job, opts) };
      } catch (e) {
        res = { id: req.id, error: (e as Error)?.stack ?? String(e) };
      }
    }
    parentPort!.postMessage(res);
  });
}

/**
 * Yields one result per job, in job order. `threads` 0 or 1 lints on this
 * thread. Once `signal` aborts (Ctrl-C) no new job starts, and results end
 * before the first job that did not run.
 */
export async function* runJobs(jobs: Iterable<LintJob>, opts: LintJobOptions, threads: number, workerScript: string | undefined, signal?: AbortSignal): AsyncGenerator<LintJobResult> {
  if (threads <= 1 || !workerScript) {
    for (const job of jobs) {
      if (signal?.aborted) return;
      yield lintJob(job, opts);
      // Let signals and stream drains run between files.
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: threads }, () => new Worker(workerScript, { workerData: { [WORKER_MARKER]: true, opts, stop }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }));
  const window = threads * WINDOW_PER_THREAD;
  const done = new Map<number, Response>();
  const queued = workers.map(() => 0);
  const iterator = jobs[Symbol.iterator]();
  let nextId = 0;
  let nextEmit = 0;
  let exhausted = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onAbort = () => {
    Atomics.store(stop, 0, 1);
    notify();
  };
  signal?.addEventListener('abort', onAbort);
  workers.forEach((w, i) => {
    w.on('message', (res: Response) => {
      queued[i]--;
      if (res.error) failure ??= new Error(res.error);
      else done.set(res.id, res);
      notify();
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
  });
  const dispatch = () => {
    while (!exhausted && nextId < nextEmit + window) {
      if (signal?.aborted) {
        exhausted = true;
        break;
      }
      let i = 0;
      for (let k = 1; k < queued.length; k++) if (queued[k] < queued[i]) i = k;
      if (queued[i] >= QUEUE_PER_WORKER) break;
      const n = iterator.next();
      if (n.done) {
        exhausted = true;
        break;
      }
      queued[i]++;
      workers[i].postMessage({ id: nextId++, job: n.value } satisfies Request);
    }
  };
  try {
    for (;;) {
      dispatch();
      if (failure) throw failure;
      const res = done.get(nextEmit);
      if (res) {
        done.delete(nextEmit++);
        // Jobs after one that was skipped are dropped too, so results stay a prefix of the jobs.
        if (res.skipped) return;
        yield res.result!;
        continue;
      }
      if (exhausted && nextEmit === nextId) return;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
