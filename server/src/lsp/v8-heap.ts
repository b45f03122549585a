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
 * - The young generation (two semi-spaces) starts at 1 MB each and doubles
 *   while much survives a scavenge, up to Node's 16 MB: 32 MB resident for
 *   good, already after module loading. While loading it grows to 8 MB per
 *   semi-space and no further: with the corpus open ~20 MB less resident,
 *   for twice the scavenges (~1.1 s more GC pauses; 6% more CPU for opening
 *   679 files on a quiet machine, up to 25% on a loaded one; 1 MB
 *   semi-spaces cost ~50% more).
 *   While editing V8 lets it grow again.
 * - Every full GC compacts the old generation while a second document or more
 *   is loaded in a row: the texts and results kept for open documents end up
 *   scattered over pages that otherwise stay committed, mostly empty (with the
 *   corpus open, 43 MB of old generation held 26 MB of objects; compacting
 *   takes the server from ~149 MB to ~135 MB resident for ~10% more CPU while
 *   loading). Not for the first document opened (a lone first lint gains
 *   nothing) nor while editing (every keystroke promotes megabytes, and full
 *   GCs come often).
 *
 * `--heap-growing-percent` is read by V8 whenever it sets the next GC limit,
 * and `--semi-space-growth-factor` whenever a semi-space grows, so both work
 * at runtime however the server was started (VS Code's client, or
 * `playbook-language-server --stdio` from another editor); the flags that set
 * the young generation's limits are fixed when the isolate is created. A flag
 * given on the command line wins.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** While loading, the old generation may grow to 1.3× what survived the last full GC. */
export const LOADING_HEAP_GROWING_PERCENT = 30;
/** While loading, the young generation (both semi-spaces, bytes) grows to this size and no further. */
export const LOADING_YOUNG_GENERATION_CAP = 16 * 2 ** 20;
/** Loading documents in a row from which every full GC compacts the old generation. */
export const LOADING_COMPACTION_FROM = 2;
/** V8's default `--semi-space-growth-factor`: each growth doubles the semi-spaces. */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

/**
 * Called first thing at start-up, before the bundle's modules load: loading
 * them alone grows the young generation to 16 MB. It stays at its initial
 * size until `HeapGrowth` decides, at the first lint.
 */
export function holdYoungGeneration(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): void {
  if (!youngGenerationFixed(execArgv)) setFlags('--semi-space-growth-factor=1');
}

export class HeapGrowth {
  private readonly fixedOld: boolean;
  private readonly fixedYoung: boolean;
  private readonly fixedCompaction: boolean;
  private lastUri: string | undefined;
  /** Consecutive lints of documents other than the one linted before. */
  private loadedInARow = 0;
  private compacting = false;
  /** The percent last set; 0 is V8's own factor. */
  private percent: number | undefined;
  /** The semi-space growth factor last set (1 by `holdYoungGeneration`). */
  private youngFactor: number | undefined;

  constructor(
    execArgv: readonly string[] = process.execArgv,
    private readonly setFlags: (flags: string) => void = setFlagsFromString,
    private readonly youngGenerationSize: () => number = newSpaceSize,
  ) {
    this.fixedOld = execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a));
    this.fixedYoung = youngGenerationFixed(execArgv);
    this.fixedCompaction = execArgv.some((a) => /^--(?:no-)?compact[-_]on[-_]every[-_]full[-_]gc\b/.test(a));
  }

  /** Call before linting `uri`. */
  beforeLint(uri: string): void {
    const editing = uri === this.lastUri;
    this.lastUri = uri;
    this.loadedInARow = editing ? 0 : this.loadedInARow + 1;
    if (!this.fixedCompaction) {
      const compact = this.loadedInARow >= LOADING_COMPACTION_FROM;
      if (compact !== this.compacting) {
        this.compacting = compact;
        this.setFlags(compact ? '--compact-on-every-full-gc' : '--no-compact-on-every-full-gc');
      }
    }
    if (!this.fixedOld) {
      const percent = editing ? 0 : LOADING_HEAP_GROWING_PERCENT;
      if (percent !== this.percent) {
        this.percent = percent;
        this.setFlags(`--heap-growing-percent=${percent}`);
      }
    }
    if (!this.fixedYoung) {
      const factor = editing ? V8_SEMI_SPACE_GROWTH_FACTOR : loadingGrowthFactor(this.youngGenerationSize());
      if (factor !== this.youngFactor) {
        this.youngFactor = factor;
        this.setFlags(`--semi-space-growth-factor=${factor}`);
      }
    }
  }
}

/**
 * Below the cap, one growth lands on it (both semi-spaces are committed after
 * the first scavenge, and their sizes are powers of two); at the cap, none.
 */
function loadingGrowthFactor(youngGenerationSize: number): number {
  return youngGenerationSize < LOADING_YOUNG_GENERATION_CAP ? Math.max(2, Math.ceil(LOADING_YOUNG_GENERATION_CAP / youngGenerationSize)) : 1;
}

function youngGenerationFixed(execArgv: readonly string[]): boolean {
  return execArgv.some((a) => /^--(?:semi[-_]space[-_]growth[-_]factor|(?:max|min)[-_]semi[-_]space[-_]size)\b/.test(a));
}

function newSpaceSize(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}
