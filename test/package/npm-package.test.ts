/**
 * The npm package installs anywhere: `npm pack`, then install the tarball into
 * an empty folder offline with an empty npm cache (so it needs no dependency
 * at run time), and run `npx playbook-lint` and the language server there.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT, ensureBuilt } from '../protocol/lsp-harness';

/** npm's settings from an enclosing `npm test` (prefix, cache...) must not leak into the npm runs here. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

const PLAYBOOK = '# Follow-up email\n\nJust checking in on the proposal I sent last week.\n\nHappy to walk your team through the rollout plan on Tuesday.\n';

let tmp = '';
let tarball = '';
let packed: string[] = [];
let app = '';
let env: NodeJS.ProcessEnv = {};

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'pbl-pack-'));
  env = cleanEnv({ npm_config_cache: join(tmp, 'npm-cache'), npm_config_update_notifier: 'false' });
  // --ignore-scripts: prepack would rebuild dist/ while other test files use it.
  const r = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT, env);
  assert.equal(r.status, 0, r.stderr);
  const info = JSON.parse(r.stdout)[0] as { filename: string; files: Array<{ path: string }> };
  tarball = join(tmp, info.filename);
  packed = info.files.map((f) => f.path).sort();
  app = join(tmp, 'team-playbooks');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "team-playbooks", "private": true }\n');
  writeFileSync(join(app, 'follow-up.md'), PLAYBOOK);
  const i = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app, env);
  assert.equal(i.status, 0, `npm install of the tarball failed offline:\n${i.stdout}\n${i.stderr}`);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm package', () => {
  it('is publishable: public, licensed, with a repository and both commands', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.private, undefined);
    assert.equal(pkg.license, 'MIT');
    assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
    assert.deepEqual(pkg.bin, { 'playbook-lint': './dist/cli.js', 'playbook-language-server': './dist/server.js' });
    assert.equal(pkg.dependencies, undefined, 'everything is bundled into dist/, so the package installs nothing else');
  });

  it('holds the CLI and server bundles, the schema and the docs, and no sources or tests', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/server.js', 'dist/team-pattern.js', 'dist/config-validator.js', 'schemas/playbooklintrc.schema.json']) {
      assert.ok(packed.includes(f), `${f} is packed`);
    }
    const unexpected = packed.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|docs\/rules\.md|schemas\/[^/]+\.json|dist\/(cli|server|team-pattern|config-validator)\.js(\.map)?)$/.test(f));
    assert.deepEqual(unexpected, []);
  });

  it('has no bundle pointing at a source map it does not ship', () => {
    for (const f of packed.filter((p) => p.endsWith('.js'))) {
      const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(ROOT, f), 'utf8'))?.[1];
      if (ref) assert.ok(packed.includes(`dist/${ref}`), `${f} points at ${ref}, which is packed`);
    }
  });

  it('installed from the tarball, npx playbook-lint lints a playbook in the new folder', () => {
    const r = run('npx', ['--offline', 'playbook-lint', '--max-warnings', '0'], app, env);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^follow-up\.md {2}score \d+\/100\n {2}3:1 {2}warning {2}“Just checking in”.* {2}no-empty-check-in\n/);
    assert.match(r.stderr, /1 warning|more than --max-warnings 0/);
    const json = run('npx', ['--offline', 'playbook-lint', '--format', 'json', 'follow-up.md'], app, env);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout).results.map((x: { messages: Array<{ ruleId: string }> }) => x.messages.map((m) => m.ruleId)), [['no-empty-check-in']]);
  });

  it('installed from the tarball, playbook-language-server answers initialize over stdio', async () => {
    const child = spawn(join(app, 'node_modules', '.bin', 'playbook-language-server'), ['--stdio'], { cwd: app, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.listen();
    try {
      const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: { codeActionProvider?: unknown }; serverInfo?: { name: string } };
      assert.ok(init.capabilities.codeActionProvider, 'offers code actions');
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
