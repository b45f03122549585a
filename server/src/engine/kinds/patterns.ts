/**
 * Compiles rule patterns. Patterns come from data (built-in YAML and team
 * config), so a bad one is reported with its key, and one that could
 * backtrack catastrophically is refused rather than allowed to stall the
 * editor.
 */

// Nested quantifiers such as (a+)+ or (\w*)* are the classic catastrophic shapes.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;
const MAX_LENGTH = 2000;

export function compilePattern(source: string, key: string, wordBounded: boolean): RegExp {
  if (typeof source !== 'string' || source.trim() === '') throw new Error(`${key}: a pattern must be a non-empty string`);
  if (source.length > MAX_LENGTH) throw new Error(`${key}: the pattern is longer than ${MAX_LENGTH} characters; split it into several patterns`);
  if (NESTED_QUANTIFIER.test(source)) {
    throw new Error(`${key}: the pattern nests a repetition inside a repetition (like "(a+)+"), which can take exponential time; rewrite it without the outer repetition`);
  }
  try {
    new RegExp(source, 'u');
  } catch (e) {
    throw new Error(`${key}: "${source}" is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')}); patterns use JavaScript syntax with the u flag`);
  }
  const wrapped = wordBounded ? `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])` : source;
  try {
    return new RegExp(wrapped, 'giu');
  } catch (e) {
    throw new Error(`${key}: not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')}); patterns use JavaScript syntax with the u flag`);
  }
}
