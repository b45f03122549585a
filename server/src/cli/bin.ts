import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './main';
import { raiseInterruptBudget } from '../node/interrupt-budget';
import { WORKER_MARKER, runWorker } from './pool';

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_MARKER]) {
  runWorker();
} else {
  // Process-wide, so before the workers start.
  raiseInterruptBudget();
  // A closed pipe (`playbook-lint | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    // First Ctrl-C: finish the file in hand, start no other. Second: leave now (writes are atomic).
    if (++interrupts > 1) process.exit(130);
    controller.abort();
  });
  main({ argv: process.argv.slice(2), cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, workerScript: __filename, signal: controller.signal, isTTY: process.stdout.isTTY === true, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const detail = process.env.PLAYBOOK_LINT_DEBUG ? ((e as Error)?.stack ?? String(e)) : `${(e as Error)?.message ?? e} (run with PLAYBOOK_LINT_DEBUG=1 for details)`;
      process.stderr.write(`playbook-lint: internal error: ${detail}\n`);
      process.exitCode = 2;
    },
  );
}
