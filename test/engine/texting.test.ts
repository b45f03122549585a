/**
 * Texting spellings are read as the words they stand for, and findings in them land where the rep wrote them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spellOut } from '../../server/src/engine/read/texting';
import { lintText, BUILTIN_RULES } from '../../server/src/engine';

describe('texting spellings', () => {
  it('writes out the spellings with one reading and maps every character back', () => {
    const text = 'hey Sam just checkin in!! did u get a chance? lmk';
    const s = spellOut(text)!;
    assert.equal(s.text, 'hey Sam just checking in!! did you get a chance? let me know');
    const at = s.text.indexOf('did you get');
    const end = at + 'did you get'.length;
    assert.equal(text.slice(s.from[at], s.to[end - 1]), 'did u get');
  });
  it('leaves words that are also spellings, abbreviations and plain text alone', () => {
    assert.equal(spellOut('Its roof faces west, and were on site at 9 in the U.S. office at R&D.'), undefined);
    assert.equal(spellOut('Plain text with nothing to spell out.'), undefined);
  });
  it('reads words that are names of object properties as plain words', () => {
    const doc = '## Follow-up email\n\nHi Dana, the constructor sent the toString export and the valueOf report. Did u get a chance to read it?\n';
    assert.doesNotThrow(() => lintText(doc, { rules: BUILTIN_RULES }));
    assert.ok(!lintText(doc, { rules: BUILTIN_RULES }).findings.some((f) => f.ruleId === 'internal-error'));
  });
  it('keeps a capital at the start of a sentence', () => {
    assert.equal(spellOut('Dont miss it')!.text, "Don't miss it");
  });
  it('a phrase rule finds the move in texting spellings and reports the words as written', () => {
    const doc = '## Text 2 — Day 1\n\nhey {{first_name}} did u get a chance to look at the numbers yet?? lmk\n';
    const f = lintText(doc, { rules: BUILTIN_RULES }).findings.find((x) => x.ruleId === 'no-empty-check-in');
    assert.ok(f, 'the check-in is found');
    assert.equal(doc.slice(f!.start, f!.end), 'did u get a chance to look');
  });
});
