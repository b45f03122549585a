/**
 * How far V8 lets the heap grow, by the kind of work the server is doing.
 *
 * After each full GC V8 lets the old generation grow to up to 4× what
 * survived (the factor depends on the machine's memory and GC speed), and an
 * idle Node process never collects again: whatever the heap grew to stays
 * resident while the editor is open. Opening a workspace of playbooks is such
 * a burst: with every corpus file open 21 MB survive a full GC, yet the old
 * generation had grown to ~120 MB.
 *
 * - Loading (consecutive lints of different documents: opening files, a
 *   config change, "Lint workspace"): the old generation is kept within 1.3×
 *   of what survived (V8 adds a minimum step of a few MB and the young
 *   generation's size), for a few percent of lint throughput.
 * - Editing (the same document linted again): V8's own factor. A fixed 1.3×
 *   there made each keystroke on a 5,000-line playbook cost 30–50% more CPU:
 *   every re-lint promotes megabytes to the old generation, so full GCs came
 *   every keystroke or two.
 *
 * `--heap-growing-percent` is read by V8 whenever it sets the next GC limit,
 * so it works at runtime however the server was started (VS Code's client, or
 * `playbook-language-server --stdio` from another editor). The flags that size
 * the young generation are fixed when the isolate is created; the runtime
 * alternative (`--semi-space-growth-factor=1`, 1 MB semi-spaces) cost ~50%
 * more CPU, so the young generation keeps Node's default. A growth percent
 * given on the command line wins.
 */
import { setFlagsFromString } from 'node:v8';

/** While loading, the old generation may grow to 1.3× what survived the last full GC. */
export const LOADING_HEAP_GROWING_PERCENT = 30;

export class HeapGrowth {
  private readonly fixed: boolean;
  private lastUri: string | undefined;
  /** The percent last set; 0 is V8's own factor. */
  private percent: number | undefined;

  constructor(
    execArgv: readonly string[] = process.execArgv,
    private readonly setFlags: (flags: string) => void = setFlagsFromString,
  ) {
    this.fixed = execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a));
  }

  /** Call before linting `uri`. */
  beforeLint(uri: string): void {
    if (this.fixed) return;
    const percent = uri === this.lastUri ? 0 : LOADING_HEAP_GROWING_PERCENT;
    this.lastUri = uri;
    if (percent === this.percent) return;
    this.percent = percent;
    this.setFlags(`--heap-growing-percent=${percent}`);
  }
}
