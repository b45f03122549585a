/**
 * Phrase patterns run only on turns holding one of their literal anchors, so
 * an anchor that a match can lack would silently drop findings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_RULES } from '../../server/src/engine';
import { AnchorIndex, anchorGroupsOf, anchorText, anchorsOf } from '../../server/src/engine/rules/kinds/phrase-anchors';
import { foldedSource } from '../../server/src/engine/rules/kinds/folded-matching';
import { boundedByWords } from '../../server/src/engine/rules/kinds/patterns';
import { builtinAnchorGroups } from '../../server/src/engine/rules/kinds/builtin-anchors';
import { PHRASE_ANCHOR_GROUPS } from '../../server/src/engine/rules/builtin-rules.generated';

test('anchors are the literal text every match contains', () => {
  assert.deepEqual(anchorsOf('touch(?:ing)? base')?.sort(), ['touch base', 'touching base']);
  assert.deepEqual(anchorsOf('(?:just )?checking in(?! on)')?.sort(), ['checking in', 'just checking in']);
  assert.deepEqual(anchorsOf('act (?:now|fast)')?.sort(), ['act fast', 'act now']);
  assert.deepEqual(anchorsOf('I[’\']m sorry')?.sort(), ["i'm sorry", 'i’m sorry']);
  assert.deepEqual(anchorsOf('\\w+ly'), ['ly']);
  // Nothing certain: no anchors, the pattern runs everywhere.
  assert.equal(anchorsOf('(a|\\d+)'), undefined);
  assert.equal(anchorsOf('(?:foo)?'), undefined);
  assert.equal(anchorsOf('(\\w)\\1'), undefined);
  assert.equal(anchorsOf('\\x41bc'), undefined);
  // A case-sensitive letter beyond ASCII is no anchor (its case variants need more than lower-casing).
  assert.deepEqual(anchorsOf('Ölbrand sales'), ['lbrand sales']);
});

test('the index finds every anchor in a text, overlapping ones too', () => {
  const index = new AnchorIndex();
  const ids = ['check', 'checking in', 'king', 'in', 'still'].map((a) => index.id(a));
  const found = index.found(anchorText('Just CHECKING IN'));
  assert.deepEqual(ids.map((id) => found[id]), [1, 1, 1, 1, 0]);
  assert.deepEqual([...index.found(anchorText('nothing here'))].slice(0, 3), [0, 0, 0]);
  // The long s and the Kelvin sign match s and k case-insensitively.
  assert.equal(index.found(anchorText('\u017ftill'))[ids[4]], 1);
  assert.equal(index.found(anchorText('\u212Aing'))[ids[2]], 1);
});

test('the index finds exactly the anchors a text contains, whatever the anchors share and however many there are', () => {
  // A small alphabet makes anchors share prefixes (nodes with several children); the non-ASCII letters go through the root's map.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'n', ' ', '’', 'é', '\u4e00'), minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 400 }), fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'n', ' ', '’', 'é', '\u4e00', 'x'), maxLength: 60 }), { maxLength: 5 }), (anchors, texts) => {
      const index = new AnchorIndex();
      const ids = anchors.map((a) => index.id(a));
      for (const text of texts) {
        const found = index.found(text);
        anchors.forEach((a, k) => assert.equal(found[ids[k]], text.includes(a) ? 1 : 0, `${JSON.stringify(a)} in ${JSON.stringify(text)}`));
      }
    }),
    { numRuns: 200 },
  );
  // Past the initial capacity of the flat trie: anchors added after a search are found by the next one.
  const index = new AnchorIndex();
  const many = Array.from({ length: 3000 }, (_, k) => `w${k.toString(36)}x`);
  const first = index.id(many[0]);
  assert.equal(index.found('aw0x')[first], 1);
  const ids = many.map((a) => index.id(a));
  const found = index.found(many.join(' '));
  assert.ok(ids.every((id) => found[id] === 1));
  assert.equal(index.found('w0 x')[first], 0);
});

test('anchor groups: every piece a match goes through, positive lookarounds included, optional pieces and negative lookarounds not', () => {
  const sorted = (gs: string[][] | undefined) => gs?.map((g) => [...g].sort()).sort((x, y) => x.join().localeCompare(y.join()));
  assert.deepEqual(sorted(anchorGroupsOf('(?:have|has) (?:you|they) \\w+ decided')), sorted([['have you ', 'have they ', 'has you ', 'has they '], [' decided']]));
  assert.deepEqual(sorted(anchorGroupsOf('any \\w+ on (?:the|your) proposal')), sorted([['any '], [' on the proposal', ' on your proposal']]));
  assert.deepEqual(sorted(anchorGroupsOf('following up(?= on (?:the|my) (?:note|email))')), sorted([['following up'], [' on the note', ' on the email', ' on my note', ' on my email']]));
  assert.deepEqual(sorted(anchorGroupsOf('checking in(?! on)(?: again)?\\s+(?:today)?')), [['checking in', 'checking in again']]);
  assert.deepEqual(sorted(anchorGroupsOf('(?:just \\w+|ping) here')), sorted([[' here'], ['just ', 'ping']]));
  assert.equal(anchorGroupsOf('(?:foo)?'), undefined);
  // A branch that is only a class or an escape matches unknown text, not the empty string.
  assert.deepEqual(anchorsOf('only (?:[0-9]+|one) spots'), [' spots']);
  assert.deepEqual(anchorsOf('last (?:week|\\p{L}+day)'), ['last ']);
});

const builtIn = BUILTIN_RULES.filter((r) => r.kind === 'phrase').flatMap((r) => [...(r.patterns ?? []), ...((r.options?.hintPatterns as string[] | undefined) ?? [])].map((source) => ({ id: r.id, source })));

test('the anchor groups generated at build time are the ones anchorGroupsOf computes now', () => {
  const phraseRules = BUILTIN_RULES.filter((r) => r.kind === 'phrase');
  assert.deepEqual(Object.keys(PHRASE_ANCHOR_GROUPS).sort(), phraseRules.map((r) => r.id).sort());
  for (const r of phraseRules) {
    const sources = [...r.patterns!, ...((r.options?.hintPatterns as string[] | undefined) ?? [])];
    const computed = sources.map((p) => anchorGroupsOf(p));
    assert.deepEqual(PHRASE_ANCHOR_GROUPS[r.id].map((g) => g ?? undefined), computed, `${r.id}: run \`npm run build\` (scripts/generate-rules.mjs) after changing phrase-anchors.ts`);
    assert.deepEqual(builtinAnchorGroups(r, sources), computed, r.id);
  }
});

test('a built-in rule whose patterns are not the generated ones gets its anchor groups computed', () => {
  const rule = BUILTIN_RULES.find((r) => r.kind === 'phrase' && !r.options?.hintPatterns)!;
  const patterns = ['touch(?:ing)? base', ...rule.patterns!.slice(1)];
  assert.deepEqual(builtinAnchorGroups({ ...rule, patterns }, patterns), patterns.map((p) => anchorGroupsOf(p)));
});

test('every built-in phrase pattern has anchors', () => {
  assert.ok(builtIn.length > 50);
  for (const { id, source } of builtIn) assert.ok(anchorsOf(source), `${id}: ${source}`);
});

test('every match of a built-in pattern contains one of its anchors (rule examples and mutated case)', () => {
  const texts: string[] = [];
  for (const r of BUILTIN_RULES) for (const ex of [...(r.examples?.valid ?? []), ...(r.examples?.invalid ?? [])]) texts.push(typeof ex === 'string' ? ex : (ex as { text: string }).text);
  let matched = 0;
  fc.assert(
    fc.property(fc.constantFrom(...texts), fc.boolean(), (raw, upper) => {
      const text = (upper ? raw.toUpperCase() : raw).replace(/\n/g, ' ');
      const lower = anchorText(text);
      for (const { id, source } of builtIn) {
        const re = new RegExp(boundedByWords(source), 'iu');
        if (!re.test(text)) continue;
        matched++;
        assert.ok(anchorsOf(source)!.some((a) => lower.includes(a)), `${id} matched "${text}" without an anchor`);
        for (const group of anchorGroupsOf(source)!) assert.ok(group.some((a) => lower.includes(a)), `${id} matched "${text}" without one of ${JSON.stringify(group)}`);
      }
    }),
    { numRuns: 400 },
  );
  assert.ok(matched > 100, `only ${matched} matches were checked`);
});

test('a built-in phrase rule with anchors makes its patterns on first use, a team rule at once', async () => {
  const { phraseKind } = await import('../../server/src/engine/rules/kinds/phrase');
  const builtin = BUILTIN_RULES.find((r) => r.kind === 'phrase' && Array.isArray(r.options?.hintPatterns))!;
  const compiled = phraseKind.compile(builtin);
  assert.ok(compiled.anchors);
  assert.ok(compiled.patterns.every((p) => p === undefined));
  assert.equal(compiled.hintsFrom, builtin.patterns!.length);
  assert.equal((compiled.makePattern(0) as RegExp).source, boundedByWords(foldedSource(builtin.patterns![0])!));
  const team = phraseKind.compile({ ...builtin, id: 'team/x', origin: 'team.json', patterns: ['touch base'], options: {} });
  assert.equal(team.patterns.length, 1);
  assert.ok(team.patterns[0]);
});
