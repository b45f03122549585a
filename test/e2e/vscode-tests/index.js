// Extension-host test entry (extensionTestsPath): runs the Mocha suite inside
// the real extension host. Loaded by code-server through the workbench URL
// payload (npm run test:e2e) and by @vscode/test-electron (npm run test:vscode).
// Writes a JSON summary to $PLAYBOOK_LINT_E2E_RESULT, or else next to the
// workspace folder as extension-host-result.json (code-server does not pass its
// own environment to the extension host).
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

function resultPath() {
  if (process.env.PLAYBOOK_LINT_E2E_RESULT) return process.env.PLAYBOOK_LINT_E2E_RESULT;
  const folder = require('vscode').workspace.workspaceFolders?.[0];
  return folder ? path.join(path.dirname(folder.uri.fsPath), 'extension-host-result.json') : undefined;
}

exports.run = async function run() {
  const out = resultPath();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  const result = { passed: [], failed: [], pending: [], done: false };
  const write = () => {
    if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
  };
  write();
  const failures = await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => result.passed.push(t.fullTitle()));
    runner.on('pending', (t) => result.pending.push(t.fullTitle()));
    runner.on('fail', (t, err) => result.failed.push({ title: t.fullTitle(), error: String((err && err.stack) || err) }));
  });
  result.done = true;
  write();
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
};
