/**
 * Rules are checked data: every built-in rule file passes
 * schemas/rule.schema.json, and a misspelt key, fix action or option type is
 * refused with the file and the line it is on (the build runs the same check).
 * User options are typed by the rule file's default.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, type RuleDefinition } from '../../server/src/engine';
import { compileRuleSet } from '../../server/src/engine/rules/rule-set';
// @ts-expect-error: a plain .mjs build script without type declarations
import { checkRuleText } from '../../scripts/check-rule-file.mjs';
import { configFrom, lint } from '../helpers/findings';

const check = checkRuleText as (text: string, file: string) => { rule: unknown; problems: string[] };
const schema = JSON.parse(readFileSync('schemas/rule.schema.json', 'utf8'));
const RULE_FILE = 'server/rules/no-empty-check-in.yaml';
const original = readFileSync(RULE_FILE, 'utf8');

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture holds ${needle}`);
  return text.slice(0, at).split('\n').length;
}

describe('rule schema', () => {
  it('every built-in rule file passes', () => {
    const files = readdirSync('server/rules').filter((f) => f.endsWith('.yaml') && !f.startsWith('_'));
    assert.equal(files.length, BUILTIN_RULES.length);
    for (const f of files) assert.deepEqual(check(readFileSync(`server/rules/${f}`, 'utf8'), `server/rules/${f}`).problems, [], f);
  });

  it('names every key of RuleDefinition, and no other', () => {
    // Exhaustive at compile time: adding a key to RuleDefinition without listing it here fails the typecheck.
    const keys: Record<keyof RuleDefinition, true> = { id: true, kind: true, severity: true, description: true, message: true, rationale: true, sources: true, scope: true, severityOverrides: true, patterns: true, unless: true, fixes: true, options: true, examples: true, tags: true, origin: true };
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(keys).sort());
    assert.equal(schema.additionalProperties, false);
  });

  it('a misspelt top-level key fails with the file and its line', () => {
    const text = original.replace(/^patterns:/m, 'paterns:');
    const problems = check(text, RULE_FILE).problems;
    assert.ok(problems.includes(`${RULE_FILE}:${lineOf(text, 'paterns:')}:1 unknown key "paterns"; use one of id, kind, severity, description, message, rationale, sources, scope, severityOverrides, patterns, unless, fixes, options, examples, tags, origin.`), problems.join('\n'));
  });

  it('a misspelt fix action fails with the file and its line', () => {
    const text = original.replace('action: replace-sentence', 'action: replace-sentense');
    const line = lineOf(text, 'replace-sentense');
    const col = text.split('\n')[line - 1].indexOf('replace-sentense') + 1;
    const problems = check(text, RULE_FILE).problems;
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], new RegExp(`^${RULE_FILE}:${line}:${col} fixes/\\d+/action: "replace-sentense" is not one of delete-leading-clause, delete-match, replace-match, replace-sentence, insert-after\\.$`));
  });

  it('reports every mistake at once, each at its own line', () => {
    const text = original.replace(/^tags:/m, 'tag:').replace(/^severity: \w+/m, 'severity: loud');
    const problems = check(text, RULE_FILE).problems;
    assert.deepEqual(
      problems.map((p) => p.split(' ')[0]),
      [`${RULE_FILE}:${lineOf(text, 'severity: loud')}:11`, `${RULE_FILE}:${lineOf(text, 'tag:')}:1`].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1])),
    );
  });

  it('a misspelt key inside a source or a fix is reported at that key', () => {
    const text = original.replace(/^(\s+(?:- )?)title:/m, '$1titel:');
    const problems = check(text, RULE_FILE).problems;
    const line = lineOf(text, 'titel:');
    assert.ok(problems.some((p) => p.startsWith(`${RULE_FILE}:${line}:`) && p.includes('unknown key "titel"')), problems.join('\n'));
  });

  it('a rule whose id does not match its file name is refused at the id line', () => {
    const problems = check(original, 'server/rules/other-name.yaml').problems;
    assert.deepEqual(problems.map((p) => p.split(' ')[0]), [`server/rules/other-name.yaml:${lineOf(original, 'id:')}:5`]);
  });
});

describe('typed rule options', () => {
  const text = '## Voicemail\n> Hi {{first_name}}, it is {{rep_name}} at Acme. I saw {{company}} opened a new warehouse in Reno and wanted to share the short checklist peers use in their first ninety days, along with the two numbers they watch each week the one report their night shift reads first, and the short list of questions their leads ask at the end of every shift. It takes two minutes to read. Call me at {{rep_phone}}, again {{rep_phone}}.\n';

  it('an option of the wrong type is a config error and the default from the rule file is used', () => {
    const config = configFrom({ rules: { 'voicemail-length': { options: { infoSeconds: 'twenty' } } } });
    const set = compileRuleSet(BUILTIN_RULES, config);
    assert.deepEqual(
      set.errors.map((e) => [e.key, e.message]),
      [['rules/voicemail-length/options/infoSeconds', 'rules/voicemail-length/options/infoSeconds: expected a number, got "twenty"; the default 30 is used.']],
    );
    const withDefault = lint(text).findings.filter((f) => f.ruleId === 'voicemail-length');
    assert.deepEqual(lint(text, config).findings.filter((f) => f.ruleId === 'voicemail-length'), withDefault);
    assert.equal(withDefault.length, 1);
  });

  it('an option of the right type replaces the default', () => {
    const config = configFrom({ rules: { 'voicemail-length': { options: { infoSeconds: 60, warnSeconds: 90 } } } });
    assert.deepEqual(compileRuleSet(BUILTIN_RULES, config).errors, []);
    assert.deepEqual(lint(text, config).findings.filter((f) => f.ruleId === 'voicemail-length'), []);
  });

  it('the speaking rate a finding was measured at travels with it', () => {
    const config = configFrom({ rules: { 'voicemail-length': { options: { wordsPerMinute: 120 } } } });
    const [f] = lint(text, config).findings.filter((x) => x.ruleId === 'voicemail-length');
    assert.equal(f.metrics?.wpm, 120);
    assert.match(f.message, /at 120 words a minute/);
  });
});

describe('the speaking rate', () => {
  it('every rule that measures speech defaults to the reading layer’s rate', async () => {
    const { DEFAULT_WPM } = await import('../../server/src/engine/read/spoken');
    const rates = BUILTIN_RULES.filter((r) => r.options && 'wordsPerMinute' in r.options).map((r) => [r.id, r.options!.wordsPerMinute]);
    assert.deepEqual(rates, [['rep-monologue-length', DEFAULT_WPM], ['voicemail-length', DEFAULT_WPM]]);
  });
});
