/**
 * Starts and stops a real VS Code (code-server 4.100.3, installed into
 * .cache/code-server by scripts/install-code-server.sh) for the e2e suite.
 * Every run gets fresh user-data and extensions folders.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const codeServerBin = path.join(root, '.cache/code-server/node_modules/.bin/code-server');
const installStamp = path.join(root, '.cache/code-server/installed-4.100.3');

/** Installs code-server when missing; returns why it is unavailable, or undefined when ready. */
export function ensureCodeServer(): string | undefined {
  // Set by `npm test` (scripts/test.mjs) when its own install attempt failed: do not try again.
  if (process.env.PLAYBOOK_LINT_E2E_UNAVAILABLE) return process.env.PLAYBOOK_LINT_E2E_UNAVAILABLE;
  if (existsSync(installStamp) && existsSync(codeServerBin)) return undefined;
  const r = spawnSync('sh', [path.join(root, 'scripts/install-code-server.sh')], { cwd: root, encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status !== 0) return `scripts/install-code-server.sh failed (${r.status ?? r.signal}):\n${(r.stdout + r.stderr).slice(-3000)}`;
  return existsSync(codeServerBin) ? undefined : 'code-server binary missing after install';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function installExtension(vsix: string, extensionsDir: string): void {
  const r = spawnSync(codeServerBin, ['--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
}

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  workspace: string;
  extensionsDir: string;
  /** Merged into User/settings.json. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  logDir: string;
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const port = await freePort();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pbl-cs-'));
  const userDataDir = path.join(tmp, 'user-data');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'chat.disableAIFeatures': true,
        ...opts.settings,
      },
      null,
      2,
    ),
  );
  const config = path.join(tmp, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  mkdirSync(opts.logDir, { recursive: true });
  const logFile = path.join(opts.logDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', opts.extensionsDir,
    opts.workspace,
  ];
  // Own process group (detached = setsid) so the whole tree is killed at the end.
  const child: ChildProcess = spawn(codeServerBin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `code-server exited (${code ?? signal}); see ${logFile}`));

  const stop = async (): Promise<void> => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await gone;
      clearTimeout(timer);
    }
    log.end();
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(exited);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, userDataDir, extensionsDir: opts.extensionsDir, logFile, stop };
}

/** Workbench URL that opens `folder`, optionally loading extension-host tests (what @vscode/test-electron would pass). */
export function workbenchUrl(base: string, folder: string, dev?: { extensionDevelopmentPath: string; extensionTestsPath: string }): string {
  const params = new URLSearchParams({ folder });
  if (dev) {
    // Both paths live on the server: as plain paths the extension host never runs the tests.
    const remote = (p: string) => `vscode-remote://${new URL(base).host}${p}`;
    params.set(
      'payload',
      JSON.stringify([
        ['extensionDevelopmentPath', remote(dev.extensionDevelopmentPath)],
        ['extensionTestsPath', remote(dev.extensionTestsPath)],
      ]),
    );
  }
  return `${base}/?${params}`;
}
