/**
 * Findings look up their unit and turn in the model's segments instead of
 * its flat `units` and `turns` lists (which cost a concatenation of every
 * segment's lists on each keystroke): the lookups must give what a search of
 * the flat lists gives, at every offset.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildModel } from '../../server/src/engine';
import { turnAtModel, unitAtModel } from '../../server/src/engine/lint';
import { turnStart } from '../../server/src/engine/read/explain';
import type { Turn } from '../../server/src/engine/read/model';
import { playbook } from '../robustness/markdown-arbitrary';

const fixed = [
  '',
  '- Rep: ~~gone~~\r\n- just checking in.\r',
  'Rep: hi.\n\n# Call script\n\n- Rep: ~~gone~~\n- hi.\r\n> just checking in.\n',
  'Preamble, no heading.\n',
  '---\ntitle: x\n---\n\nIntro.\n\n# Call script\n\nRep: Hi, just checking in.\nBuyer: Not now.\n\n## Voicemail\n\n| Step | Say |\n|---|---|\n| 1 | Just touching base. |\n\n```\ncode\n```\n',
  '# A\n\n# B\n\n## C\n\nText at the end',
];

/**
 * The last turn, in document order, that starts at or before `at`. A linear scan: the binary search of
 * `turnAt` assumes the flat list is sorted by start, which a label with an empty turn can break.
 */
function lastTurnStartingBy(turns: readonly Turn[], at: number): Turn | undefined {
  let found: Turn | undefined;
  let best = -1;
  for (const t of turns) {
    const start = turnStart(t);
    if (start <= at && start >= best) {
      found = t;
      best = start;
    }
  }
  return found;
}

test('the unit and the turn at every offset equal a search of the flat lists', () => {
  fc.assert(
    fc.property(fc.oneof(playbook, fc.constantFrom(...fixed)), (text) => {
      const model = buildModel(text);
      const units = model.units;
      for (let at = 0; at <= text.length; at++) {
        // The contract: the first unit with start <= at < end, else the first with start <= at <= end.
        const expected = units.find((u) => u.start <= at && at < u.end) ?? units.find((u) => u.start <= at && at <= u.end);
        assert.equal(unitAtModel(model, at), expected, `unit at ${at} of ${JSON.stringify(text)}`);
        assert.equal(turnAtModel(model, at), lastTurnStartingBy(model.turns, at), `turn at ${at} of ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 300 },
  );
});
