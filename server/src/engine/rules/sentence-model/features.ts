/**
 * What the sentence model reads of a sentence: its words, lower-cased, with
 * contractions and texting spellings spelled out and a light suffix strip ("chasing" and "chased"
 * read as "chas"), placeholders, numbers, weekdays and months as one token
 * each, then every word and every pair of neighbouring words. Pairs keep the
 * order that carries meaning ("a decision", "by Friday") without a parser.
 *
 * Written by hand: wink-lemmatizer gave the same accuracy on the labelled set
 * (docs/accuracy.md), and this needs no library or word list in the bundles.
 */

import { spelledOutWord } from '../../read/texting';

const PLACEHOLDER = /\{\{[^{}]*\}\}|\{[^{}\s]*\}|\[[^\]]*\]|<[A-Z][^<>]*>/g;
const TOKEN = /<ph>|[a-z]+(?:'[a-z]+)?|\d+|[?!£$€%]/g;
const DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)$/;
// "may" is left out: it is far more often the verb.
const MONTHS = /^(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/n't$/, ' not'],
  [/'re$/, ' are'],
  [/'ve$/, ' have'],
  [/'ll$/, ' will'],
  [/'d$/, ' would'],
  [/'m$/, ' am'],
  [/'s$/, ''],
];

/**
 * Grammar words ("if", "would", "you", "?") are not features on their own,
 * only in pairs: every sentence has them, and a model that learns them finds
 * "pressure" in any conditional question (measured on the corpus).
 */
const GRAMMAR = new Set(
  '? if be would could the a an to of and that it is we i you your our for on in with this not do have was there will at or but so all can are am my me'.split(' '),
);

/** The bias feature every sentence has: the model's prior. */
export const BIAS = '<bias>';

/** A word's stem: "apologies"/"apologised" → "apolog…"-like forms share one, as do "chase"/"chasing". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word
    .replace(/(?:ies|ied)$/, 'y')
    .replace(/(?:ing|ed|es|s)$/, '')
    .replace(/(.)\1$/, '$1');
}

function words(sentence: string): string[] {
  const text = sentence.toLowerCase().replace(/[’‘]/g, "'").replace(PLACEHOLDER, ' <ph> ');
  const out: string[] = [];
  for (const raw of text.match(TOKEN) ?? []) {
    if (/^\d+$/.test(raw)) out.push('<num>');
    else if (DAYS.test(raw)) out.push('<day>');
    else if (MONTHS.test(raw)) out.push('<month>');
    else if (raw === '<ph>' || !/[a-z]/.test(raw)) out.push(raw);
    else {
      // Texting spellings read as their words: "u" as "you", "checkin" as "checking" (read/texting.ts).
      const spelled = spelledOutWord(raw);
      for (let w of spelled === undefined ? [raw] : spelled.toLowerCase().split(' ')) {
        for (const [re, by] of CONTRACTIONS) w = w.replace(re, by);
        for (const part of w.split(' ')) if (part) out.push(stem(part));
      }
    }
  }
  return out;
}

/** The sentence's features: its words and neighbouring pairs, each once, plus the bias. */
export function sentenceFeatures(sentence: string): string[] {
  const w = words(sentence);
  const out = new Set<string>([BIAS]);
  for (let i = 0; i < w.length; i++) {
    if (!GRAMMAR.has(w[i])) out.add(w[i]);
    if (i + 1 < w.length) out.add(`${w[i]}_${w[i + 1]}`);
  }
  return [...out];
}
