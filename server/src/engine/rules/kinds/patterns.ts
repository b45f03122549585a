/**
 * Compiles rule patterns. Patterns come from data (built-in YAML and team
 * config), so a bad one is reported with its key. Built-in patterns run as
 * JavaScript RegExps (vetted by a test); a user-supplied one runs on RE2, in
 * time linear in the text (see team-pattern.ts), so no config can freeze the
 * editor.
 */
import type * as TeamPattern from './team-pattern';
import type { TeamMatcher } from './team-pattern';

export type { TeamMatcher };

// RE2 (re2js), regexpp and refa's Unicode tables load on the first team pattern, so
// start-up without team rules does not pay for them. The bundles keep them in a
// file of their own, dist/team-pattern.js (see esbuild.mjs).
let team: typeof TeamPattern | undefined;
const loadTeam = (): typeof TeamPattern => (team ??= require('./team-pattern') as typeof TeamPattern);

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
  /** The pattern comes from a user's config: run it on RE2. */
  untrusted: boolean;
}

/** Longest team pattern, in characters. */
export const MAX_TEAM_PATTERN_LENGTH = 500;

export function compilePattern(source: string, key: string, options: PatternOptions & { untrusted: true }): TeamMatcher;
export function compilePattern(source: string, key: string, options: PatternOptions): RegExp | TeamMatcher;
export function compilePattern(source: string, key: string, { wordBounded, untrusted }: PatternOptions): RegExp | TeamMatcher {
  if (typeof source !== 'string' || source.trim() === '') throw new Error(`${key}: a pattern must be a non-empty string`);
  if (untrusted) return compileTeam(source, key, wordBounded);
  if (source.length > MAX_LENGTH) throw new Error(`${key}: the pattern is longer than ${MAX_LENGTH} characters; split it into several patterns`);
  try {
    return new RegExp(wordBounded ? boundedByWords(source) : source, 'giu');
  } catch (e) {
    throw new Error(`${key}: "${source}" is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')}); patterns use JavaScript syntax with the u flag`);
  }
}

function compileTeam(source: string, key: string, wordBounded: boolean): TeamMatcher {
  if (source.length > MAX_TEAM_PATTERN_LENGTH) throw new Error(`${key}: the pattern is ${source.length} characters long, more than the ${MAX_TEAM_PATTERN_LENGTH} allowed; split it into several patterns`);
  let compile: typeof TeamPattern.compileTeamPattern;
  try {
    compile = loadTeam().compileTeamPattern;
  } catch (e) {
    // A broken install, not a bad pattern: say so rather than blame the pattern.
    throw new Error(`${key}: team patterns cannot be run because the team-pattern module failed to load (${(e as Error).message.split('\n')[0]}); reinstall Playbook Lint`);
  }
  try {
    return compile(source, wordBounded);
  } catch (e) {
    throw new Error(`${key}: ${(e as Error).message}`);
  }
}

/** `source` matched only where it neither starts nor ends inside a word ("adjust" never matches "just"). */
export function boundedByWords(source: string): string {
  return `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
}

const userOptions = new Map<string, TeamMatcher>();

/**
 * Compiles a regex-valued option a user set in config (e.g. single-clear-cta's
 * `exemptHeadings`) like a team pattern: checked, then run on RE2,
 * case-insensitively. Memoised by source.
 */
export function compileUserOption(source: unknown, key: string): TeamMatcher {
  if (typeof source !== 'string' || source === '') throw new Error(`${key}: must be a non-empty regular expression string`);
  const hit = userOptions.get(source);
  if (hit) return hit;
  const m = compileTeam(source, key, false);
  if (userOptions.size >= 200) userOptions.clear();
  userOptions.set(source, m);
  return m;
}
