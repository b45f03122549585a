/**
 * Every client snippet in the README works as written. The README's fenced
 * blocks are read by test/e2e/readme-snippets.ts; each block the README does not
 * mark `not run (why)` is checked here by its kind:
 *  - shell blocks run, in order, with `sh -e` in a playbooks repository (git,
 *    a branch ahead of origin/main) where `npm install … playbook-lint`
 *    installs the packed tarball (a wrapper swaps the name for the tarball's
 *    path, offline: the registry is never asked);
 *  - the pre-commit hook is installed and must stop a commit with a warning and let a clean one through;
 *  - `$ command` output blocks are run and compared with what they print;
 *  - configuration, front matter and playbook blocks are linted and must give no config error;
 *    example phrases in a team rule's comment must be found by that rule;
 *  - the GitHub workflow must use the Action with inputs it declares; the workflow steps without the Action
 *    and the GitLab job's script run as CI would run them (GitHub's `${{ … }}` filled in).
 * The Neovim and Emacs blocks run in the real editors: test/e2e/readme-editors.e2e.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { ensureBuilt } from '../protocol/lsp-harness';
import { ROOT, readmeSnippets, type Snippet } from './readme-snippets';

const snippets = readmeSnippets();
const CLI = join(ROOT, 'dist', 'cli.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** A follow-up with no warning (the CLI finds nothing in it), and one with a check-in the rules flag. */
const CLEAN_EMAIL = '# Follow-up email\n\nHi Sam,\n\nYour team asked about pricing last week, so here is the one-page summary with the three plans side by side.\n\nWould a 15-minute call on Tuesday help you pick one?\n\nBest,\nDana\n';
const CHECK_IN_EMAIL = '# Follow-up email\n\nHi Sam,\n\nJust checking in on the proposal I sent last week.\n\nBest,\nDana\n';
const CALL_SCRIPT =
  '# Cold call script\n\n## Opener\n\n**Rep:** Hi Sam, this is Dana from Acme. I saw your post about hiring ten new reps this quarter.\n\n**Prospect:** Sure, what is this about?\n\n**Rep:** Teams growing that fast often lose a week per rep on onboarding. How are you handling ramp today?\n\n## Next step\n\n**Rep:** Would Tuesday at 10 work for a 20-minute look with your enablement lead?\n';

let tmp = '';
let tarball = '';
let env: NodeJS.ProcessEnv = {};

function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 180_000 });
}

function git(cwd: string, ...args: string[]): string {
  const r = run('git', args, cwd);
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * A team's playbooks repository: main pushed to a local origin, with a clean
 * email, a call script and an email with a check-in; then a branch `feature`
 * (checked out) whose one commit adds a clean paragraph to the call script.
 */
function teamRepo(name: string, files: Record<string, string> = { 'playbooks/follow-up.md': CLEAN_EMAIL, 'playbooks/call.md': CALL_SCRIPT, 'playbooks/nudge.md': CHECK_IN_EMAIL }): { dir: string; base: string } {
  const origin = join(tmp, `${name}-origin.git`);
  const dir = join(tmp, name);
  git(tmp, 'init', '-q', '--bare', '-b', 'main', origin);
  git(tmp, 'clone', '-q', origin, dir);
  git(dir, 'checkout', '-q', '-b', 'main');
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Playbooks');
  git(dir, 'push', '-q', 'origin', 'main');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'feature');
  const call = join(dir, 'playbooks/call.md');
  if (existsSync(call)) {
    writeFileSync(call, `${readFileSync(call, 'utf8')}\n**Rep:** I will send the invite with the agenda right after this call.\n`);
    git(dir, 'commit', '-q', '-am', 'Call script: confirm the invite');
  }
  return { dir, base };
}

/** Runs a README shell text the way the README means it: `sh -e`, in `cwd`. */
function sh(text: string, cwd: string, extraEnv: NodeJS.ProcessEnv = {}, shell = 'sh'): SpawnSyncReturns<string> {
  return run(shell, ['-e', '-c', text], cwd, extraEnv);
}

const ofKind = (kind: Snippet['kind']) => snippets.filter((s) => s.kind === kind);
const where = (s: Snippet) => `README.md:${s.line}`;

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'pbl-readme-'));
  const home = join(tmp, 'home');
  mkdirSync(home);
  const base: NodeJS.ProcessEnv = {};
  // npm's settings from an enclosing `npm test` must not leak in.
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) base[k] = v;
  env = {
    ...base,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Dana Lee',
    GIT_AUTHOR_EMAIL: 'dana@example.com',
    GIT_COMMITTER_NAME: 'Dana Lee',
    GIT_COMMITTER_EMAIL: 'dana@example.com',
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    NO_COLOR: '1',
  };
  const r = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
  assert.equal(r.status, 0, r.stderr);
  tarball = join(tmp, (JSON.parse(r.stdout)[0] as { filename: string }).filename);
  // `npm install … playbook-lint` installs the tarball: the package is not on a registry this test may reach.
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  const realNpm = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\nfor a; do shift; [ "$a" = playbook-lint ] && a="${tarball}"; set -- "$@" "$a"; done\nexec "${realNpm}" "$@"\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  env.PATH = `${bin}:${env.PATH}`;
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('README snippets', () => {
  it('every block is of a kind this test or the editor test checks, or says why it is not run', () => {
    for (const s of snippets) {
      assert.notEqual(s.kind, 'unknown', `${where(s)} (${s.lang || 'no language'}) is neither checked nor marked <!-- readme-test: not run (why) -->`);
      if (s.kind === 'not-run') assert.ok((s.reason ?? '').length > 10, `${where(s)} says why it is not run`);
    }
    assert.equal(ofKind('neovim').length, 1);
    assert.equal(ofKind('emacs').length, 1);
    assert.ok(snippets.filter((s) => s.kind !== 'not-run').length >= 15, 'most blocks are checked');
  });

  describe('shell blocks, in order, in a playbooks repository', () => {
    let repo: { dir: string; base: string };
    before(() => {
      repo = teamRepo('team');
    });
    for (const s of ofKind('shell')) {
      it(`${where(s)}: ${s.text.split('\n')[0]}`, () => {
        const r = sh(s.text, repo.dir);
        assert.equal(r.status, 0, `${where(s)} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
        if (/npm install --save-dev playbook-lint/.test(s.text)) {
          assert.ok(existsSync(join(repo.dir, 'node_modules/.bin/playbook-lint')));
          assert.match(r.stdout, /playbooks\/nudge\.md {2}score \d+\/100/);
          assert.match(r.stdout, /no-empty-check-in/);
        }
        if (/> review\.md/.test(s.text)) {
          const review = readFileSync(join(repo.dir, 'review.md'), 'utf8');
          assert.match(review, /^## Playbook Lint review\n/);
          assert.match(review, /\| `playbooks\/call\.md` \| 100 → 100 \(no change\) \| none \|/);
          assert.doesNotMatch(review, /nudge\.md/, 'only what the branch changed');
        }
        if (/--format html -o playbook-report\.html/.test(s.text)) {
          const html = readFileSync(join(repo.dir, 'playbook-report.html'), 'utf8');
          assert.match(html, /^<!DOCTYPE html>/);
          assert.match(html, /Change since the baseline/);
          assert.match(html, /playbooks\/nudge\.md/);
        }
      });
    }

    it('the pre-commit hook stops a commit that adds a warning and lets a clean one through', () => {
      const [hook] = ofKind('git-hook');
      assert.ok(hook, 'the README has the hook');
      assert.ok(existsSync(join(repo.dir, 'node_modules/.bin/playbook-lint')), 'installed by the first shell block');
      const path = join(repo.dir, '.git/hooks/pre-commit');
      writeFileSync(path, `${hook.text}\n`);
      chmodSync(path, 0o755);
      writeFileSync(join(repo.dir, 'playbooks/second-nudge.md'), CHECK_IN_EMAIL);
      git(repo.dir, 'add', 'playbooks/second-nudge.md');
      const bad = run('git', ['commit', '-m', 'Another nudge'], repo.dir);
      assert.notEqual(bad.status, 0, 'the hook refuses the commit');
      assert.match(bad.stdout + bad.stderr, /second-nudge\.md[\s\S]*no-empty-check-in/);
      git(repo.dir, 'reset', '-q');
      writeFileSync(join(repo.dir, 'playbooks/recap.md'), CLEAN_EMAIL.replace('Follow-up email', 'Recap email'));
      git(repo.dir, 'add', 'playbooks/recap.md');
      const good = run('git', ['commit', '-m', 'Recap'], repo.dir);
      assert.equal(good.status, 0, good.stdout + good.stderr);
    });
  });

  describe('command output blocks print what the README shows', () => {
    for (const s of ofKind('command-output')) {
      it(`${where(s)}: ${s.text.split('\n')[0]}`, () => {
        const [first, ...shown] = s.text.split('\n');
        const r = spawnSync('sh', ['-c', first.slice(2)], { cwd: ROOT, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        const printed = r.stdout.replace(/\n$/, '').split('\n');
        // A block ending in "…" shows the start of the output.
        if (shown[shown.length - 1] === '…') assert.deepEqual(printed.slice(0, shown.length - 1), shown.slice(0, -1));
        else assert.deepEqual(printed, shown);
      });
    }
  });

  describe('configuration, front matter and playbook blocks lint without a config error', () => {
    const lint = (dir: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...env } });
    for (const s of ofKind('config')) {
      it(`${where(s)}: .playbooklintrc.yaml`, () => {
        const dir = mkdtempSync(join(tmp, 'config-'));
        writeFileSync(join(dir, '.playbooklintrc.yaml'), `${s.text}\n`);
        writeFileSync(join(dir, 'follow-up.md'), CHECK_IN_EMAIL);
        const r = lint(dir);
        assert.equal(r.stderr, '', `${where(s)}: config errors`);
        assert.notEqual(r.status, 2);
        // Example phrases quoted in a comment on a team rule's patterns are found by that rule.
        const rules = ((parseYaml(s.text) as { customRules?: Array<{ id: string }> }).customRules ?? []).map((c) => c.id);
        const examples = [...s.text.matchAll(/patterns:.*#(.*)$/gm)].flatMap((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((q) => q[1]));
        for (const example of examples) {
          writeFileSync(join(dir, 'example.md'), `# Follow-up email\n\nHi Sam,\n\n${example}.\n\nBest,\nDana\n`);
          const j = JSON.parse(lint(dir, '--format', 'json', 'example.md').stdout) as { results: Array<{ messages: Array<{ ruleId: string }> }> };
          assert.ok(
            j.results[0].messages.some((m) => rules.includes(m.ruleId)),
            `${where(s)}: "${example}" is found by ${rules.join(', ')}`,
          );
        }
      });
    }
    for (const s of ofKind('front-matter')) {
      it(`${where(s)}: front matter`, () => {
        const dir = mkdtempSync(join(tmp, 'front-'));
        const fm = s.text.trimEnd().endsWith('---') ? s.text.trimEnd() : `${s.text.trimEnd()}\n---`;
        writeFileSync(join(dir, 'playbook.md'), `${fm}\n${CALL_SCRIPT}`);
        const r = lint(dir, '--print-config', 'playbook.md');
        assert.equal(r.stderr, '', `${where(s)}: front matter errors`);
        assert.equal(r.status, 0);
        const printed = JSON.parse(r.stdout) as { document: { type?: string } };
        assert.equal(printed.document.type, /^type:\s*([\w-]+)/m.exec(s.text)?.[1], 'the type is read');
        const l = lint(dir, 'playbook.md');
        assert.equal(l.stderr, '');
        assert.notEqual(l.status, 2);
      });
    }
    for (const s of ofKind('playbook')) {
      it(`${where(s)}: playbook text`, () => {
        const dir = mkdtempSync(join(tmp, 'playbook-'));
        const text = `# Follow-up email\n\n${s.text}\n`;
        writeFileSync(join(dir, 'playbook.md'), text);
        const r = lint(dir, '--format', 'json', 'playbook.md');
        assert.equal(r.stderr, '');
        assert.notEqual(r.status, 2);
        const lines = text.split('\n');
        const messages = (JSON.parse(r.stdout) as { results: Array<{ messages: Array<{ line: number; ruleId: string }> }> }).results[0].messages;
        for (const m of messages) assert.doesNotMatch(lines[m.line - 1], /playbook-lint-disable-line/, `${m.ruleId} on a disabled line`);
      });
    }
  });

  describe('CI blocks', () => {
    it('the workflow uses the Action of this version with inputs the Action declares, and the history --changed-since needs', () => {
      const [s] = ofKind('github-workflow');
      assert.ok(s);
      const wf = parseYaml(s.text) as { on: unknown; permissions: Record<string, string>; jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
      const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
      const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
      const ours = steps.find((x) => x.uses?.startsWith('playbook-lint/playbook-lint@'));
      assert.ok(ours, 'the workflow uses the Action');
      assert.equal(ours.uses, `playbook-lint/playbook-lint@v${pkg.version}`);
      for (const k of Object.keys(ours.with ?? {})) assert.ok(k in action.inputs, `the Action declares the input ${k}`);
      assert.equal(steps.find((x) => x.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth'], 0);
      assert.equal(wf.permissions['pull-requests'], 'write');
      assert.equal(wf.permissions['security-events'], 'write');
    });

    it('the steps without the Action run on a pull request: SARIF written, the review in the job summary, no warning on changed lines', () => {
      const [s] = ofKind('github-steps');
      assert.ok(s);
      const steps = parseYaml(s.text.replace(/^ {6}/gm, '')) as Array<{ uses?: string; run?: string; with?: Record<string, unknown> }>;
      const { dir, base } = teamRepo('github');
      const summary = join(tmp, 'step-summary.md');
      writeFileSync(summary, '');
      for (const step of steps) {
        if (step.run) {
          const text = step.run.replace(/\$\{\{\s*github\.event\.pull_request\.base\.sha\s*\}\}/g, base);
          assert.doesNotMatch(text, /\$\{\{/, `every expression in "${step.run}" is known to this test`);
          const r = sh(text, dir, { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true', CI: 'true' }, 'bash');
          assert.equal(r.status, 0, `step "${step.run}" failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
        } else if (step.uses?.startsWith('actions/checkout@')) {
          assert.equal(step.with?.['fetch-depth'], 0, 'full history for --changed-since');
        } else if (step.uses?.startsWith('actions/setup-node@')) {
          assert.equal(Number(step.with?.['node-version']), 20);
        } else if (step.uses?.startsWith('github/codeql-action/upload-sarif@')) {
          const sarif = JSON.parse(readFileSync(join(dir, String(step.with?.sarif_file)), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
          assert.equal(sarif.version, '2.1.0');
          assert.ok(sarif.runs[0].results.length > 0, 'every finding of the repository is in the SARIF');
        } else assert.fail(`unknown step ${JSON.stringify(step)}`);
      }
      const text = readFileSync(summary, 'utf8');
      assert.match(text, /^## Playbook Lint review\n/);
      assert.match(text, /playbooks\/call\.md/);
    });

    it('the GitLab job passes on clean playbooks and fails on a warning, keeping the SARIF either way', () => {
      const [s] = ofKind('gitlab-job');
      assert.ok(s);
      const job = Object.values(parseYaml(s.text) as Record<string, { script: string[]; artifacts: { when: string; paths: string[] } }>)[0];
      assert.equal(job.artifacts.when, 'always');
      const runScript = (dir: string) => {
        for (const line of job.script) {
          const r = sh(line, dir);
          if (r.status !== 0) return { line, r };
        }
        return undefined;
      };
      const clean = teamRepo('gitlab-clean', { 'playbooks/follow-up.md': CLEAN_EMAIL, 'playbooks/call.md': CALL_SCRIPT });
      const ok = runScript(clean.dir);
      assert.equal(ok, undefined, ok && `${ok.line} failed:\n${ok.r.stdout}\n${ok.r.stderr}`);
      for (const p of job.artifacts.paths) assert.ok(existsSync(join(clean.dir, p)), `${p} is kept`);

      const warned = teamRepo('gitlab-warned');
      const failed = runScript(warned.dir);
      assert.ok(failed, 'a warning fails the job');
      assert.match(failed.line, /--max-warnings 0/);
      assert.equal(failed.r.status, 1);
      for (const p of job.artifacts.paths) assert.ok(existsSync(join(warned.dir, p)), `${p} is kept`);
    });
  });
});

