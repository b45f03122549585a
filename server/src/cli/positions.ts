import { lineOf, lineStartsOf } from '../engine';

/** The CLI's one offset → 1-based line/column converter (UTF-16 columns). */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnConverter(text)(offset);
}

/** The same converter for many offsets into one text: line starts are found once, then each offset is a binary search. */
export function lineColumnConverter(text: string): (offset: number) => { line: number; column: number } {
  const starts = lineStartsOf(text);
  return (offset) => {
    const line = lineOf(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1 };
  };
}
