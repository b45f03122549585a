/**
 * Scenario table: arguments, fixture folder, expected exit code and output,
 * run through `main()` in-process.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runMain } from './run-main';

const FIXTURES = join(__dirname, 'fixtures');

const CHECK_IN = '“Just checking in” gives the buyer no new reason to reply; lead with a trigger event and what it means for them.';
const SORRY = '“Sorry to bother you” apologises for reaching out, which tells the buyer you are imposing on them; open with why it is worth their time.';
const SCORE_LINE = 'Score: 0–100 per file, 100 = nothing found; errors, warnings and info lower it, weighed against the words the buyer reads (one warning in 100 words scores 82).';

interface Scenario {
  name: string;
  args: string[];
  fixture: string;
  code: number;
  /** Exact text, or a pattern. */
  stdout?: string | RegExp;
  stderr?: string | RegExp;
  stdin?: string;
}

const scenarios: Scenario[] = [
  { name: 'clean folder: one line saying so', args: [], fixture: 'clean', code: 0, stdout: '✔ 1 file checked, no problems.\n', stderr: '' },
  {
    name: 'findings, stylish, warnings do not fail by default',
    args: [],
    fixture: 'findings',
    code: 0,
    stdout: `emails/follow-up.md  score 67/100\n  3:1  warning  ${CHECK_IN}  no-empty-check-in\n  5:1  warning  ${SORRY}  no-apology-for-contact\n\n✖ 2 problems (0 errors, 2 warnings) in 1 file\n${SCORE_LINE}\n`,
    stderr: '',
  },
  { name: '--max-warnings 0 fails on warnings', args: ['--max-warnings', '0'], fixture: 'findings', code: 1, stderr: /2 warnings, more than --max-warnings 0/ },
  { name: '--max-warnings above the count passes', args: ['--max-warnings', '2'], fixture: 'findings', code: 0 },
  { name: '--rule raises a rule to error', args: ['--rule', 'no-empty-check-in:error'], fixture: 'findings', code: 1, stdout: /3:1 {2}error +“Just checking in”/ },
  // With no-empty-check-in off, the "Just" of "Just checking in" is left to weak-hedge-language, so that one goes off too.
  { name: '--rule off', args: ['--rule', 'no-empty-check-in:off', '--rule', 'no-apology-for-contact:off', '--rule', 'weak-hedge-language:off'], fixture: 'findings', code: 0, stdout: '✔ 2 files checked, no problems.\n' },
  { name: '--quiet hides warnings', args: ['--quiet', '--rule', 'no-empty-check-in:error'], fixture: 'findings', code: 1, stdout: new RegExp(`^emails/follow-up.md  score \\d+/100\\n  3:1  error  .*no-empty-check-in\\n\\n✖ 1 problem \\(1 error, 0 warnings\\) in 1 file\\nScore: 0–100 per file`) },
  {
    name: 'github annotations',
    args: ['--format', 'github', 'emails/follow-up.md'],
    fixture: 'findings',
    code: 0,
    stdout: `::warning file=emails/follow-up.md,line=3,col=1,endLine=3,endColumn=17,title=no-empty-check-in::${CHECK_IN}\n::warning file=emails/follow-up.md,line=5,col=1,endLine=5,endColumn=20,title=no-apology-for-contact::${SORRY}\n`,
  },
  { name: 'summary table', args: ['--format', 'summary'], fixture: 'findings', code: 0, stdout: /\| `emails\/follow-up.md` \| \d+ \| 0 \| 2 \| `no-apology-for-contact` ×1, `no-empty-check-in` ×1 \|\n\| `emails\/good.md` \| 100 \| 0 \| 0 \| — \|/ },
  { name: 'glob argument', args: ['emails/*.md'], fixture: 'findings', code: 0, stdout: /^emails\/follow-up.md  score \d+\/100\n/ },
  { name: 'glob that matches nothing', args: ['nothing/**/*.md'], fixture: 'findings', code: 2, stderr: 'playbook-lint: nothing/**/*.md: no files match this pattern.\n' },
  { name: 'missing file', args: ['nope.md'], fixture: 'findings', code: 2, stderr: 'playbook-lint: nope.md: no such file or folder.\n' },
  { name: 'unknown flag', args: ['--colour'], fixture: 'findings', code: 2, stdout: '', stderr: 'playbook-lint: Unknown option --colour; see --help.\n' },
  { name: 'bad format', args: ['--format', 'xml'], fixture: 'findings', code: 2, stderr: /Unknown format "xml"; use one of stylish, json, sarif, github, summary, review, html\./ },
  { name: '--rule with an unknown id', args: ['--rule', 'no-such-rule:error'], fixture: 'clean', code: 2, stderr: /^--rule: rules\/no-such-rule: there is no rule "no-such-rule"[^\n]*\n$/ },
  { name: 'bad --rule', args: ['--rule', 'no-empty-check-in'], fixture: 'findings', code: 2, stderr: /--rule expects id:severity/ },
  { name: 'broken config: file:line:col message, exit 2', args: [], fixture: 'bad-config', code: 2, stderr: '.playbooklintrc.json:4:26 rules/no-empty-check-in: must be one of "error", "warning", "info", "hint", "off".\n' },
  { name: 'front-matter config error', args: [], fixture: 'front-matter-error', code: 2, stderr: /^playbook\.md:5:24 front matter: rules\/no-empty-check-in: must be one of/ },
  { name: '--config pointing nowhere', args: ['--config', 'missing.json'], fixture: 'findings', code: 2, stderr: /cannot find the config file missing.json/ },
  { name: '.gitignore and .playbooklintignore', args: [], fixture: 'ignores', code: 0, stdout: '✔ 1 file checked, no problems.\n' },
  { name: 'explicitly named ignored file is linted', args: ['drafts/draft.md'], fixture: 'ignores', code: 0, stdout: /^drafts\/draft.md  score \d+\/100\n/ },
  {
    name: 'overrides, rule off and ignorePatterns',
    args: [],
    fixture: 'overrides',
    code: 1,
    stdout: `calls/follow-up.md  score 82/100\n  3:1  warning  ${CHECK_IN}  no-empty-check-in\n\nemails/follow-up.md  score 67/100\n  3:1  error  ${CHECK_IN}  no-empty-check-in\n\n✖ 2 problems (1 error, 1 warning) in 2 files\n${SCORE_LINE}\n`,
  },
  { name: 'stdin with a file name (overrides apply)', args: ['--stdin', '--stdin-filename', 'emails/new.md'], fixture: 'overrides', stdin: '# Follow-up email\n\nJust checking in, wanted to see if you read the proposal I sent over.\n', code: 1, stdout: /^emails\/new.md  score \d+\/100\n  3:1  error/ },
  { name: '--stdin --fix prints the fixed document', args: ['--stdin', '--fix'], fixture: 'clean', stdin: '# Follow-up email\n\nHi Sam, we can leverage the benchmark in order to cut your costs.\n', code: 0, stdout: '# Follow-up email\n\nHi Sam, we can use the benchmark to cut your costs.\n' },
  { name: '--stdin with paths is a usage error', args: ['--stdin', 'a.md'], fixture: 'findings', code: 2 },
  { name: '--fix with --fix-dry-run is a usage error', args: ['--fix', '--fix-dry-run'], fixture: 'findings', code: 2 },
  { name: '--fix-dry-run prints a diff and writes nothing', args: ['--fix-dry-run'], fixture: 'fixable', code: 0, stdout: /^--- a\/emails\/follow-up.md\n\+\+\+ b\/emails\/follow-up.md\n@@ .* @@\n(.*\n)*-Hi Sam, we can leverage the freight benchmark in order to cut your Reno costs by 12% this quarter.\n\+Hi Sam, we can use the freight benchmark to cut your Reno costs by 12% this quarter.\n/ },
  { name: '--fix-dry-run shows no deletion of words (a rewrite, never applied in bulk)', args: ['--fix-dry-run'], fixture: 'findings', code: 0, stdout: '' },
  { name: '--print-config', args: ['--print-config', 'emails/x.md'], fixture: 'overrides', code: 0, stdout: /"no-empty-check-in": \{\n\s+"severity": "error"/ },
  { name: '--print-config shows option defaults from the rule file', args: ['--print-config', 'emails/x.md'], fixture: 'overrides', code: 0, stdout: /"voicemail-length": \{\n\s+"severity": "\w+",\n\s+"options": \{\n\s+"wordsPerMinute": 150,\n\s+"infoSeconds": 30,/ },
  { name: '--list-rules', args: ['--list-rules'], fixture: 'clean', code: 0, stdout: /^Rule +Default +Fixable +Description\n(?:.*\n)*buzzword-jargon +info +safe fix +Vendor buzzwords(?:.*\n)*no-apology-for-contact +warning +rewrite +Apologising for reaching out/ },
  { name: '--version', args: ['--version'], fixture: 'clean', code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: '--help has examples', args: ['--help'], fixture: 'clean', code: 0, stdout: /Usage: playbook-lint[\s\S]*Exit codes:[\s\S]*Examples:/ },
];

describe('CLI scenarios (main in-process)', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const r = await runMain(s.args, join(FIXTURES, s.fixture), s.stdin);
      const ctx = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
      assert.equal(r.code, s.code, ctx);
      for (const [actual, expected] of [
        [r.stdout, s.stdout],
        [r.stderr, s.stderr],
      ] as const) {
        if (typeof expected === 'string') assert.equal(actual, expected, ctx);
        else if (expected) assert.match(actual, expected, ctx);
      }
    });
  }
});
