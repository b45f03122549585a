// Extension-host test entry (extensionTestsPath): runs the Mocha suite inside
// the real extension host. Loaded by code-server through the workbench URL
// payload (npm run test:e2e) and by @vscode/test-electron (npm run test:vscode).
// Writes a JSON summary to $PLAYBOOK_LINT_E2E_RESULT when set.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = async function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  const result = { passed: [], failed: [], pending: [], done: false };
  const write = () => {
    if (process.env.PLAYBOOK_LINT_E2E_RESULT) fs.writeFileSync(process.env.PLAYBOOK_LINT_E2E_RESULT, JSON.stringify(result, null, 2));
  };
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
