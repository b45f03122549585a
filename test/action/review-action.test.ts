/**
 * The Action's script (scripts/action/review.mjs), run as action.yml runs it
 * (node, no shell) in a real git repository, against a fake GitHub API: a
 * local HTTP server this test starts and closes.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ROOT, ensureBuilt } from '../protocol/lsp-harness';

const SCRIPT = join(ROOT, 'scripts', 'action', 'review.mjs');
const MARKER = '<!-- playbook-lint-review -->';
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

interface Comment {
  id: number;
  body: string;
  html_url: string;
}
interface Request {
  method: string;
  url: string;
  auth?: string;
  body?: { body: string };
}

let tmp = '';
let repo = '';
let baseSha = '';
let server: Server;
let api = '';
let comments: Comment[] = [];
let requests: Request[] = [];

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
const write = (p: string, text: string): void => {
  mkdirSync(join(repo, p, '..'), { recursive: true });
  writeFileSync(join(repo, p), text);
};

before(async () => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'pbl-action-'));
  repo = join(tmp, 'playbooks');
  mkdirSync(repo);
  git('init', '-q', '-b', 'main');
  write('emails/follow-up.md', '# Follow-up email\n\nJust checking in on the proposal I sent last week.\n\nThe rollout plan covers your three regional teams.\n');
  write('old.md', '# Voicemail\n\nHi, this is Sam from Acme about the onboarding plan.\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  baseSha = git('rev-parse', 'HEAD').trim();
  git('checkout', '-q', '-b', 'feature');
  write('emails/follow-up.md', '# Follow-up email\n\nJust checking in on the proposal I sent last week.\n\nSorry to bother you, but the rollout plan covers your three regional teams.\n');
  git('rm', '-q', 'old.md');
  git('add', '-A');
  git('commit', '-q', '-m', 'second');

  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const r: Request = { method: req.method!, url: req.url!, auth: req.headers.authorization, body: data ? JSON.parse(data) : undefined };
      requests.push(r);
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (r.auth !== 'Bearer test-token') return send(401, { message: 'Bad credentials' });
      let m: RegExpExecArray | null;
      if (r.method === 'GET' && /^\/repos\/team\/playbooks\/issues\/7\/comments\?per_page=100&page=1$/.test(r.url)) return send(200, comments);
      if (r.method === 'POST' && r.url === '/repos/team/playbooks/issues/7/comments') {
        const c = { id: 100 + comments.length, body: r.body!.body, html_url: `https://github.test/team/playbooks/pull/7#issuecomment-${100 + comments.length}` };
        comments.push(c);
        return send(201, c);
      }
      if (r.method === 'PATCH' && (m = /^\/repos\/team\/playbooks\/issues\/comments\/(\d+)$/.exec(r.url))) {
        const c = comments.find((x) => x.id === Number(m![1]));
        if (!c) return send(404, { message: 'Not Found' });
        c.body = r.body!.body;
        return send(200, c);
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  if (server) await new Promise<void>((r) => server.close(() => r()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  requests = [];
});

interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the script as a child process (not spawnSync: the fake API answers on this thread). */
async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmp, 'run-'));
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary.md') };
  writeFileSync(files.event, JSON.stringify({ pull_request: { number: 7, base: { sha: baseSha } } }));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env = { ...GIT_ENV, GITHUB_API_URL: api, GITHUB_REPOSITORY: 'team/playbooks', GITHUB_EVENT_PATH: files.event, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, ...inputs };
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((res) => {
    execFile(process.execPath, [SCRIPT], { cwd: repo, env, encoding: 'utf8' }, (err, out) => res({ code: err ? Number(err.code ?? 1) : 0, stdout: out }));
  });
  const outputs = Object.fromEntries(readFileSync(files.output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { code, stdout, outputs, summary: readFileSync(files.summary, 'utf8') };
}

describe('GitHub Action script', () => {
  it('writes SARIF, annotations and the job summary, and posts one review comment', async () => {
    comments = [{ id: 1, body: 'Looks good to me', html_url: 'https://github.test/c/1' }];
    const r = await runAction({ INPUT_GITHUB_TOKEN: 'test-token', INPUT_SARIF_FILE: 'playbook-lint.sarif' });
    assert.equal(r.code, 0);
    assert.equal(r.outputs['exit-code'], '0');
    assert.match(r.summary, /^## Playbook Lint review\n\n1 playbook reviewed: 0 better, 1 worse, 0 unchanged in score\. Findings: 1 warning\./);
    assert.match(r.summary, /\| `emails\/follow-up.md` \| \d+ → \d+ \(-\d+\) \| 1 warning \|/);
    assert.ok(!r.summary.includes('Line 3'), 'the unchanged check-in on line 3 is not reported');
    assert.match(r.stdout, /^::warning file=emails\/follow-up.md,line=5,col=1,.*title=no-apology-for-contact::/m);
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file'], 'utf8'));
    assert.deepEqual(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort(), ['no-apology-for-contact', 'no-empty-check-in']);
    assert.deepEqual(requests.map((q) => `${q.method} ${q.url}`), ['GET /repos/team/playbooks/issues/7/comments?per_page=100&page=1', 'POST /repos/team/playbooks/issues/7/comments']);
    assert.equal(comments.length, 2);
    assert.equal(comments[1].body, `${MARKER}\n${r.summary.replace(/\n$/, '')}`);
    assert.equal(r.outputs['comment-url'], comments[1].html_url);
  });

  it('run again, it updates the same comment instead of adding one', async () => {
    const r = await runAction({ INPUT_GITHUB_TOKEN: 'test-token', INPUT_MAX_WARNINGS: '0' });
    assert.equal(r.outputs['exit-code'], '1', 'one warning is more than max-warnings 0');
    assert.deepEqual(requests.map((q) => q.method), ['GET', 'PATCH']);
    assert.equal(comments.length, 2);
    assert.equal(comments[0].body, 'Looks good to me');
    assert.ok(comments[1].body.startsWith(`${MARKER}\n## Playbook Lint review`));
  });

  it('without a token, posts nothing; the summary still has the review', async () => {
    const r = await runAction({});
    assert.equal(r.code, 0);
    assert.deepEqual(requests, []);
    assert.match(r.summary, /## Playbook Lint review/);
    assert.equal(r.outputs['comment-url'], undefined);
  });

  it('a token GitHub refuses gives a warning, not a failed job', async () => {
    const r = await runAction({ INPUT_GITHUB_TOKEN: 'read-only' });
    assert.equal(r.code, 0);
    assert.equal(r.outputs['exit-code'], '0');
    assert.match(r.stdout, /^::warning title=playbook-lint::Could not post the review comment \(GET \/repos\/team\/playbooks\/issues\/7\/comments\?per_page=100&page=1: GitHub answered 401/m);
  });
});
