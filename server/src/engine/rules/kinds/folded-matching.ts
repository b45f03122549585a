/**
 * Built-in phrase patterns run on a folded copy of the text: lower case, one
 * byte per character, the same length (so match offsets carry over), with the
 * patterns folded to match it and compiled without the `i` flag.
 *
 * Why: V8 compiles a regular expression to machine code once per kind of
 * string it meets (one-byte and two-byte), and case-insensitive Unicode
 * matching roughly doubles that code. Turn text is mostly two-byte (an inline
 * link becomes U+FFFC), so every phrase pattern was compiled twice, at up to
 * 1.7 MB each: with the corpus open, about 4–5 MB of the language server's
 * memory. Folded patterns also run faster: no case folding per character.
 *
 * A pattern that cannot be folded exactly (a case-sensitive class such as
 * \p{Lu}, a named group, a range across cases, a character this table does not
 * know) keeps the old way: `foldedSource` returns undefined.
 */

/** Non-Latin-1 characters that built-in patterns name, each with its one-byte stand-in (C1 codes, never typed). */
const STAND_IN: Readonly<Record<string, string>> = {
  '\u20AC': '\x80', // €
  '\u2026': '\x85', // …
  '\u2018': '\x91',
  '\u2019': '\x92',
  '\u201C': '\x93',
  '\u201D': '\x94',
  '\u2022': '\x95', // •
  '\u2013': '\x96', // –
  '\u2014': '\x97', // —
  '\u2122': '\x99', // ™
  '\uFFFC': '\x9F', // a link or code span (parse/text-builder OPAQUE)
};
/** Stand-ins for every other character outside Latin-1, by the classes patterns test for. */
const LETTER = '\xAA'; // ª: \p{L}
const NUMBER = '\xB2'; // ²: \p{N}
const SPACE = '\xA0'; // \s
const LINE = '\n'; // \s, and not `.`
const OTHER = '\x81'; // none of those

const IS_LETTER = /^\p{L}/u;
const IS_NUMBER = /^\p{N}/u;
const IS_SPACE = /^\s/u;

/** One stand-in per UTF-16 code unit of `ch` (a code point; a pair gives two). */
function standIn(ch: string): string {
  const known = STAND_IN[ch];
  if (known) return known;
  const code = ch.charCodeAt(0);
  // A C1 control typed in the text must not pass for one of the stand-ins.
  if (code <= 0xff) return OTHER;
  const one = IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : code === 0x2028 || code === 0x2029 ? LINE : IS_SPACE.test(ch) ? SPACE : OTHER;
  return ch.length === 2 ? one + one : one;
}

const OUTSIDE_ASCII = /[^\x00-\x7f]/gu;
const NEEDS_STAND_IN = /[\x80-\x9f]|[^\x00-\xff]/u;

/**
 * The text that folded patterns run on: `text` lower-cased, every character
 * outside Latin-1 (and every C1 control) replaced by its stand-in, held by V8
 * as a one-byte string. Same length as `text`.
 */
export function foldText(text: string): string {
  let folded = text;
  if (NEEDS_STAND_IN.test(folded)) folded = folded.replace(OUTSIDE_ASCII, (ch) => (ch.length === 1 && ch.charCodeAt(0) >= 0xa0 && ch.charCodeAt(0) <= 0xff ? ch : standIn(ch)));
  // Latin-1 lower-cases within Latin-1, one character for one.
  return oneByte(folded.toLowerCase());
}

/** Characters per String.fromCharCode call (well under any engine's argument limit). */
const CHUNK = 4096;

/**
 * The same Latin-1 text held by V8 as a one-byte string: replace() and toLowerCase() keep a two-byte
 * string two-byte, String.fromCharCode of codes under 256 makes it one-byte. (Pure JavaScript: the
 * engine imports nothing from Node.)
 */
function oneByte(text: string): string {
  let out = '';
  for (let from = 0; from < text.length; from += CHUNK) {
    const n = Math.min(CHUNK, text.length - from);
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(from + i);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Unicode properties that mean the same on lower-cased text as under the `i` flag. */
const CASELESS_PROPERTY = /^\\[pP]\{(?:L|Letter|N|Number)\}$/;
const UPPER = /[A-Z\xC0-\xD6\xD8-\xDE]/;

/**
 * `source` rewritten to match folded text (see foldText) without the `i` flag
 * exactly where `source` with it matches the original text, or undefined when
 * it cannot be.
 */
export function foldedSource(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; ) {
    const atom = atomAt(source, i);
    if (atom === undefined) return undefined;
    i += atom.text.length;
    if (atom.char === undefined) {
      // An escape that is not one character (\s, \b, \p{L}, \d …) or a bracket, group or operator.
      if (/^\\[pP]/.test(atom.text) && !CASELESS_PROPERTY.test(atom.text)) return undefined;
      if (/^\\k|^\(\?<[A-Za-z]/.test(atom.text)) return undefined;
      if (!inClass && /^\[/.test(atom.text)) inClass = true;
      else if (inClass && atom.text === ']') inClass = false;
      out += atom.text;
      continue;
    }
    // A class range ("a-e"): both ends must fold alike.
    if (inClass && source[i] === '-' && i + 1 < source.length && source[i + 1] !== ']') {
      const end = atomAt(source, i + 1);
      if (end?.char === undefined) return undefined;
      i += 1 + end.text.length;
      const range = foldedRange(atom.char, end.char);
      if (range === undefined) return undefined;
      out += range;
      continue;
    }
    const folded = foldedChar(atom.char);
    if (folded === undefined) return undefined;
    out += folded === atom.char && atom.text.length === 1 ? atom.text : escapeChar(folded);
  }
  return out;
}

/** One syntactic piece of a pattern: `char` when it stands for one literal character. */
function atomAt(source: string, i: number): { text: string; char?: string } | undefined {
  const c = source[i];
  if (c === '\\') {
    const rest = source.slice(i);
    const hex = /^\\u\{([0-9a-fA-F]{1,6})\}|^\\u([0-9a-fA-F]{4})|^\\x([0-9a-fA-F]{2})/.exec(rest);
    if (hex) return { text: hex[0], char: String.fromCodePoint(parseInt(hex[1] ?? hex[2] ?? hex[3], 16)) };
    const property = /^\\[pP]\{[^}]*\}/.exec(rest);
    if (property) return { text: property[0] };
    if (/^\\c/.test(rest)) return undefined;
    const k = /^\\k<[^>]*>/.exec(rest);
    if (k) return { text: k[0] };
    const next = source[i + 1];
    if (next === undefined) return undefined;
    // \d \s \w \b and their capitals, \n \t, back-references: no literal to fold.
    if (/[dDsSwWbBnrtfv0-9]/.test(next)) return { text: c + next };
    return { text: c + next, char: next };
  }
  if (c === '(' && source.startsWith('(?', i)) {
    const group = /^\(\?(?:<[=!]|<[A-Za-z][\w]*>|[:=!])/.exec(source.slice(i));
    return { text: group ? group[0] : '(?' };
  }
  if (c === '[') return { text: source[i + 1] === '^' ? '[^' : '[' };
  if ('|()]{}*+?.^$'.includes(c)) {
    const quantifier = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(source.slice(i)) : null;
    return { text: quantifier ? quantifier[0] : c };
  }
  const ch = String.fromCodePoint(source.codePointAt(i)!);
  return { text: ch, char: ch };
}

/** The character as folded text has it, or undefined when it has no one-byte stand-in. */
function foldedChar(ch: string): string | undefined {
  const code = ch.codePointAt(0)!;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return ch.toLowerCase();
  return STAND_IN[ch];
}

function foldedRange(from: string, to: string): string | undefined {
  const a = from.codePointAt(0)!;
  const b = to.codePointAt(0)!;
  if (a > 0xff || b > 0xff || (a >= 0x80 && a < 0xa0) || (b >= 0x80 && b < 0xa0)) return undefined;
  const bothUpper = UPPER.test(from) && UPPER.test(to) && (b <= 0x5a || a >= 0xc0);
  if (bothUpper) return `${escapeChar(from.toLowerCase())}-${escapeChar(to.toLowerCase())}`;
  for (let c = a; c <= b; c++) if (UPPER.test(String.fromCharCode(c))) return undefined;
  return `${escapeChar(from)}-${escapeChar(to)}`;
}

/** A literal character as pattern syntax. */
function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) return `\\x${code.toString(16).padStart(2, '0')}`;
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}
