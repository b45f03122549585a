/** The CLI's offset → line/column converter against a character-by-character count. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineColumnConverter, offsetToLineColumn } from '../../server/src/cli/positions';

function byCounting(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('CLI positions', () => {
  it('LF, CRLF, lone CR, emoji, an empty text and offsets at and past the end', () => {
    for (const text of ['', 'a', 'one\ntwo\n', 'one\r\ntwo\r\n\r\nthree', 'a\rb\r\rc', '😀 x\n\ny', 'no final newline']) {
      const at = lineColumnConverter(text);
      for (let offset = 0; offset <= text.length + 2; offset++) {
        assert.deepEqual(at(offset), byCounting(text, offset), `${JSON.stringify(text)} @${offset}`);
        assert.deepEqual(offsetToLineColumn(text, offset), byCounting(text, offset));
      }
    }
  });
});
