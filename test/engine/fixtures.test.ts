/**
 * Fixture folders under test/fixtures/<name>/: `input.md`, optional
 * `.playbooklintrc.json`, `expected.txt` (one finding per line,
 * `line:col-line:col severity rule-id [message]`, all rules) and optional
 * `fixed.md` (the text after every safe fix).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, fixText } from '../../server/src/engine';
import { checkInvariants, configFrom, formatFinding, lint } from '../helpers/findings';

const root = join(__dirname, '..', 'fixtures');

describe('fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'input.md'))) continue;
    it(name, () => {
      const input = readFileSync(join(dir, 'input.md'), 'utf8');
      const rc = join(dir, '.playbooklintrc.json');
      const config = configFrom(existsSync(rc) ? JSON.parse(readFileSync(rc, 'utf8')) : undefined);
      const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      const found = lint(input, config).findings;
      const actual = found.map((f, i) => formatFinding(input, f, (expected[i] ?? '').split(' ').length > 3));
      assert.deepEqual(actual, expected);
      if (existsSync(join(dir, 'fixed.md'))) assert.equal(fixText(input, { rules: BUILTIN_RULES, config }).text, readFileSync(join(dir, 'fixed.md'), 'utf8'));
      checkInvariants(input, config);
    });
  }
});
