/**
 * The worker pool of the real bundle (dist/cli.js): results in job order,
 * equal to linting on one thread, and Ctrl-C starting no new job.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LintJob, LintJobOptions, LintJobResult } from '../../server/src/cli/lint-file';
import { WINDOW_PER_THREAD, runJobs } from '../../server/src/cli/pool';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const OPTS: LintJobOptions = { cwd: ROOT, rules: {}, fix: false, fixDryRun: false, cliVersion: 'test' };
const EXAMPLES = ['cold-call-script.md', 'email-sequence.md', 'objection-handling.md', 'voicemail.md'].map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));

/** In-memory jobs (like --stdin), so nothing on disk is read or written. */
function jobs(n: number): LintJob[] {
  return Array.from({ length: n }, (_, i) => ({ absPath: join(ROOT, 'examples', `copy-${String(i).padStart(3, '0')}.md`), text: EXAMPLES[i % EXAMPLES.length] }));
}

async function collect(gen: AsyncGenerator<LintJobResult>, onResult?: () => void): Promise<LintJobResult[]> {
  const out: LintJobResult[] = [];
  for await (const r of gen) {
    out.push(r);
    onResult?.();
  }
  return out;
}

describe('worker pool', () => {
  it('aborted before it starts, lints nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    assert.deepEqual(await collect(runJobs(jobs(10), OPTS, 2, CLI, controller.signal)), []);
  });
  it('gives the single-thread results, in job order', async () => {
    const list = jobs(40);
    const one = await collect(runJobs(list, OPTS, 1, CLI));
    const two = await collect(runJobs(list, OPTS, 2, CLI));
    assert.deepEqual(two.map((r) => r.report.filePath), list.map((j) => `examples/${j.absPath.split('/').pop()}`));
    assert.deepEqual(two, one);
  });
  it('after an abort starts no new job and yields a prefix of the jobs', async () => {
    // Aborted at the first result: only jobs already sent can still finish, and the pool never sends more
    // than its window ahead of the next result to emit, however fast or slow the machine is.
    const threads = 2;
    const bound = threads * WINDOW_PER_THREAD + 1;
    const list = jobs(bound * 3);
    const controller = new AbortController();
    const got = await collect(runJobs(list, OPTS, threads, CLI, controller.signal), () => controller.abort());
    assert.ok(got.length >= 1 && got.length <= bound, `${got.length} results (at most ${bound})`);
    assert.deepEqual(got.map((r) => r.report.filePath), list.slice(0, got.length).map((j) => `examples/${j.absPath.split('/').pop()}`));
  });
});
