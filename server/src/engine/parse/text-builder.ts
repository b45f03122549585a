/**
 * Builds the text that rules read from pieces of the original document, keeping
 * for every character the original range it came from. Curly quotes are folded
 * to straight ones and runs of white space become one space (or one newline
 * when the run holds a line break), so a phrase split across lines or typed
 * with smart quotes still matches; offsets always point into the original.
 */
const FOLD: Record<string, string | undefined> = {
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\t': ' ',
};
/** Stands for a piece of the document that rules must not read (inline code, a link, an image) but that still counts as a word. */
export const OPAQUE = '\uFFFC';

const NONE: ReadonlyArray<readonly [number, number]> = [];
const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

export interface MappedText {
  text: string;
  /** Original start offset of each character of `text`. */
  starts: Int32Array;
  /** Original end offset of each character of `text`. */
  ends: Int32Array;
}

export class TextBuilder {
  private chars: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  get length(): number {
    return this.chars.length;
  }

  push(ch: string, start: number, end: number): void {
    const code = ch.charCodeAt(0);
    // Printable ASCII other than the space: most characters, nothing to fold.
    if (code > 0x20 && code < 0x7f) {
      this.chars.push(ch);
      this.starts.push(start);
      this.ends.push(end);
      return;
    }
    // Zero-width and soft-hyphen characters, by code unit (a regex test per character was slow).
    if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x00ad) return;
    const c = (code >= 0x80 || code === 9 ? FOLD[ch] : undefined) ?? (code === 13 ? '\n' : ch);
    if (c === ' ' || c === '\n') {
      const n = this.chars.length;
      if (n === 0) return; // no leading white space
      const last = this.chars[n - 1];
      if (last === ' ' || last === '\n') {
        if (c === '\n') this.chars[n - 1] = '\n';
        return;
      }
    }
    this.chars.push(c);
    this.starts.push(start);
    this.ends.push(end);
  }

  /** A break between blocks or cells: behaves as a line break. */
  newline(at: number): void {
    this.push('\n', at, at);
  }

  opaque(start: number, end: number): void {
    this.push(OPAQUE, start, end);
  }

  /** Plain source text copied 1:1 (fenced code content). */
  pushSource(source: string, from: number, to: number): void {
    for (let j = from; j < to; j++) this.push(source[j], j, j + 1);
  }

  /**
   * Adds an mdast text value, aligning it with the source slice it came from.
   * The slice can hold more than the value: container prefixes (`> `, list
   * indentation) after line breaks, backslash escapes and character references.
   * Each range of `hidden` (indexes into `value`, sorted, disjoint) becomes one
   * OPAQUE character spanning its source, like a link: bare URLs and emails.
   */
  pushAligned(value: string, source: string, from: number, to: number, hidden: ReadonlyArray<readonly [number, number]> = NONE): void {
    let j = from;
    let h = 0;
    let hiddenStart = -1;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      let s = j;
      let e = j;
      // A reference can decode to two UTF-16 units (astral characters): the second maps to an empty range.
      let pair = false;
      if (j < to && source[j] === ch) {
        e = ++j;
      } else if (j < to && source[j] === '\\' && source[j + 1] === ch) {
        e = j += 2;
      } else {
        const ref = j < to && source[j] === '&' ? CHARACTER_REFERENCE.exec(source.slice(j, j + 40)) : null;
        if (ref) {
          e = j += ref[0].length;
          pair = i + 1 < value.length && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) < 0xdc00;
        } else {
          // Skip what the value does not contain (a `> ` prefix, indentation), looking ahead a little.
          const limit = Math.min(to, j + 200);
          let k = j;
          while (k < limit && source[k] !== ch) k++;
          if (k < limit) {
            s = k;
            e = j = k + 1;
          }
        }
      }
      if (h < hidden.length && i >= hidden[h][0]) {
        if (hiddenStart < 0) hiddenStart = s;
        if (pair) i++;
        if (i + 1 >= hidden[h][1]) {
          this.opaque(hiddenStart, e);
          hiddenStart = -1;
          h++;
        }
        continue;
      }
      this.push(ch, s, e);
      if (pair) {
        i++;
        this.push(value[i], j, j);
      }
    }
  }

  build(): MappedText {
    let n = this.chars.length;
    while (n > 0 && (this.chars[n - 1] === ' ' || this.chars[n - 1] === '\n')) n--;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = this.starts[i];
      ends[i] = this.ends[i];
    }
    return { text: (n === this.chars.length ? this.chars : this.chars.slice(0, n)).join(''), starts, ends };
  }
}

/** Original range of text[a, b). */
export function originalRange(m: MappedText, a: number, b: number): { start: number; end: number } {
  if (b <= a) {
    const at = a < m.starts.length ? m.starts[a] : m.ends[m.ends.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: m.starts[a], end: m.ends[b - 1] };
}
