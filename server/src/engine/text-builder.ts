/**
 * Builds the text that rules read from pieces of the original document, keeping
 * for every character the original range it came from. Curly quotes are folded
 * to straight ones and runs of white space become one space (or one newline
 * when the run holds a line break), so a phrase split across lines or typed
 * with smart quotes still matches; offsets always point into the original.
 */
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\t': ' ',
};
/** Stands for a piece of the document that rules must not read (inline code, a link, an image) but that still counts as a word. */
export const OPAQUE = '\uFFFC';

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
    // Zero-width and soft-hyphen characters, by code unit (a regex test per character was slow).
    if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x00ad) return;
    const c = FOLD[ch] ?? (ch === '\r' ? '\n' : ch);
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
   */
  pushAligned(value: string, source: string, from: number, to: number): void {
    let j = from;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      if (j < to && source[j] === ch) {
        this.push(ch, j, j + 1);
        j++;
        continue;
      }
      if (j < to && source[j] === '\\' && source[j + 1] === ch) {
        this.push(ch, j, j + 2);
        j += 2;
        continue;
      }
      if (j < to && source[j] === '&') {
        const ref = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(source.slice(j, j + 40));
        if (ref) {
          this.push(ch, j, j + ref[0].length);
          j += ref[0].length;
          // A reference can decode to two UTF-16 units (astral characters).
          if (i + 1 < value.length && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) < 0xdc00) {
            i++;
            this.push(value[i], j, j);
          }
          continue;
        }
      }
      // Skip what the value does not contain (a `> ` prefix, indentation), looking ahead a little.
      const limit = Math.min(to, j + 200);
      let k = j;
      while (k < limit && source[k] !== ch) k++;
      if (k < limit) {
        this.push(ch, k, k + 1);
        j = k + 1;
      } else {
        this.push(ch, j, j);
      }
    }
  }

  build(): MappedText {
    let n = this.chars.length;
    while (n > 0 && (this.chars[n - 1] === ' ' || this.chars[n - 1] === '\n')) n--;
    return {
      text: this.chars.slice(0, n).join(''),
      starts: Int32Array.from(this.starts.slice(0, n)),
      ends: Int32Array.from(this.ends.slice(0, n)),
    };
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
