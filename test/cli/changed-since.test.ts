/**
 * --changed-since and --format review against a real git repository built in
 * a temporary folder: two commits on a branch, with an edit, a rename with an
 * edit, a deleted file, a new file and a file left alone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { changedLinesOf } from '../../server/src/cli/changed-lines';
import { createReviewFormatter, suggestedLines } from '../../server/src/cli/formatters/review';
import { emptyTotals, addToTotals, type FileReport } from '../../server/src/cli/report';
import { runMain } from './run-main';

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

let repo = '';
const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
const write = (p: string, text: string): void => {
  mkdirSync(join(repo, p, '..'), { recursive: true });
  writeFileSync(join(repo, p), text);
};

const FOLLOW_UP_V1 = '# Follow-up email\n\nJust checking in on the proposal I sent last week.\n\nThe rollout plan covers your three regional teams.\n';
const FOLLOW_UP_V2 = '# Follow-up email\n\nJust checking in on the proposal I sent last week.\n\nSorry to bother you, but we can leverage the rollout plan for your three regional teams.\n';
const CALL_LINES = [
  '# Follow-up email',
  '',
  'Sorry to bother you, I will keep this short.',
  '',
  'We help finance teams close the books two days faster.',
  '',
  'Teams like yours usually lose a week each quarter to manual reconciliation.',
  '',
  'How does your team handle month-end today?',
  '',
];
const CALL_V1 = CALL_LINES.join('\n');
const CALL_V2 = CALL_LINES.map((l, i) => (i === 4 ? 'Just checking in on the proposal I sent last week.' : l)).join('\n');

before(() => {
  repo = mkdtempSync(join(tmpdir(), 'pbl-git-'));
  git('init', '-q', '-b', 'main');
  write('emails/follow-up.md', FOLLOW_UP_V1);
  write('calls/old-name.md', CALL_V1);
  write('gone.md', '# Voicemail\n\nSorry to bother you, call me back.\n');
  write('stable.md', '# Follow-up email\n\nJust checking in again.\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  git('checkout', '-q', '-b', 'feature');
  write('emails/follow-up.md', FOLLOW_UP_V2);
  git('mv', 'calls/old-name.md', 'calls/cold-call.md');
  write('calls/cold-call.md', CALL_V2);
  unlinkSync(join(repo, 'gone.md'));
  write('new.md', '# Follow-up email\n\nJust checking in, did you see my note?\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'second');
});

after(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

type JsonResult = { filePath: string; score: number; messages: Array<{ ruleId: string; line: number }> };

describe('--changed-since', () => {
  it('lints the changed files and reports findings on changed lines only; renames followed, deleted and unchanged files skipped', async () => {
    const r = await runMain(['--changed-since', 'main', '--format', 'json'], repo);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const got = (JSON.parse(r.stdout).results as JsonResult[]).map((x) => [x.filePath, x.messages.map((m) => `${m.line} ${m.ruleId}`)]);
    assert.deepEqual(got, [
      ['calls/cold-call.md', ['5 no-empty-check-in']],
      ['emails/follow-up.md', ['5 no-apology-for-contact', '5 buzzword-jargon']],
      ['new.md', ['3 no-empty-check-in', '3 email-length', '3 no-passive-aggressive-reminder']],
    ]);
  });

  it('without it, the same run reports the unchanged lines too', async () => {
    const r = await runMain(['--format', 'json'], repo);
    const follow = (JSON.parse(r.stdout).results as JsonResult[]).find((x) => x.filePath === 'emails/follow-up.md')!;
    assert.deepEqual(follow.messages.map((m) => m.line), [3, 5, 5]);
  });

  it('counts uncommitted edits and untracked files as changes', async () => {
    write('draft.md', '# Follow-up email\n\nJust checking in about Friday.\n');
    try {
      const r = await runMain(['--changed-since', 'HEAD', '--format', 'json'], repo);
      assert.deepEqual((JSON.parse(r.stdout).results as JsonResult[]).map((x) => x.filePath), ['draft.md']);
    } finally {
      unlinkSync(join(repo, 'draft.md'));
    }
  });

  it('exit codes follow the findings on changed lines only', async () => {
    const r = await runMain(['--changed-since', 'main', '--max-warnings', '2'], repo);
    assert.equal(r.code, 1, 'four warnings on changed lines');
    const stable = await runMain(['--changed-since', 'main', '--max-warnings', '0', 'stable.md'], repo);
    assert.equal(stable.code, 0, 'stable.md did not change, so nothing is reported');
    assert.equal(stable.stdout, '✔ No playbooks changed since main.\n');
  });

  it('an unknown ref, or a folder outside git, is a clear error with exit 2', async () => {
    const r = await runMain(['--changed-since', 'no-such-branch'], repo);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'playbook-lint: --changed-since: git does not know "no-such-branch"; fetch it first (in GitHub Actions, check out with fetch-depth: 0).\n');
    const outside = mkdtempSync(join(tmpdir(), 'pbl-nogit-'));
    try {
      const o = await runMain(['--changed-since', 'main'], outside);
      assert.equal(o.code, 2);
      assert.match(o.stderr, /--changed-since needs git and a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    assert.equal((await runMain(['--changed-since', 'main', '--stdin'], repo, 'x')).code, 2);
  });
});

describe('--format review', () => {
  it('shows each changed playbook with its score before → after, renames and new files, findings by file and a suggestion for a safe fix', async () => {
    const r = await runMain(['--changed-since', 'main', '--format', 'review'], repo);
    assert.equal(r.code, 0, r.stderr);
    const before = JSON.parse((await runMain(['--format', 'json', '--stdin', '--stdin-filename', 'emails/follow-up.md'], repo, FOLLOW_UP_V1)).stdout).results[0].score;
    const afterScore = JSON.parse((await runMain(['--format', 'json', 'emails/follow-up.md'], repo)).stdout).results[0].score;
    assert.ok(afterScore < before, 'the new apology lowers the score');
    const out = r.stdout;
    assert.match(out, /^## Playbook Lint review\n\n3 playbooks reviewed: 0 better, 2 worse, 0 unchanged in score\. Findings: 4 warnings, 2 suggestions\.\n/);
    assert.ok(out.includes(`| \`emails/follow-up.md\` | ${before} → ${afterScore} (${afterScore - before}) | 1 warning, 1 suggestion |`), out);
    assert.match(out, /\| `calls\/cold-call.md` \(renamed from `calls\/old-name.md`\) \| \d+ → \d+ \(-\d+\) \| 1 warning \|/);
    assert.match(out, /\| `new.md` \(new\) \| \d+ \| 2 warnings, 1 suggestion \|/);
    assert.ok(!out.includes('gone.md') && !out.includes('stable.md'));
    assert.ok(out.includes('**Line 5** · warning · [`no-apology-for-contact`](https://github.com/playbook-lint/playbook-lint/blob/main/docs/rules.md#no-apology-for-contact)'), out);
    assert.ok(out.includes('```suggestion\nSorry to bother you, but we can use the rollout plan for your three regional teams.\n```\n'), out);
    assert.match(out, /no-apology-for-contact[^\n]*\n[^\n]*\n\nRewrite idea: /, 'deleting words is offered as a rewrite, not a suggestion');
    assert.ok(!/Line 3\*\* · warning · \[`no-empty-check-in`\][^\n]*\n[^\n]*\n\n```suggestion\nOn the proposal/.test(out));
  });

  it('without --changed-since it reviews every playbook with its current score', async () => {
    const r = await runMain(['--format', 'review', 'stable.md'], repo);
    assert.match(r.stdout, /\| `stable.md` \| \d+ \| 1 warning, 1 suggestion \|[\s\S]*Rewrite idea: lead with the trigger event \(the editor's Quick Fix writes it out\)\.\n/);
  });
});

describe('review size cap', () => {
  const message = (line: number) => ({ ruleId: 'no-empty-check-in', severity: 'warning' as const, message: '“Just checking in” gives the buyer no new reason to reply.', line, column: 1, endLine: line, endColumn: 17, fixes: [], fingerprint: 'x' });

  it('fits in one GitHub comment and says what it left out', () => {
    const f = createReviewFormatter(() => ({ scoreBefore: 90 }));
    const totals = emptyTotals();
    for (let i = 0; i < 40; i++) {
      const r: FileReport = { filePath: `team/playbook-${i}.md`, score: 70, messages: Array.from({ length: 50 }, (_, k) => message(k + 1)), configErrors: [] };
      addToTotals(totals, r);
      f.file(r, { version: '0', maxWarnings: -1 });
    }
    const out = f.end(totals, { version: '0', maxWarnings: -1 });
    assert.ok(out.length <= 65_000, `${out.length} characters`);
    const cut = /_Not shown: (\d+) findings in (\d+) playbooks, to keep this review within GitHub's limit of 65,536 characters per comment\./.exec(out);
    assert.ok(cut, out.slice(-400));
    const shown = (out.match(/\*\*Line \d+\*\*/g) ?? []).length;
    assert.equal(shown + Number(cut[1]), 2000, 'every finding is either shown or counted');
    assert.equal((out.match(/^\| `team\//gm) ?? []).length, 40, 'the table lists every playbook');
  });
});

describe('changed lines from a -U0 patch', () => {
  it('takes the new side of each hunk and skips hunk bodies that look like headers', () => {
    const patch = [
      'diff --git a/x.md b/x.md',
      '--- a/x.md',
      '+++ b/x.md',
      '@@ -2 +2,2 @@ heading',
      '-old',
      '++++ b/not-a-header.md',
      '+new',
      '@@ -9,2 +10,0 @@',
      '-gone',
      '-gone',
      'diff --git "a/caf\\303\\251 \\"q\\".md" "b/caf\\303\\251 \\"q\\".md"',
      '--- "a/caf\\303\\251 \\"q\\".md"',
      '+++ "b/caf\\303\\251 \\"q\\".md"',
      '@@ -0,0 +1 @@',
      '+hello',
      'diff --git a/gone.md b/gone.md',
      '--- a/gone.md',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      '',
    ].join('\n');
    assert.deepEqual([...changedLinesOf(patch)], [
      ['x.md', [2, 3]],
      ['café "q".md', [1]],
    ]);
  });

  it('a safe fix becomes the rewritten lines; a fix reaching past the file gives none', () => {
    const m = { ruleId: 'r', severity: 'warning' as const, message: 'm', line: 2, column: 1, endLine: 2, endColumn: 22, fingerprint: 'f', fixes: [{ title: 't', kind: 'safe' as const, edits: [{ line: 2, column: 1, endLine: 2, endColumn: 22, text: '' }] }] };
    assert.equal(suggestedLines(m, '# Email\nSorry to bother you, the plan is ready.\n'), 'the plan is ready.');
    assert.equal(suggestedLines({ ...m, endLine: 9 }, 'one line'), undefined);
  });
});
