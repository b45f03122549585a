/**
 * How much a function runs before V8 optimises it. V8 hands a function to
 * TurboFan once it has executed about `--interrupt-budget` bytes of bytecode
 * (66 KB in Node 20). The linter runs thousands of small parser and rule
 * functions, most of them lukewarm: over the shared corpus the CLI's TurboFan
 * threads compiled about 2,800 functions (several more than once after a
 * deoptimisation) and took 5–6 s of CPU, as much as one of its two lint
 * workers, on a machine with two cores. With a 16× budget only the hot
 * functions are optimised: about 25% less CPU in all (9.6–10.6 s instead of
 * 12.9–13.5 s) for the same work on the lint threads, and a first lint of a
 * 5,000-line playbook in the server took about 0.9 s of CPU instead of 1.6 s
 * (main thread 0.6–0.7 s either way). A 64× budget made the lint threads
 * slower than it saved.
 *
 * V8 reads the flag whenever it resets a function's budget, so setting it at
 * start-up covers every function that runs later, in worker threads too. A
 * value given on the command line wins.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default budget (Node 20) times 16. */
export const INTERRUPT_BUDGET = 16 * 67584;

export function raiseInterruptBudget(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): void {
  if (!execArgv.some((a) => /^--interrupt[-_]budget(?:=|$)/.test(a))) setFlags(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
