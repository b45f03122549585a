import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

test('TextMate injection grammar passes its syntax tests (npm run test:grammar)', () => {
  const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist/unit.js');
  const r = spawnSync(process.execPath, [cli, '--compact', '--config', 'test/grammar/grammars.json', 'test/grammar/*.test.md'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  // The Markdown grammar embeds dozens of languages this test does not load.
  const stderr = r.stderr.split('\n').filter((l) => l && !l.startsWith('grammar not found')).join('\n');
  assert.equal(r.status, 0, `${r.stdout}\n${stderr}`);
  assert.match(r.stdout, /speakers\.test\.md/);
});

test('package.json injects the grammar into Markdown', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes/playbook.injection.tmLanguage.json'), 'utf8'));
  const entry = pkg.contributes.grammars.find((g: { path: string }) => g.path.endsWith('playbook.injection.tmLanguage.json'));
  assert.ok(entry, 'contributes.grammars lists the injection grammar');
  assert.deepEqual(entry.injectTo, ['text.html.markdown']);
  assert.equal(entry.scopeName, grammar.scopeName);
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
});
