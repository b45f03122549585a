/**
 * The .vsix holds only what the extension uses, no bundle points at a missing
 * source map, and the marketplace shows the README written for users.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { ROOT, ensureBuilt } from '../protocol/lsp-harness';

/** Entries of a zip file, read from its central directory (stored or deflated). */
function readZip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

let tmp = '';
let entries = new Map<string, Buffer>();

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'pbl-vsix-'));
  const out = join(tmp, 'playbook-lint.vsix');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-vsix.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  entries = readZip(readFileSync(out));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('.vsix', () => {
  it('holds the extension, its server bundles, grammar, schema, icon and walkthrough only', () => {
    assert.deepEqual([...entries.keys()].filter((n) => n.startsWith('extension/')).sort(), [
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/client.js',
      'extension/dist/config-validator.js',
      'extension/dist/server.js',
      'extension/dist/team-pattern.js',
      'extension/images/icon.png',
      'extension/images/walkthrough/configure.md',
      'extension/images/walkthrough/fix.md',
      'extension/images/walkthrough/lint.md',
      'extension/package.json',
      'extension/readme.md',
      'extension/schemas/playbooklintrc.schema.json',
      'extension/syntaxes/playbook.injection.tmLanguage.json',
    ]);
  });

  it('has no bundle pointing at a source map', () => {
    for (const [name, data] of entries) if (name.endsWith('.js')) assert.doesNotMatch(data.toString('utf8'), /sourceMappingURL/, name);
  });

  it('shows the marketplace README written for users, not the developer README', () => {
    const readme = entries.get('extension/readme.md')!.toString('utf8');
    assert.equal(readme, readFileSync(join(ROOT, 'docs', 'marketplace', 'README.md'), 'utf8'));
    assert.doesNotMatch(readme, /npm install|npm test|server\/src|bench/);
  });

  it('keeps the manifest the extension needs and drops the npm-only fields', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    assert.equal(manifest.main, './dist/client.js');
    assert.ok(manifest.contributes.configuration);
    assert.equal(manifest.bin, undefined);
    assert.equal(manifest.devDependencies, undefined);
  });
});
