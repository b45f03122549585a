// `npm run test:vscode`: the same extension-host suite (test/e2e/vscode-tests)
// in a downloaded VS Code through @vscode/test-electron. Needs the internet
// (VS Code's update server); offline machines use `npm run test:e2e`.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pbl-vscode-'));
const workspace = path.join(tmp, 'ws');
cpSync(path.join(root, 'examples'), workspace, { recursive: true });
cpSync(path.join(root, 'test/e2e/fixtures'), workspace, { recursive: true });

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/e2e/vscode-tests/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user-data')],
    extensionTestsEnv: { PLAYBOOK_LINT_E2E_RESULT: path.join(tmp, 'extension-host-result.json') },
  });
} catch (err) {
  console.error(`VS Code extension tests failed: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
