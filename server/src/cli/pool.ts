/**
 * Runs lint jobs on worker threads and hands results back in job order, so
 * output stays sorted while files are linted in parallel. At most `window`
 * jobs are in flight or waiting to be emitted: memory does not grow with the
 * number of files.
 */
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
}

export const WORKER_MARKER = 'playbook-lint-worker';

/** Entry point inside a worker thread (see bin.ts). */
export function runWorker(): void {
  const opts = (workerData as { opts: LintJobOptions }).opts;
  parentPort!.on('message', (req: Request) => {
    let res: Response;
    try {
      res = { id: req.id, result: lintJob(req.job, opts) };
    } catch (e) {
      res = { id: req.id, error: (e as Error)?.stack ?? String(e) };
    }
    parentPort!.postMessage(res);
  });
}

/**
 * Yields one result per job, in job order. `threads` 0 or 1 lints on this
 * thread. `shouldStop` is checked before each new job (Ctrl-C).
 */
export async function* runJobs(jobs: Iterable<LintJob>, opts: LintJobOptions, threads: number, workerScript: string | undefined, shouldStop: () => boolean): AsyncGenerator<LintJobResult> {
  if (threads <= 1 || !workerScript) {
    for (const job of jobs) {
      if (shouldStop()) return;
      yield lintJob(job, opts);
      // Let signals and stream drains run between files.
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const workers = Array.from({ length: threads }, () => new Worker(workerScript, { workerData: { [WORKER_MARKER]: true, opts } }));
  const window = threads * 4;
  const done = new Map<number, LintJobResult>();
  const idle = [...workers];
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
  for (const w of workers) {
    w.on('message', (res: Response) => {
      idle.push(w);
      if (res.error) failure ??= new Error(res.error);
      else done.set(res.id, res.result!);
      notify();
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
  }
  const dispatch = () => {
    while (!exhausted && idle.length && nextId < nextEmit + window) {
      if (shouldStop()) {
        exhausted = true;
        break;
      }
      const n = iterator.next();
      if (n.done) {
        exhausted = true;
        break;
      }
      idle.pop()!.postMessage({ id: nextId++, job: n.value } satisfies Request);
    }
  };
  try {
    for (;;) {
      dispatch();
      if (failure) throw failure;
      if (done.has(nextEmit)) {
        const r = done.get(nextEmit)!;
        done.delete(nextEmit++);
        yield r;
        continue;
      }
      if (exhausted && nextEmit === nextId) return;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
