/**
 * `--fix` changes the fixed words and nothing else about a file: bytes that
 * are not UTF-8 are never written back, a BOM and CRLF line endings survive
 * byte for byte, a symbolic link stays a link (its target is fixed when it is
 * inside the folder, else the file is skipped with a message), and the file
 * keeps its mode, owner and hard links.
 */
import assert from 'node:assert/strict';
import fs, { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { runMain } from './run-main';

/** A follow-up with two safe fixes on one line ("leverage" → "use", "in order to" → "to"). */
const LINES = ['# Follow-up email', '', 'Hi {{first_name}},', '', 'We can leverage the benchmark in order to cut freight costs by 12% this quarter.', '', 'Best,', 'Alex', ''];
const FIXED_LINE = 'We can use the benchmark to cut freight costs by 12% this quarter.';
const playbook = (eol = '\n') => LINES.join(eol);
const fixedPlaybook = (eol = '\n') => LINES.map((l) => (l.startsWith('We can') ? FIXED_LINE : l)).join(eol);

let root: string;
let project: string;
let n = 0;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'pbl-fix-preserves-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A fresh project folder per test. */
function fresh(): string {
  project = join(root, `p${n++}`);
  mkdirSync(project);
  return project;
}

describe('--fix preserves what it does not fix', () => {
  it('a BOM and CRLF line endings survive byte for byte; only the fixed words change', async () => {
    const d = fresh();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    writeFileSync(join(d, 'p.md'), Buffer.concat([bom, Buffer.from(playbook('\r\n'))]));
    const r = await runMain(['--fix', 'p.md'], d);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const written = readFileSync(join(d, 'p.md'));
    assert.deepEqual(written, Buffer.concat([bom, Buffer.from(fixedPlaybook('\r\n'))]));
    assert.equal(written.toString('latin1').split('\r\n').length, LINES.length, 'every line still ends in CRLF');
    assert.doesNotMatch(written.toString('latin1'), /[^\r]\n/, 'no bare LF');
  });

  it('a file that is not UTF-8 is reported and never written (nor shown as a dry-run diff); exit 2', async () => {
    const d = fresh();
    // "Café" in Latin-1 (0xE9) on a line without findings, and a fixable line.
    const latin1 = Buffer.concat([Buffer.from('# Follow-up email\n\nMeeting at the Caf'), Buffer.from([0xe9]), Buffer.from(` on Friday.\n\n${playbook().split('\n').slice(4).join('\n')}`)]);
    writeFileSync(join(d, 'p.md'), latin1);
    const before = statSync(join(d, 'p.md'));
    const r = await runMain(['--fix', 'p.md'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^p\.md: Not changed: the file is not UTF-8 text \(some bytes are in another encoding\), so --fix leaves it as it is; save it as UTF-8 to fix it\.$/m);
    assert.deepEqual(readFileSync(join(d, 'p.md')), latin1);
    assert.equal(statSync(join(d, 'p.md')).ino, before.ino);
    assert.match(r.stdout, /buzzword-jargon/, 'still linted and reported');
    const dry = await runMain(['--fix-dry-run', 'p.md'], d);
    assert.equal(dry.code, 2);
    assert.equal(dry.stdout, '', 'no diff for a file --fix would not write');
    assert.match(dry.stderr, /p\.md: Not changed: the file is not UTF-8 text/);
  });

  it('a file that is not UTF-8 but has nothing to fix gets no message', async () => {
    const d = fresh();
    writeFileSync(join(d, 'p.md'), Buffer.concat([Buffer.from('# Notes\n\nMeeting at the Caf'), Buffer.from([0xe9]), Buffer.from('.\n')]));
    const r = await runMain(['--fix', 'p.md'], d);
    assert.doesNotMatch(r.stderr, /Not changed/, 'nothing to fix, nothing to say');
  });

  it('a symbolic link to a playbook inside the folder: the target is fixed, the link stays a link', async () => {
    const d = fresh();
    mkdirSync(join(d, 'shared'));
    writeFileSync(join(d, 'shared', 'target.md'), playbook());
    symlinkSync(join('shared', 'target.md'), join(d, 'link.md'));
    const r = await runMain(['--fix', 'link.md'], d);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.ok(lstatSync(join(d, 'link.md')).isSymbolicLink(), 'still a link');
    assert.equal(readlinkSync(join(d, 'link.md')), join('shared', 'target.md'));
    assert.equal(readFileSync(join(d, 'shared', 'target.md'), 'utf8'), fixedPlaybook());
    assert.deepEqual(readdirSync(join(d, 'shared')), ['target.md'], 'no temp file left');
  });

  it('a symbolic link to a file outside the folder is skipped with a message; link and target untouched', async () => {
    const d = fresh();
    const outside = mkdtempSync(join(root, 'outside-'));
    writeFileSync(join(outside, 'target.md'), playbook());
    symlinkSync(join(outside, 'target.md'), join(d, 'link.md'));
    const r = await runMain(['--fix', 'link.md'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^link\.md: Not changed: the file is a symbolic link to a file outside this folder; run --fix where that file lives\.$/m);
    assert.ok(lstatSync(join(d, 'link.md')).isSymbolicLink());
    assert.equal(readFileSync(join(outside, 'target.md'), 'utf8'), playbook());
  });

  it('a hard-linked file is written in place: same inode, every name sees the fix, link count kept', async () => {
    const d = fresh();
    writeFileSync(join(d, 'a.md'), playbook());
    linkSync(join(d, 'a.md'), join(d, 'b.md'));
    const ino = statSync(join(d, 'a.md')).ino;
    const r = await runMain(['--fix', 'a.md'], d);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const a = statSync(join(d, 'a.md'));
    assert.equal(a.ino, ino, 'same file, not a replacement');
    assert.equal(a.nlink, 2);
    assert.equal(statSync(join(d, 'b.md')).ino, ino);
    assert.equal(readFileSync(join(d, 'b.md'), 'utf8'), fixedPlaybook());
    assert.deepEqual(readdirSync(d).sort(), ['a.md', 'b.md'], 'no temp file left');
  });

  it('keeps the file mode exactly (umask or not), and the owner where the user may set it', async () => {
    const d = fresh();
    const file = join(d, 'p.md');
    writeFileSync(file, playbook());
    chmodSync(file, 0o640);
    const root = process.getuid?.() === 0;
    // Root may give a file away: then the owner must come back exactly.
    if (root) chownSync(file, 4321, 4322);
    const before = statSync(file);
    const r = await runMain(['--fix', 'p.md'], d);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const now = statSync(file);
    assert.equal(readFileSync(file, 'utf8'), fixedPlaybook());
    assert.notEqual(now.ino, before.ino, 'a single-name file is replaced atomically (rename)');
    assert.equal(now.mode & 0o7777, 0o640);
    assert.equal(now.uid, before.uid);
    assert.equal(now.gid, before.gid);
    if (root) assert.deepEqual([now.uid, now.gid], [4321, 4322]);

    writeFileSync(file, playbook());
    chmodSync(file, 0o666);
    await runMain(['--fix', 'p.md'], d);
    assert.equal(readFileSync(file, 'utf8'), fixedPlaybook());
    assert.equal(statSync(file).mode & 0o7777, 0o666, 'a mode the umask would strip (writable by all) is kept too');
  });

  it('a write that fails (read-only disk) leaves the file as it was, says why, and leaves no temp file', async (t) => {
    const d = fresh();
    writeFileSync(join(d, 'p.md'), playbook());
    mock.method(fs, 'renameSync', () => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    });
    t.after(() => mock.restoreAll());
    const r = await runMain(['--fix', 'p.md'], d);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^p\.md: Not changed: the fixed file could not be written \(EROFS\); check that it and its folder are writable\.$/m);
    assert.equal(readFileSync(join(d, 'p.md'), 'utf8'), playbook());
    assert.deepEqual(readdirSync(d), ['p.md']);
    assert.match(r.stdout, /buzzword-jargon/, 'the findings are still reported');
  });
});
