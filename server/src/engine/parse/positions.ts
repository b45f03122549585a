/**
 * Positions in the original text: line starts and the one binary search the
 * engine uses over sorted offsets. Offsets are 0-based UTF-16 code units;
 * line/column appear only in the CLI's and the server's converters.
 */

/** Offsets where each line starts: after `\n`, after `\r\n`, and after a lone `\r`. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** 0-based line of an offset. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  return Math.max(0, firstIndex(lineStarts.length, (i) => lineStarts[i] > offset) - 1);
}

/**
 * The first index in `[0, length)` for which `after(i)` holds, or `length`
 * when none does. `after` must be false up to some index and true from there
 * on (items sorted by the thing asked about).
 */
export function firstIndex(length: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
