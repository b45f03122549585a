/**
 * Call-back numbers in the forms reps write and say them; dates, prices and
 * plain figures are not numbers to call.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countPhoneNumbers } from '../../server/src/engine/read/phone-numbers';

describe('phone numbers in a script', () => {
  const cases: Array<[string, number]> = [
    ['Call me at (415) 555-0199, again (415) 555-0199.', 2],
    ['Reach me on +44 20 7946 0958 or 020 7946 0958', 2],
    ['Reach me on +44 (0)20 7946 0958, again +44 (0)20 7946 0958', 2],
    ['my number is 0161 496 0000', 1],
    ['+49 30 123456', 1],
    ['+1 415 555 0199', 1],
    ['07700900123', 1],
    ['at 555-0199 ext. 204', 1],
    ['415.555.0199 x12', 1],
    ['five five five, oh one nine nine', 1],
    ['Call {{rep_phone}} or [your number], or {Rep.Phone}', 3],
  ];
  for (const [text, n] of cases) it(`finds ${n} in “${text}”`, () => assert.equal(countPhoneNumbers(text), n));

  const notNumbers = ['Meeting on 2026-12-05 at 10:30', 'We saved $40,000 and 12.5% between 2019 - 2024', 'invoice 12345678', 'Q3 2025 revenue 1,250,000', 'due 05.12.2026', 'version 1.2.3.4567'];
  for (const text of notNumbers) it(`finds none in “${text}”`, () => assert.equal(countPhoneNumbers(text), 0));
});
