#!/usr/bin/env node
// Packages the VS Code extension (.vsix) from a staging folder holding only
// what the extension runs. package.json's "files" list is the npm package's
// (CLI and language server); vsce refuses a .vscodeignore next to a "files"
// list, so the .vsix gets its own list here, in a copy of the manifest.
//
//   node scripts/package-vsix.mjs [--out <file.vsix>]
//
// Run after a build (`npm run package` builds with --release first). A bundle
// whose source map is not shipped loses its `//# sourceMappingURL=` line, so
// nothing in the .vsix points at a missing file. The marketplace README is
// docs/marketplace/README.md, written for users; README.md is for developers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What the extension uses: the client, the server and the two bundles the server loads on first use. */
export const VSIX_FILES = [
  'dist/client.js',
  'dist/server.js',
  'dist/team-pattern.js',
  'dist/config-validator.js',
  'syntaxes/playbook.injection.tmLanguage.json',
  'schemas/playbooklintrc.schema.json',
  'images/icon.png',
  'images/walkthrough/',
  'CHANGELOG.md',
  'LICENSE',
];

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = resolve(outArg >= 0 ? args[outArg + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`));

const stage = mkdtempSync(join(tmpdir(), 'playbook-lint-vsix-'));
try {
  for (const f of VSIX_FILES) {
    const from = join(root, f);
    if (!existsSync(from)) throw new Error(`${f} is missing; run npm run build first.`);
    cpSync(from, join(stage, f), { recursive: true });
  }
  for (const f of VSIX_FILES.filter((x) => x.endsWith('.js'))) {
    const p = join(stage, f);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  }
  cpSync(join(root, 'docs/marketplace/README.md'), join(stage, 'README.md'));
  const { files: _npmFiles, scripts: _scripts, devDependencies: _dev, bin: _bin, ...manifest } = pkg;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify({ ...manifest, files: [...VSIX_FILES, 'README.md'] }, null, 2)}\n`);
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
