/**
 * A folder named on the command line that yields nothing to lint is reported
 * and fails the run (exit 2): empty, holding no Markdown, or unreadable.
 */
import assert from 'node:assert/strict';
import fs, { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { runMain } from './run-main';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pbl-named-folders-'));
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'p.md'), '# Call\n\nRep: just checking in.\n');
  writeFileSync(join(dir, 'ok.md'), '# Notes\n');
});
after(() => {
  chmodSync(join(dir, 'locked'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('named folders', () => {
  it('an empty folder is reported, the other paths still linted, exit 2', async () => {
    const r = await runMain(['empty', 'ok.md'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'playbook-lint: empty: this folder holds no Markdown files (.md, .markdown) that are not ignored.\n');
    assert.match(r.stdout, /1 file checked/);
  });

  it('a folder that cannot be read is reported with the reason, exit 2', async (t) => {
    if (process.getuid?.() === 0) {
      // Root reads any folder whatever its mode: make readdir fail the way it does for other users.
      const real = fs.readdirSync;
      const locked = join(dir, 'locked');
      mock.method(fs, 'readdirSync', (...args: Parameters<typeof fs.readdirSync>) => {
        if (args[0] === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), { code: 'EACCES' });
        return real(...args);
      });
      t.after(() => mock.restoreAll());
    } else {
      chmodSync(join(dir, 'locked'), 0o000);
    }
    const r = await runMain(['locked', 'ok.md'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'playbook-lint: locked: cannot read this folder (EACCES); check its permissions.\n');
    assert.match(r.stdout, /1 file checked/);
  });
});
