/**
 * Compiles rule patterns. Patterns come from data (built-in YAML and team
 * config), so a bad one is reported with its key, and a user-supplied one that
 * could backtrack catastrophically is refused rather than allowed to stall the
 * editor (see ../pattern-safety.ts; built-in patterns are vetted by a test).
 */
import type * as PatternSafety from '../../config/pattern-safety';

// The analysis (scslre, refa: 1.4 MB bundled, with Unicode tables) loads on the first
// team pattern, so start-up without team rules does not pay for it. The bundles keep
// it in a file of its own, dist/pattern-safety.js (see esbuild.mjs).
let safety: typeof PatternSafety | undefined;
const loadSafety = (): typeof PatternSafety => (safety ??= require('../../config/pattern-safety') as typeof PatternSafety);

const MAX_LENGTH = 2000;

/**
 * Team patterns are matched against at most this many characters at a time
 * (phrase.ts cuts longer turns at sentence ends and spaces), which bounds
 * whatever backtracking the static check cannot rule out. Longer than any
 * sentence of a real playbook: 99.9 % of sentences in the evaluation corpus
 * are under 420 characters, the longest 1,701.
 */
export const MAX_MATCH_INPUT = 2000;

export interface PatternOptions {
  /** Add word boundaries at both ends (phrase patterns). */
  wordBounded: boolean;
  /** The pattern comes from a user's config: refuse it if it can backtrack catastrophically. */
  untrusted: boolean;
}

export function compilePattern(source: string, key: string, { wordBounded, untrusted }: PatternOptions): RegExp {
  if (typeof source !== 'string' || source.trim() === '') throw new Error(`${key}: a pattern must be a non-empty string`);
  if (source.length > MAX_LENGTH) throw new Error(`${key}: the pattern is longer than ${MAX_LENGTH} characters; split it into several patterns`);
  try {
    new RegExp(source, 'u');
  } catch (e) {
    throw new Error(`${key}: "${source}" is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')}); patterns use JavaScript syntax with the u flag`);
  }
  const wrapped = wordBounded ? boundedByWords(source) : source;
  let re: RegExp;
  try {
    re = new RegExp(wrapped, 'giu');
  } catch (e) {
    throw new Error(`${key}: not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')}); patterns use JavaScript syntax with the u flag`);
  }
  if (untrusted) assertNoBacktrackingRisk(wrapped, 'giu', key, source);
  return re;
}

/** `source` matched only where it neither starts nor ends inside a word ("adjust" never matches "just"). */
export function boundedByWords(source: string): string {
  return `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
}

/**
 * Compiles a regex-valued option a user set in config (e.g. single-clear-cta's
 * `exemptHeadings`), refusing it like a team pattern when it is invalid or
 * can backtrack catastrophically.
 */
export function compileUserOption(source: unknown, flags: string, key: string): RegExp {
  if (typeof source !== 'string' || source === '') throw new Error(`${key}: must be a non-empty regular expression string`);
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    throw new Error(`${key}: "${source}" is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')}); use JavaScript syntax`);
  }
  assertNoBacktrackingRisk(source, flags, key);
  return re;
}

/**
 * Throws `key: …` when a user's pattern (valid for `flags`) can take
 * super-linear time. `shown` is the pattern as the user wrote it.
 */
export function assertNoBacktrackingRisk(source: string, flags: string, key: string, shown = source): void {
  let check: typeof PatternSafety.findBacktrackingRisk;
  try {
    check = loadSafety().findBacktrackingRisk;
  } catch (e) {
    // A broken install, not a bad pattern: say so rather than blame the pattern.
    throw new Error(`${key}: team patterns cannot be checked because the pattern-safety module failed to load (${(e as Error).message.split('\n')[0]}); reinstall Playbook Lint`);
  }
  let risk: string | undefined;
  try {
    risk = check(source, flags);
  } catch {
    risk = 'it is too complex to check for slow matching; split it into several simpler patterns';
  }
  if (risk) throw new Error(`${key}: "${shown}" can stall the linter on long lines: ${risk}`);
}
