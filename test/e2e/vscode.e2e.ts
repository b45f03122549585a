/**
 * Issue 5, "Proven in a real VS Code": builds and packages the extension,
 * installs the .vsix into code-server (VS Code 1.100.3), then
 *  1. runs test/e2e/vscode-tests (Mocha, `vscode` API) inside the real extension host, and
 *  2. drives the workbench UI in Chromium with playwright-core.
 * Screenshots go to test-results/e2e/. Under CI=true a missing code-server fails the suite.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureCodeServer, installExtension, root, startCodeServer, workbenchUrl, type CodeServer } from './code-server';
import { editorText, goTo, launchBrowser, openFile, openWorkbench, runCommand, shot, shotsDir, until } from './workbench';

const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const extensionFolder = `${pkg.publisher}.${pkg.name}-${pkg.version}`;

let unavailable: string | undefined;
let server: CodeServer | undefined;
let browser: Browser | undefined;
let tmp: string;
let extensionsDir: string;
let resultFile: string;

function workspaceCopy(name: string): string {
  const ws = path.join(tmp, name);
  cpSync(path.join(root, 'examples'), ws, { recursive: true });
  cpSync(path.join(root, 'test/e2e/fixtures'), ws, { recursive: true });
  return ws;
}

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** The extension host's own log lines, to explain a failed run. */
function extensionHostLog(): string {
  const logs = path.join(server!.userDataDir, 'logs');
  if (!existsSync(logs)) return '(no logs)';
  const files = readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => /exthost|remoteexthost|extensionHost/i.test(f) && f.endsWith('.log'));
  return files.map((f) => `${f}:\n${readFileSync(path.join(logs, f), 'utf8').slice(-4000)}`).join('\n') || '(no extension host log)';
}

function skipIfUnavailable(t: TestContext): boolean {
  if (!unavailable) return false;
  t.skip(unavailable);
  return true;
}

before(async () => {
  rmSync(shotsDir, { recursive: true, force: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pbl-e2e-'));
  const why = ensureCodeServer() ?? (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH ? undefined : 'chromium is not installed (apt-get install -y chromium)');
  if (why) {
    if (inCI) throw new Error(`cannot run VS Code end-to-end tests: ${why}`);
    unavailable = why;
    return;
  }
  sh('npm', ['run', 'package']);
  const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  extensionsDir = path.join(tmp, 'extensions');
  installExtension(vsix, extensionsDir);
  resultFile = path.join(tmp, 'extension-host-result.json'); // next to the ws-host workspace, see vscode-tests/index.js
  server = await startCodeServer({
    workspace: workspaceCopy('ws-ui'),
    extensionsDir,
    logDir: shotsDir,
    env: { PLAYBOOK_LINT_E2E_RESULT: resultFile },
    settings: { 'editor.codeActionsOnSave': { 'source.fixAll.playbookLint': 'explicit' } },
  });
  browser = await launchBrowser(path.join(tmp, 'chromium'));
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('VS Code (code-server 4.100.3) with the packaged extension', () => {
  test('the .vsix holds the bundled extension only', (t) => {
    if (skipIfUnavailable(t)) return;
    const installed = path.join(extensionsDir, extensionFolder);
    for (const f of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/team-pattern.js', 'dist/config-validator.js', 'syntaxes/playbook.injection.tmLanguage.json', 'images/icon.png', 'images/walkthrough/lint.md', 'LICENSE.txt']) {
      assert.ok(existsSync(path.join(installed, f)), `${f} is in the package`);
    }
    for (const f of ['node_modules', 'server/src', 'client/src', 'test', '.cache']) {
      assert.ok(!existsSync(path.join(installed, f)), `${f} is not in the package`);
    }
  });

  test('extension-host tests pass (test/e2e/vscode-tests through the vscode API)', { timeout: 240_000 }, async (t) => {
    if (skipIfUnavailable(t)) return;
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      const ws = workspaceCopy('ws-host');
      await page.goto(
        workbenchUrl(server!.url, ws, {
          extensionDevelopmentPath: path.join(extensionsDir, extensionFolder),
          extensionTestsPath: path.join(root, 'test/e2e/vscode-tests/index.js'),
        }),
      );
      type HostResult = { done: boolean; passed: string[]; failed: { title: string; error: string }[] };
      const read = (): HostResult | undefined => (existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined);
      const result = await until('the extension-host tests to finish', (): HostResult | undefined => {
        const r = read();
        return r?.done ? r : undefined;
      }, 180_000).catch(async (e: Error) => {
        await shot(page, '00-extension-host-timeout');
        const partial = read();
        throw new Error(`${e.message}\n${partial ? `started; so far: ${JSON.stringify(partial, null, 2)}` : 'the tests never started'}\n--- extension host log ---\n${extensionHostLog()}`);
      });
      await shot(page, '00-extension-host');
      for (const p of result.passed) t.diagnostic(`passed in the extension host: ${p}`);
      assert.deepEqual(result.failed, [], 'no extension-host test failed');
      assert.ok(result.passed.length >= 6, `extension-host tests ran (${result.passed.length} passed)`);
    } finally {
      await page.close();
    }
  });

  describe('workbench UI', () => {
    let page: Page;

    before(async () => {
      if (unavailable) return;
      page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
      await openWorkbench(page, workbenchUrl(server!.url, path.join(tmp, 'ws-ui')));
      await shot(page, '01-workbench');
    });

    test('squiggle, Problems entry and status bar count for no-empty-check-in', { timeout: 90_000 }, async (t) => {
      if (skipIfUnavailable(t)) return;
      await openFile(page, 'follow-up.md');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 60_000 });
      await runCommand(page, 'View: Focus Problems');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'no-empty-check-in' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      const status = page.locator('.statusbar-item', { hasText: /\d+ · (\d+|–)/ });
      await status.first().waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await status.first().innerText(), /[1-9]\d* ·/);
      await shot(page, '02-squiggle-problems-status');
    });

    test('hover shows the rationale', { timeout: 60_000 }, async (t) => {
      if (skipIfUnavailable(t)) return;
      await openFile(page, 'follow-up.md');
      await goTo(page, 8, 3);
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover', { hasText: /no-empty-check-in|reason to reply/ }).first();
      await hover.waitFor({ state: 'visible', timeout: 30_000 });
      assert.ok((await hover.innerText()).length > 40);
      await shot(page, '03-hover');
      await page.keyboard.press('Escape');
    });

    test('Quick Fix lists value-led rewrites and applies one', { timeout: 90_000 }, async (t) => {
      if (skipIfUnavailable(t)) return;
      await openFile(page, 'follow-up.md');
      await goTo(page, 8, 3);
      const menu = page.locator('.action-widget');
      // Code actions can be empty right after the diagnostics appear: reopen until the rewrites are listed.
      const rows = await until(
        'Quick Fix menu with two rewrites',
        async () => {
          await page.keyboard.press('Control+.');
          await menu.waitFor({ state: 'visible', timeout: 5_000 });
          const n = await menu.locator('.monaco-list-row', { hasText: /^Rewrite|Rewrite:/ }).count();
          if (n >= 2) return n;
          await page.keyboard.press('Escape');
          return 0;
        },
        60_000,
      );
      assert.ok(rows >= 2, `${rows} rewrites listed`);
      await shot(page, '04-quick-fix-menu');
      // The first row is focused; the menu rows are covered by an overlay, so press Enter instead of clicking.
      await page.keyboard.press('Enter');
      await until('the rewrite in the text', async () => !(await editorText(page)).includes('Just checking in on my last email'));
      await shot(page, '05-rewrite-applied');
      await page.keyboard.press('Escape'); // leave snippet mode
    });

    test('"Playbook Lint: Fix all in file" applies the safe fixes', { timeout: 60_000 }, async (t) => {
      if (skipIfUnavailable(t)) return;
      await openFile(page, 'fix-all.md');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 60_000 });
      await runCommand(page, 'Playbook Lint: Fix all in file');
      await until('the buzzwords replaced', async () => (await editorText(page)).includes('We can use the freight benchmark to cut'));
      // Deleting words (the apology, the check-in) is a rewrite for the writer, never applied in bulk.
      assert.match(await editorText(page), /Just checking in/);
      assert.match(await editorText(page), /Sorry to bother you/);
      await shot(page, '06-fix-all');
    });

    test('fix-on-save applies the safe fixes', { timeout: 60_000 }, async (t) => {
      if (skipIfUnavailable(t)) return;
      // editor.codeActionsOnSave {"source.fixAll.playbookLint": "explicit"} is in the user settings from the start.
      await openFile(page, 'save-me.md');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n');
      await page.keyboard.press('Control+S');
      await until('the buzzwords replaced on save', async () => (await editorText(page)).includes('We can use the freight benchmark to cut'));
      await shot(page, '07-fix-on-save');
    });

    test('a broken .playbooklintrc.json gets an error diagnostic; the playbook is still linted', { timeout: 60_000 }, async (t) => {
      if (skipIfUnavailable(t)) return;
      await openFile(page, 'broken-config/playbook.md');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 60_000 });
      await runCommand(page, 'View: Focus Problems');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'no-such-rule' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: '.playbooklintrc.json' }).first().waitFor({ state: 'visible' });
      await shot(page, '08-broken-config');
    });
  });
});
