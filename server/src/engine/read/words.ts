/**
 * Words, sentences and placeholders in unit text. A placeholder
 * (`{{first_name}}`, `[First Name]`, `{company}`, `*|FNAME|*`) counts as one
 * word and is never matched by phrase patterns.
 */
import { firstIndex } from '../parse/positions';
import { OPAQUE } from '../parse/text-builder';

export type PlaceholderStyle = 'mustache' | 'bracket' | 'brace' | 'merge-tag' | 'angle';

/** Each placeholder syntax, the capture being the variable. Bracket placeholders must start upper-case so `[x]`, `[pause]` and `[^1]` are not placeholders. */
export const PLACEHOLDER_PATTERNS: ReadonlyArray<{ style: PlaceholderStyle; re: RegExp; opener: string }> = [
  { style: 'mustache', re: /\{\{\s*([\w.\- ]{1,40}?)\s*\}\}/g, opener: '{{' },
  { style: 'merge-tag', re: /\*\|([A-Z0-9_]{1,30})\|\*/g, opener: '*|' },
  { style: 'brace', re: /(?<!\{)\{([a-z][\w.]{0,30})\}(?!\})/gi, opener: '{' },
  { style: 'bracket', re: /\[(\p{Lu}[\p{L}\p{N} '’/&-]{0,40})\](?!\()/gu, opener: '[' },
  { style: 'angle', re: /<(\p{Lu}[\p{L} _]{1,30})>/gu, opener: '<' },
];

export interface PlaceholderHit {
  style: PlaceholderStyle;
  name: string;
  index: number;
  length: number;
}

export function findPlaceholders(text: string): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  for (const { style, re, opener } of PLACEHOLDER_PATTERNS) {
    // Most texts hold no placeholder: a substring check is far cheaper than the regex scan.
    if (!text.includes(opener)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (hits.some((h) => m!.index < h.index + h.length && h.index < m!.index + m![0].length)) continue;
      hits.push({ style, name: m[1], index: m.index, length: m[0].length });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The same text with each placeholder masked to a same-length run of OPAQUE characters, so offsets still line up. */
export function maskPlaceholders(text: string): string {
  const hits = findPlaceholders(text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.index) + OPAQUE.repeat(h.length);
    at = h.index + h.length;
  }
  return out + text.slice(at);
}

const WORD = /[\p{L}\p{N}\uFFFC]+(?:['’.-][\p{L}\p{N}\uFFFC]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  const masked = collapseMasked(maskPlaceholders(text));
  WORD.lastIndex = 0;
  // test, not exec: no match array per word (a keystroke counts the words of every rebuilt unit).
  while (WORD.test(masked)) n++;
  return n;
}

function collapseMasked(text: string): string {
  return text.replace(/\uFFFC+/g, OPAQUE);
}

export interface Span {
  a: number;
  b: number;
}

/**
 * Sentences of text[a, b): split after . ! ? (and … or a line break) followed by
 * space. Abbreviations like "e.g." and decimals are not split points.
 */
export function sentencesIn(text: string, a: number, b: number): Span[] {
  const out: Span[] = [];
  let start = a;
  const re = /(?:[.!?…]+["')\]]*(?=\s)|\n)/g;
  re.lastIndex = a;
  for (let m = re.exec(text); m && m.index < b; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(start, m.index - 5), m.index + 1);
    if (/\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|inc|approx|no)\.$/i.test(before)) continue;
    if (m[0] === '\n' || end > start) {
      pushTrimmed(text, start, Math.min(end, b), out);
      start = end;
    }
  }
  if (start < b) pushTrimmed(text, start, b, out);
  return out;
}

function pushTrimmed(text: string, a: number, b: number, out: Span[]): void {
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (b > a) out.push({ a, b });
}

// The last turn split into sentences: rules ask for the sentence of every match
// in a turn, and re-splitting a long turn per match was quadratic.
let lastSplit: { text: string; a: number; b: number; spans: Span[] } | undefined;

export function sentenceAt(text: string, a: number, b: number, at: number): Span {
  if (!lastSplit || lastSplit.text !== text || lastSplit.a !== a || lastSplit.b !== b) lastSplit = { text, a, b, spans: sentencesIn(text, a, b) };
  const spans = lastSplit.spans;
  const s = spans[firstIndex(spans.length, (i) => spans[i].b > at)];
  return s && at >= s.a && at < s.b ? { a: s.a, b: s.b } : { a, b };
}
