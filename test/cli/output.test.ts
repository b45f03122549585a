/**
 * The CLI's output as ESLint and markdownlint users expect it: colour only on a
 * terminal (NO_COLOR / FORCE_COLOR), the score explained, one line when there is
 * nothing to report, the rule table, one file's effective settings, and a
 * one-line baseline summary.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BUILTIN_RULES, ruleFixability } from '../../server/src/engine';
import { wantsColor } from '../../server/src/cli/ansi';
import { runMain } from './run-main';

const FIXTURES = join(__dirname, 'fixtures');
const ESC = '\x1b[';
const temps: string[] = [];

function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-lint-out-'));
  temps.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

after(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('colour', () => {
  it('is decided like other CLIs: FORCE_COLOR, then NO_COLOR, then a terminal', () => {
    assert.equal(wantsColor({ isTTY: true, env: {} }), true);
    assert.equal(wantsColor({ isTTY: false, env: {} }), false);
    assert.equal(wantsColor({ isTTY: true, env: { NO_COLOR: '1' } }), false);
    assert.equal(wantsColor({ isTTY: true, env: { NO_COLOR: '' } }), true, 'an empty NO_COLOR does not count');
    assert.equal(wantsColor({ isTTY: false, env: { FORCE_COLOR: '1' } }), true);
    assert.equal(wantsColor({ isTTY: false, env: { FORCE_COLOR: '' } }), true);
    assert.equal(wantsColor({ isTTY: true, env: { FORCE_COLOR: '0' } }), false);
    assert.equal(wantsColor({ isTTY: true, env: { FORCE_COLOR: 'false' } }), false);
    assert.equal(wantsColor({ isTTY: true, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), true, 'FORCE_COLOR wins');
    assert.equal(wantsColor({ isTTY: true, env: {} }, true), false, 'never into an --output file');
    assert.equal(wantsColor({ isTTY: true, env: { TERM: 'dumb' } }), false);
  });

  it('colours the stylish report on a terminal, with the same text underneath', async () => {
    const dir = join(FIXTURES, 'findings');
    const plain = await runMain([], dir);
    const tty = await runMain([], dir, undefined, { isTTY: true, env: {} });
    assert.ok(!plain.stdout.includes(ESC), 'no escape codes when not a terminal');
    assert.ok(tty.stdout.includes(`${ESC}33mwarning${ESC}39m`), 'warnings in yellow');
    assert.ok(tty.stdout.includes(`${ESC}4memails/follow-up.md${ESC}24m`), 'file names underlined');
    assert.equal(tty.stdout.replace(/\x1b\[\d+m/g, ''), plain.stdout);
    const noColor = await runMain([], dir, undefined, { isTTY: true, env: { NO_COLOR: '1' } });
    assert.equal(noColor.stdout, plain.stdout);
    const forced = await runMain([], dir, undefined, { isTTY: false, env: { FORCE_COLOR: '1' } });
    assert.equal(forced.stdout, tty.stdout);
    const clean = await runMain([], join(FIXTURES, 'clean'), undefined, { isTTY: true, env: {} });
    assert.equal(clean.stdout, `${ESC}32m✔${ESC}39m 1 file checked, no problems.\n`);
  });

  it('never colours machine formats', async () => {
    const r = await runMain(['--format', 'json'], join(FIXTURES, 'findings'), undefined, { isTTY: true, env: { FORCE_COLOR: '1' } });
    assert.ok(!r.stdout.includes(ESC));
    JSON.parse(r.stdout);
  });
});

describe('what the numbers mean', () => {
  it('stylish: a score per file, the fixable count and the scale in one line', async () => {
    const r = await runMain([], join(FIXTURES, 'fixable'));
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'emails/follow-up.md  score 74/100');
    assert.equal(lines.at(-2), '✖ 3 problems (0 errors, 0 warnings, 3 info) in 1 file — 2 fixable with --fix');
    assert.match(lines.at(-1)!, /^Score: 0–100 per file, 100 = nothing found; .*one warning in 100 words scores 82/);
  });

  it('stylish: no fixable count when nothing can be fixed safely', async () => {
    const dir = copyFixture('clean');
    writeFileSync(join(dir, 'email.md'), '## Follow-up email\n\nSubject: Reno\n\nHi Dana,\n\nI came across your profile and loved it, so here is our deck with every detail of the Reno checklist for your team.\n\nBest,\nSam\n');
    const r = await runMain(['email.md'], dir);
    assert.match(r.stdout, /\n✖ 2 problems \(0 errors, 0 warnings, 2 info\) in 1 file\nScore: /);
  });

  it('--fix says how many problems it fixed, then what is left', async () => {
    const dir = copyFixture('fixable');
    const r = await runMain(['--fix'], dir);
    assert.match(r.stdout, /^emails\/follow-up\.md  score \d+\/100\n  3:\d+  info  .*unsourced-claim\n\nFixed 2 problems\.\n✖ 1 problem \(0 errors, 0 warnings, 1 info\) in 1 file\n/);
  });

  it('summary: says what the score means and what --fix can do', async () => {
    const r = await runMain(['--format', 'summary'], join(FIXTURES, 'fixable'));
    assert.match(r.stdout, /\n\*\*1 file\*\*: 0 errors, 0 warnings, 3 suggestions\. 2 can be fixed with `--fix`\.\n\nScore: 0–100 per file, 100 = nothing found;/);
  });
});

describe('--list-rules', () => {
  it('prints a table: id, default severity, fixable and description, for every rule', async () => {
    const r = await runMain(['--list-rules'], join(FIXTURES, 'clean'));
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^Rule +Default +Fixable +Description$/);
    for (const rule of BUILTIN_RULES) {
      const row = lines.find((l) => l.startsWith(`${rule.id} `));
      assert.ok(row, rule.id);
      const cells = row!.split(/ {2,}/);
      assert.deepEqual(cells, [rule.id, rule.severity, ruleFixability(rule), rule.description], rule.id);
    }
    assert.ok(r.stdout.includes(`\n${BUILTIN_RULES.length} rules. Fixable:`), 'footer counts the rules');
    assert.match(r.stdout, /rules\. Fixable: "safe fix" is applied by --fix; "rewrite" is offered as a quick fix/);
    const row = (id: string) => lines.find((l) => l.startsWith(`${id} `))!.split(/ {2,}/)[2];
    assert.equal(row('buzzword-jargon'), 'safe fix');
    assert.equal(row('no-empty-check-in'), 'rewrite', 'deleting words is a rewrite');
    assert.equal(row('placeholder-hygiene'), 'rewrite', 'a merge field is never changed by --fix');
    assert.equal(row('subject-line-shape'), 'safe fix', 'safe fixes built in code count');
    assert.equal(row('state-reason-for-call'), 'rewrite');
    assert.equal(row('email-length'), 'none');
  });
});

describe('--print-config FILE', () => {
  it('shows the front matter and every option with its default, never an empty options object', async () => {
    const dir = copyFixture('clean');
    writeFileSync(join(dir, '.playbooklintrc.yaml'), 'rules:\n  no-empty-check-in: error\n  readability: { options: { maxGrade: 10 } }\n');
    writeFileSync(join(dir, 'renewal.md'), '---\ntype: email-sequence\naudience: customer\nstage: existing\nplaybook-lint:\n  rules:\n    voicemail-length: { options: { warnSeconds: 25 } }\n    email-length: off\n---\n# Renewal\n');
    const r = await runMain(['--print-config', 'renewal.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const shown = JSON.parse(r.stdout);
    assert.equal(shown.file, 'renewal.md');
    assert.deepEqual(shown.configFiles, ['.playbooklintrc.yaml']);
    assert.deepEqual(shown.document, { type: 'email-sequence', audience: 'customer', stage: 'existing' });
    assert.deepEqual(shown.rules['voicemail-length'], { severity: 'warning', options: { wordsPerMinute: 150, infoSeconds: 30, marginSeconds: 4, warnSeconds: 25 } });
    assert.deepEqual(shown.rules['email-length'].severity, 'off');
    assert.equal(shown.rules['readability'].options.maxGrade, 10);
    assert.equal(shown.rules['readability'].options.minWords, 40, 'defaults next to the settings');
    assert.deepEqual(shown.rules['no-empty-check-in'], { severity: 'error', options: { oncePerSentence: true, sentenceModel: true } });
    assert.deepEqual(shown.rules['spam-trigger-terms'], { severity: 'warning' }, 'a rule without options shows no options');
    assert.ok(!r.stdout.includes('"options": {}'));
    assert.equal(Object.keys(shown.rules).length, BUILTIN_RULES.length);
  });

  it('reports a front-matter mistake at its line, exit 2', async () => {
    const dir = copyFixture('clean');
    writeFileSync(join(dir, 'bad.md'), '---\nplaybook-lint:\n  rules:\n    no-empty-check-in: loud\n---\n# Email\n');
    const r = await runMain(['--print-config', 'bad.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bad\.md:\d+:\d+ front matter: rules\/no-empty-check-in: must be one of/m);
  });
});

describe('--write-baseline', () => {
  it('prints one line, not the report', async () => {
    const dir = copyFixture('findings');
    const r = await runMain(['--write-baseline', 'baseline.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '✔ Wrote 2 findings in 1 file (of 2 files checked) to baseline.json; run with --baseline baseline.json to report only new ones.\n');
    assert.equal(r.stderr, '');
    assert.equal(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings.length, 2);
  });
});
