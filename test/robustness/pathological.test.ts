/**
 * Pathological inputs: each must be handled without a crash or a hang (a hang
 * shows as this file never finishing; sizes are fixed, no timers).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUILTIN_RULES, INTERNAL_ERROR_RULE, compileRuleSet, fixText, lintText, baseConfig, type LintResult } from '../../server/src/engine';
import { MAX_NESTING } from '../../server/src/engine/lint';
import { teamPatternBudget } from '../../server/src/engine/rules/kinds/phrase';
import { runMain } from '../cli/run-main';

const opts = { rules: BUILTIN_RULES };

function inside(text: string, r: LintResult): void {
  for (const f of r.findings) assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.ruleId} range outside text`);
}

test('10,000-deep nested quotes are reported as not linted, not a stack overflow', () => {
  const text = `${'>'.repeat(10_000)} just checking in\n`;
  const r = lintText(text, opts);
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].ruleId, INTERNAL_ERROR_RULE);
  assert.match(r.findings[0].message, /nests lists or quotes/);
});

test('10,000-deep nested lists (markers on one line and one level per line) are reported, not crashed on', () => {
  for (const text of ['- '.repeat(10_000) + 'x', Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- just checking in`).join('\n')]) {
    const r = lintText(text, opts);
    assert.equal(r.findings[0]?.ruleId, INTERNAL_ERROR_RULE);
  }
});

test(`nesting just under the limit (${MAX_NESTING} levels) is still linted`, () => {
  const quotes = `${'>'.repeat(MAX_NESTING)} Just checking in on the proposal.\n`;
  const r = lintText(quotes, opts);
  assert.ok(!r.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE));
  const list = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  assert.ok(!lintText(list, opts).findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE));
});

test('a 1 MB single line is linted', () => {
  const text = 'Rep: Hi {{first_name}}, just checking in about the renewal. '.repeat(17_000).slice(0, 1_000_000);
  const r = lintText(text, opts);
  inside(text, r);
  assert.ok(!r.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE));
});

test('NUL bytes, lone surrogates and U+FFFD are linted with ranges inside the text', () => {
  const text = '# Call script\n\nRep: just\u0000 checking in \ud800 about \udc00 the \ufffd renewal.\n\n\u0000\u0000\n\nRep: touching base \ud83d\n';
  const r = lintText(text, opts);
  inside(text, r);
  const fixed = fixText(text, opts).text;
  assert.equal(fixText(fixed, opts).text, fixed);
});

test('CRLF, lone CR and LF mixed in one file', () => {
  const text = '# Voicemail\r\rRep: Hi, just checking in.\r\nCall me at 555-123-4567.\n\r\n## Email\r\n\r\nSubject: Re: checking in\r> sorry to bother you\r\n';
  const r = lintText(text, opts);
  inside(text, r);
  const fixed = fixText(text, opts).text;
  assert.equal(fixText(fixed, opts).text, fixed);
});

test('a 10 MB file is refused by the CLI with a message, and the other files are still linted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pbl-huge-'));
  try {
    const chunk = '# Call script\n\nRep: Hi, just checking in to see if you had a chance.\n\n';
    writeFileSync(join(dir, 'huge.md'), chunk.repeat(Math.ceil(10_000_000 / chunk.length)));
    writeFileSync(join(dir, 'small.md'), '# Call script\n\nRep: just checking in.\n');
    const r = await runMain(['--format', 'json', '.'], dir);
    const out = r.stdout + r.stderr;
    assert.match(out, /huge\.md/);
    assert.match(out, /small\.md/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 1 MB playbook of ordinary sections is linted by the engine', () => {
  const section = '## Cold call opener\n\nRep: Hi {{first_name}}, I noticed {{trigger}}. Just checking in: is this a priority?\n\nProspect: Maybe.\n\n';
  const text = section.repeat(Math.ceil(1_000_000 / section.length));
  const r = lintText(text, opts);
  inside(text, r);
  assert.ok(r.findings.length > 1000);
});

// Each of these backtracks for seconds to minutes in JavaScript on a line like the ones below; the first five
// slipped past the static check that guarded team patterns before they ran on RE2 (issue 17).
const HOSTILE = ['(?:[a-z ]{1,9}){1,9}q', '(a{1,9}){1,9}c', '(?:[a-z ]?){20}[a-z ]{20}x', '[^.]{0,60}[^.]{0,60}[^.]{0,60}x', '(?:\\w+\\s*)+:', '(a+)+$', '(\\w*)*x', '(x+x+)+y', '(?:a|aa)+b', '(a|a)*$', '(\\w|\\d)+x', '(.*a){20}', '\\s*\\s*\\s*$', '.*.*.*x'];

test('team patterns that backtrack catastrophically in JavaScript run in linear time on a 220 KB page', () => {
  const config = baseConfig(BUILTIN_RULES, 'recommended');
  const page = `# Handbook\n\n${'Rep: lorem ipsum dolor sit amet aaaaaaaaaaaaaaaaaaaaaaaa consectetur adipiscing elit sed do eiusmod tempor 1111 xxxxxxxx\n\n'.repeat(1_900)}`;
  const customRules = HOSTILE.map((pattern, i) => ({ id: `team/evil-${i}`, kind: 'phrase', message: 'm', severity: 'warning', patterns: ['synergy', pattern], scope: { contexts: ['document'] } }) as never);
  const custom = { ...config, customRules };
  assert.deepEqual(compileRuleSet(BUILTIN_RULES, custom).errors, []);
  const r = lintText(page, { rules: BUILTIN_RULES, config: custom });
  inside(page, r);
  assert.ok(!r.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE));
});

test('a team rule that uses up the matching allowance stops with one finding; the others still report', () => {
  const config = baseConfig(BUILTIN_RULES, 'recommended');
  const rule = (id: string, pattern: string) => ({ id, kind: 'phrase', message: '{match}', severity: 'warning', patterns: [pattern], scope: { contexts: ['document'] } }) as never;
  const text = 'Rep: just checking in about the synergy.\n';
  const saved = teamPatternBudget.ms;
  teamPatternBudget.ms = 0;
  try {
    const r = lintText(text, { rules: BUILTIN_RULES, config: { ...config, customRules: [rule('team/a', 'synergy'), rule('team/b', 'renewal')] } });
    const stopped = r.findings.filter((f) => f.ruleId.startsWith('team/'));
    assert.deepEqual(stopped.map((f) => [f.ruleId, f.start]), [['team/a', 0], ['team/b', 0]]);
    assert.match(stopped[0].message, /^The team rule team\/a stopped on this file after 0 seconds of matching, so some of its findings may be missing; split the file or simplify the team patterns\.$/);
    assert.ok(r.findings.some((f) => f.ruleId === 'no-empty-check-in'));
  } finally {
    teamPatternBudget.ms = saved;
  }
});

// Matched on the whole line, each of these patterns takes 30 s or more on it (quadratic: retried from every word).
test('team patterns that pass the static check still cannot stall on a 1 MB line', { timeout: 120_000 }, () => {
  const config = baseConfig(BUILTIN_RULES, 'recommended');
  const rule = (id: string, pattern: string) => ({ id, kind: 'phrase', message: '{match}', severity: 'warning', patterns: [pattern], scope: { contexts: ['document'] } }) as never;
  const custom = { ...config, customRules: [rule('team/repeat', '(?:just|just )+checking'), rule('team/trial', 'free.*trial'), rule('team/question', '[^.!?]*\\?')] };
  assert.deepEqual(compileRuleSet(BUILTIN_RULES, custom).errors, []);
  const text = `Rep: ${'just '.repeat(70_000)}. Start your free trial today. ${'free - '.repeat(50_000)}\n`;
  const r = lintText(text, { rules: BUILTIN_RULES, config: custom });
  inside(text, r);
  const trial = r.findings.filter((f) => f.ruleId === 'team/trial');
  assert.deepEqual(trial.map((f) => text.slice(f.start, f.end)), ['free trial']);
  assert.ok(!r.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE));
});

test('a team config with a pattern RE2 cannot run: the CLI reports file:line:col and the key, and still lints a long adversarial line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pbl-redos-'));
  try {
    writeFileSync(join(dir, '.playbooklintrc.yaml'), ['customRules:', '  - id: team/jargon', '    message: "{match} is jargon; say what changes for the buyer."', "    patterns: ['synerg(?:y|ies)', 'leverage(?= our)']", ''].join('\n'));
    writeFileSync(join(dir, 'playbook.md'), `# Call script\n\nRep: just checking in about the synergy.\n\nRep: ${'word '.repeat(200_000)}!\n`);
    const r = await runMain(['playbook.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.playbooklintrc\.yaml:4:35 customRules\/0\/patterns\/1: "leverage\(\?= our\)" uses a lookahead \("\(\?= our\)"\), which team patterns do not support; .*\. The rule is skipped\.$/m);
    assert.match(r.stdout, /no-empty-check-in/);
    assert.doesNotMatch(r.stdout, /team\/jargon/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
