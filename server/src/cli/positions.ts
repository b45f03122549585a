/** The CLI's one offset → 1-based line/column converter (UTF-16 columns). */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnConverter(text)(offset);
}

/** The same converter for many offsets into one text: line starts are found once, then each offset is a binary search. */
export function lineColumnConverter(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
