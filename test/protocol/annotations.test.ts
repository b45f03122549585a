/** Rule measurements (annotations) → code lenses and hovers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILTIN_RULES, lintText } from '../../server/src/engine';
import { annotationsToCodeLenses } from '../../server/src/lsp/code-lens';
import { hoverAt } from '../../server/src/lsp/hover';

const text = '## Discovery call\n**Rep:** What made you take this call?\n**Prospect:** The dock queues.\n**Rep:** How long are they?\n';

describe('annotations in the editor', () => {
  const doc = TextDocument.create('file:///a.md', 'markdown', 1, text);
  const result = lintText(text, { rules: BUILTIN_RULES });
  it('become plain-text code lenses on the heading', () => {
    const lenses = annotationsToCodeLenses(doc, result.annotations);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [[0, 'Talk ratio: rep 77 % · buyer 23 % of words · rep asks 2 questions, buyer 0', '']]);
  });
  it('explain themselves on hover over the heading, and nowhere else', () => {
    const hover = hoverAt(doc, 3, result.findings, result.annotations);
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /Rep: 10 words in 2 turns \(77 %\), 2 questions/);
    assert.equal(hoverAt(doc, text.indexOf('dock'), result.findings, result.annotations), null);
  });
});
