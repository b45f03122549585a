/**
 * The sentence model reads a sentence no pattern matched as a whole, for the
 * rules that set `options.sentenceModel`. Its findings are information at
 * most, never repeat a phrase finding on the same line, never hide one, and
 * follow the same use-versus-mention and opening rules as a phrase match.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, baseConfig, lintText, type EffectiveConfig, type Finding } from '../../server/src/engine';
import { sentenceFeatures, stem } from '../../server/src/engine/rules/sentence-model/features';
import { hasSentenceModel } from '../../server/src/engine/rules/sentence-model/model';

const ROOT = join(__dirname, '..', '..');

function email(body: string): string {
  return `## Follow-up email\n\nHi Dana,\n\nThanks for the tour of the Leeds depot on Tuesday; the photos of the racking are attached.\n\n${body}\n\nBest,\nSam\n`;
}

function findingsOn(text: string, sentence: string, config: EffectiveConfig = baseConfig(BUILTIN_RULES, 'recommended')): Finding[] {
  const at = text.indexOf(sentence);
  assert.ok(at >= 0, 'the sentence is in the text');
  return lintText(text, { rules: BUILTIN_RULES, config }).findings.filter((f) => f.start >= at && f.start < at + sentence.length);
}

// Sentences written for this test in wording no rule pattern lists.
const PLEASANTRY = 'Hope the half-term treated you kindly and the team came back rested!';
const REPROACH = 'Not sure whether my note from Monday slipped into your junk folder, so here it is again.';
const BLUNT = 'Have you got budget put aside for new racking this year?';

describe('sentence features', () => {
  it('spells out contractions, strips suffixes and stands in one token for placeholders, numbers and days', () => {
    const f = sentenceFeatures("Haven't heard back from {{first_name}} since Friday 3rd — chasing again!");
    for (const x of ['have_not', 'heard', 'back', '<ph>', '<day>', '<num>', 'chas', '!']) assert.ok(f.includes(x), `${x} in ${f.join(' ')}`);
    assert.equal(stem('apologies'), stem('apology'));
    assert.equal(stem('chasing'), stem('chased'));
  });

  it('keeps grammar words only in pairs: a conditional question alone is no evidence', () => {
    const f = sentenceFeatures('If we could, would you?');
    assert.ok(!f.includes('if') && !f.includes('would') && !f.includes('?'));
    assert.ok(f.includes('if_we') && f.includes('you_?'));
  });
});

describe('sentence model findings', () => {
  it('flags a move in wording no pattern lists, as information, with the sentence as the place', () => {
    for (const [sentence, rule] of [
      [PLEASANTRY, 'no-hope-finds-you-well'],
      [REPROACH, 'no-passive-aggressive-reminder'],
      [BLUNT, 'no-blunt-qualifying-question'],
    ] as const) {
      const text = email(sentence);
      const found = findingsOn(text, sentence).filter((f) => f.ruleId === rule);
      assert.equal(found.length, 1, `${rule} on “${sentence}”`);
      const [f] = found;
      assert.equal(f.basis, 'sentence');
      assert.equal(f.severity, 'info');
      assert.equal(text.slice(f.start, f.end), sentence);
      assert.match(f.message, /^This sentence /);
      assert.match(f.reading ?? '', /not from a listed phrase/);
      assert.ok(f.fixes.some((x) => x.kind === 'suppress'), 'it can be disabled for the line');
    }
  });

  it('stays information when the rule is set to error', () => {
    const config = baseConfig(BUILTIN_RULES, 'recommended');
    config.rules['no-passive-aggressive-reminder'] = { ...config.rules['no-passive-aggressive-reminder'], severity: 'error' };
    const [f] = findingsOn(email(REPROACH), REPROACH, config).filter((x) => x.basis === 'sentence');
    assert.equal(f?.severity, 'info');
  });

  it('is off when the rule sets sentenceModel to false', () => {
    const config = baseConfig(BUILTIN_RULES, 'recommended');
    const rule = config.rules['no-passive-aggressive-reminder'];
    config.rules['no-passive-aggressive-reminder'] = { ...rule, options: { ...rule.options, sentenceModel: false } };
    assert.deepEqual(findingsOn(email(REPROACH), REPROACH, config).filter((x) => x.basis === 'sentence'), []);
  });

  it('says nothing on a line a phrase already flags', () => {
    const line = `I'm just checking in. ${REPROACH}`;
    const found = findingsOn(email(line), line);
    assert.deepEqual(found.filter((f) => f.basis === 'sentence'), []);
    assert.ok(found.some((f) => f.ruleId === 'no-empty-check-in' && f.basis === undefined));
  });

  it('never hides a phrase finding inside its sentence', () => {
    const sentence = REPROACH.replace('again.', 'again with our industry-leading synergy.');
    const found = findingsOn(email(sentence), sentence);
    assert.deepEqual(found.filter((f) => f.basis === 'sentence'), []);
    assert.ok(found.some((f) => f.ruleId === 'buzzword-jargon'));
  });

  it('reads quoted examples in coaching as mentions, not as the rep’s words', () => {
    const text = `## Follow-up email\n\nHi Dana,\n\nThe quote for the racking is attached.\n\nSam\n\n## Coaching notes\n\nNever open with “${PLEASANTRY}” — it spends the first line on small talk.\n`;
    assert.deepEqual(findingsOn(text, PLEASANTRY).filter((f) => f.basis === 'sentence'), []);
  });

  it('runs only for built-in rules that set sentenceModel, each with weights', () => {
    const modelled = BUILTIN_RULES.filter((r) => r.options?.sentenceModel === true);
    assert.ok(modelled.length >= 5);
    for (const r of modelled) assert.ok(hasSentenceModel(r.id), `${r.id} has weights: run npm run fit`);
    for (const r of BUILTIN_RULES) if (r.options?.sentenceModel !== true) assert.ok(!hasSentenceModel(r.id), `${r.id} has weights but no sentenceModel option`);
  });

  it('has weights fitted on the current labels and reading (npm run fit -- --check)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fit-sentence-model.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.match(out, /up to date/);
  });
});
