/**
 * Phrase families: the build-time expansion of {forms:…}, {plural:…}, {filler}
 * and vocabulary sets (scripts/rule-families.mjs, compromise), and the same
 * tokens in team rules, expanded at config load from the generated table.
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, lintText, resolveConfig, type ConfigHost } from '../../server/src/engine';
import { PHRASE_TOKENS } from '../../server/src/engine/rules/builtin-rules.generated';
import { expandTokens } from '../../server/src/engine/rules/kinds/families';
// @ts-expect-error plain ES module without types
import { expandPattern, nounForms, verbForms } from '../../scripts/rule-families.mjs';

const memoryHost = (files: Record<string, string>): ConfigHost => ({ readFile: (p) => files[p], dirname: posix.dirname, join: posix.join, relative: posix.relative });

const vocab = { fillers: ['just', 'quickly'], sets: { 'i-am': ["I'm", 'I am'], loop: ['{loop}'] } };
const matches = (source: string, text: string) => new RegExp(`^(?:${source})$`, 'iu').test(text);

describe('phrase families at build time', () => {
  it('inflects verbs, phrasal verbs and nouns, with British and American spellings', () => {
    assert.deepEqual(new Set(verbForms('chase')), new Set(['chase', 'chases', 'chased', 'chasing']));
    assert.deepEqual(new Set(verbForms('follow up')), new Set(['follow up', 'follows up', 'followed up', 'following up']));
    for (const f of ['apologise', 'apologize', 'apologised', 'apologized', 'apologising', 'apologizing']) assert.ok(verbForms('apologise').includes(f), f);
    for (const f of ['pinged', 'bugging', 'nudged', 'pestering']) assert.ok([...verbForms('ping'), ...verbForms('bug'), ...verbForms('nudge'), ...verbForms('pester')].includes(f), f);
    for (const f of ['travelled', 'traveled', 'travelling', 'traveling']) assert.ok(verbForms('travel').includes(f), f);
    assert.ok(!verbForms('advertise').includes('advertize'), 'no -ize for advertise');
    assert.deepEqual(new Set(nounForms('apology')), new Set(['apology', 'apologies']));
    assert.ok(nounForms('colour').includes('colors'));
  });

  it('expands fillers and sets into plain regular expressions', () => {
    const re = expandPattern('{i-am} {filler}{forms:chase} you', vocab);
    assert.ok(!/\{[a-z]/.test(re), re);
    for (const t of ["I'm chasing you", 'I am just quickly chasing you', 'I am chased you']) assert.ok(matches(re, t), t);
    assert.ok(!matches(re, 'I am really chasing you'), 'only the listed fillers');
    assert.ok(!matches(re, 'I am just just just just chasing you'), 'at most three fillers');
    assert.ok(matches(expandPattern('a\\{b\\}', vocab), 'a{b}'), 'an escaped brace is a literal');
  });

  it('refuses unknown tokens and sets that refer to themselves', () => {
    assert.throws(() => expandPattern('{nope}', vocab), /unknown token \{nope\}/);
    assert.throws(() => expandPattern('{loop}', vocab), /refers to itself/);
    assert.throws(() => expandPattern('{filler:x}', vocab), /unknown token \{filler:x\}/);
  });

  it('leaves no token in the built-in rules', () => {
    for (const rule of BUILTIN_RULES) for (const p of [...(rule.patterns ?? []), ...(rule.unless ?? [])]) assert.ok(!/(?<!\\)\{[a-z]/.test(p), `${rule.id}: ${p.slice(0, 60)}`);
  });
});

describe('phrase families in team rules', () => {
  const config = (pattern: string) =>
    ['customRules:', '  - id: team/chasing', '    message: "{match} chases the buyer."', `    patterns: [${JSON.stringify(pattern)}]`, ''].join('\n');

  it('expands the tokens the built-in rules know', () => {
    assert.ok(PHRASE_TOKENS['forms:chase'] && PHRASE_TOKENS.filler && PHRASE_TOKENS['i-am']);
    const r = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.yaml': config('{i-am} {filler}{forms:chase} you') }), BUILTIN_RULES);
    assert.deepEqual(r.errors, []);
    const text = "## Follow-up email\nI'm just chasing you about the pallets. We chased the carrier.\n";
    const found = lintText(text, { rules: BUILTIN_RULES, config: r.effective }).findings.filter((f) => f.ruleId === 'team/chasing');
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ["I'm just chasing you"]);
  });

  it('reports an unknown token at its pattern, with what to write instead', () => {
    const r = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.yaml': config('{forms:frobnicate} you') }), BUILTIN_RULES);
    const e = r.errors.find((x) => x.key === 'customRules/0/patterns/0');
    assert.ok(e, JSON.stringify(r.errors));
    assert.match(e.message, /\{forms:frobnicate\} is not a known word family/);
    assert.throws(() => expandTokens('{nope}', 'patterns/1'), /^Error: patterns\/1: \{nope\} is not a known word family/);
  });
});
