/**
 * The incremental linter must equal a fresh full lint after every edit of a
 * random edit sequence (bounded by run counts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_RULES, lintText } from '../../server/src/engine';
import { DocumentLinter, chunkStarts } from '../../server/src/engine/incremental';
import { applyEdit, edit, playbook } from './markdown-arbitrary';

const opts = { rules: BUILTIN_RULES };

test('DocumentLinter equals lintText on random playbooks under random edit sequences', () => {
  fc.assert(
    fc.property(playbook, fc.array(edit, { minLength: 1, maxLength: 12 }), (initial, edits) => {
      const linter = new DocumentLinter(opts);
      let text = initial;
      assert.deepEqual(linter.lint(text), lintText(text, opts));
      for (const e of edits) {
        text = applyEdit(text, e).text;
        assert.deepEqual(linter.lint(text), lintText(text, opts), `after edit ${JSON.stringify(e)}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('chunks never start inside a fence, front matter or an HTML comment', () => {
  const text = '---\ntitle: x\n\nmore: y\n---\n\n# A\n\n```\ncode\n\nstill code\n```\n\n<!--\n\ncomment\n-->\n\npara\n\n  indented\n\nlast\n';
  const starts = chunkStarts(text).map((s) => text.slice(s, text.indexOf('\n', s)));
  assert.deepEqual(starts, ['---', '# A', '```', '<!--', 'para', 'last']);
});
