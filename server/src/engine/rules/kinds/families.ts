/**
 * Phrase-family tokens in team rules. Built-in rules are expanded when they
 * are built (scripts/rule-families.mjs, with the compromise NLP library); the
 * generated module also carries the resolved table, so a team pattern can say
 * "{i-am} {forms:chase}ing" … "{filler}" too and is expanded here with a plain
 * lookup: no NLP library at run time.
 */
import { PHRASE_TOKENS } from '../builtin-rules.generated';

/** `{name}` or `{kind:arg}`, not after a backslash. No valid `u`-flag regular expression contains one. */
const TOKEN = /(?<!\\)\{([a-z][a-z-]*)(?::([^{}]+))?\}/g;

/** `source` with every phrase-family token replaced by its regular expression; throws `key: …` for an unknown one. */
export function expandTokens(source: string, key: string): string {
  if (typeof source !== 'string' || !source.includes('{')) return source;
  return source.replace(TOKEN, (whole, name: string, arg: string | undefined) => {
    const id = arg === undefined ? name : `${name}:${arg.split('|').map((s) => s.trim()).join('|')}`;
    const direct = PHRASE_TOKENS[id];
    if (direct !== undefined) return direct;
    // {forms:a|b}: each word on its own, when the table has them separately.
    if (arg !== undefined && arg.includes('|')) {
      const parts = arg.split('|').map((s) => PHRASE_TOKENS[`${name}:${s.trim()}`]);
      if (parts.every((p) => p !== undefined)) return `(?:${parts.join('|')})`;
    }
    throw new Error(`${key}: ${whole} is not a known word family; use {filler}, a set of the built-in vocabulary, or {forms:…} / {plural:…} of a word the built-in rules know (see docs/rules.md, "Phrase families"), or write the forms out, e.g. (?:chase|chased|chasing)`);
  });
}
