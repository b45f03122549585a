/**
 * Built-in phrase patterns run folded (lower case, one byte per character, no
 * `i` flag) to halve their compiled code. Folding must never change what they
 * find: the last test runs every built-in pattern both ways over every rule
 * example and a string of the characters folding treats specially.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES } from '../../server/src/engine';
import { foldedSource, foldText } from '../../server/src/engine/rules/kinds/folded-matching';
import { boundedByWords } from '../../server/src/engine/rules/kinds/patterns';

describe('folded text', () => {
  it('is lower case, one byte per character and as long as the text', () => {
    const text = 'Hi DANA — quick note… İstanbul ſ K 𝐉𝐮𝐬𝐭 😀 ١٢ \u2028 \u0097 ￼ €5';
    const folded = foldText(text);
    assert.equal(folded.length, text.length);
    assert.ok([...folded].every((c) => c.charCodeAt(0) <= 0xff), 'every character is in Latin-1');
    assert.ok(folded.startsWith('hi dana \x97 quick note\x85 '));
  });

  it('keeps letters, numbers and spaces outside Latin-1 in their classes, and a typed C1 code apart from the stand-ins', () => {
    const folded = foldText('Ł٣\u3000\u0097');
    assert.match(folded[0], /\p{L}/u);
    assert.match(folded[1], /\p{N}/u);
    assert.match(folded[2], /\s/u);
    assert.notEqual(folded[3], '\x97');
  });
});

describe('folded patterns', () => {
  it('lower-case literals and keep escapes, classes and groups', () => {
    assert.equal(foldedSource(String.raw`I'm \S+ (?:From|AT) [A-Z]\B\p{L}’—`), String.raw`i'm \S+ (?:from|at) [a-z]\B\p{L}\x92\x97`);
  });

  it('are refused where lower case cannot stand in for the i flag', () => {
    assert.equal(foldedSource(String.raw`\p{Lu}\w+`), undefined);
    assert.equal(foldedSource('(?<name>x)\\k<name>'), undefined);
    assert.equal(foldedSource('[A-z]'), undefined);
    assert.equal(foldedSource('→'), undefined);
  });

  it('find exactly what every built-in pattern finds case-insensitively', () => {
    const texts = BUILTIN_RULES.flatMap((r) => [...(r.examples?.valid ?? []), ...(r.examples?.invalid ?? [])].map((e) => e.text.replace(/\n/g, ' ')));
    texts.push('JUST Checking In — İ ſ K 😀 ￼ \u0097 Following UP…');
    const foldedTexts = texts.map(foldText);
    let folded = 0;
    for (const rule of BUILTIN_RULES) {
      for (const source of [...(rule.patterns ?? []), ...((rule.options?.hintPatterns as string[] | undefined) ?? [])]) {
        const f = foldedSource(source);
        if (f === undefined) continue;
        folded++;
        const original = new RegExp(boundedByWords(source), 'giu');
        const fast = new RegExp(boundedByWords(f), 'gu');
        texts.forEach((text, i) => {
          const want = [...text.matchAll(original)].map((m) => [m.index, m[0].length]);
          const got = [...foldedTexts[i].matchAll(fast)].map((m) => [m.index, m[0].length]);
          assert.deepEqual(got, want, `${rule.id}: ${source.slice(0, 60)} on "${text.slice(0, 60)}"`);
        });
      }
    }
    assert.ok(folded > 400, `most built-in patterns fold (${folded})`);
  });
});
