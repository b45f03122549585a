/**
 * A long text is parsed in batches of chunks (parse/chunks.ts); linting it
 * must give exactly what linting a parse of the whole text gives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_RULES, lintText } from '../../server/src/engine';
import { lintModel } from '../../server/src/engine/lint';
import { parseInBatches } from '../../server/src/engine/parse/chunks';
import { parseMarkdown } from '../../server/src/engine/parse/parse';
import { buildModel } from '../../server/src/engine/read/model';
import { playbook } from './markdown-arbitrary';

const opts = { rules: BUILTIN_RULES };

/** The three constructs the chunk scanner reads wrongly on its own (see incremental.test.ts). */
const tricky = [
  'Intro.\n\n    indented code\n\n2. Rep: Hi, just checking in.\n3. Touching base.\n',
  '<div>\n<!--\n\n```\n-->\n\nRep: just checking in.\n```\n',
  '- item\n  ```\n  Rep: just checking in.\n\n<!-- note -->\n  ```\n\nRep: touching base.\n',
  '```\nan open fence runs on\n\nRep: just checking in.\n',
];

test('linting a long text parsed in batches equals linting its whole parse', () => {
  let batched = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(playbook, fc.constantFrom(...tricky)), { minLength: 4, maxLength: 12 }), (parts) => {
      // Definitions (`]:`) and a BOM make the text parse whole; keep them out so the batches are what is tested.
      let text = parts.join('\n\n').replace(/\ufeff/g, '').replace(/\]:/g, '] :');
      while (text.length < 20_000) text += `\n\n# Section ${text.length}\n\n${parts.join('\n\n').replace(/\ufeff/g, '').replace(/\]:/g, '] :')}`;
      const parsed = parseInBatches(text);
      if (parsed.bases) batched++;
      const whole = lintModel(buildModel(text, { parsed: parseMarkdown(text) }), opts);
      assert.deepEqual(lintText(text, opts), whole);
    }),
    { numRuns: 25 },
  );
  assert.ok(batched > 20, `only ${batched} texts were parsed in batches: the test would not notice a wrong batch`);
});

test('short texts, texts with definitions and texts with a BOM are parsed whole', () => {
  const long = 'Rep: just checking in.\n\n'.repeat(2000);
  assert.ok(parseInBatches(long).bases, 'a long plain text is parsed in batches');
  assert.equal(parseInBatches('Rep: hi.\n\nMore.\n').bases, undefined);
  assert.equal(parseInBatches(`${long}[ref]: https://example.com\n`).bases, undefined);
  assert.equal(parseInBatches(`\ufeff${long}`).bases, undefined);
});
