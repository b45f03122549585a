// Bundles the three entry points. unified/remark are ESM-only; bundling them
// into CommonJS lets VS Code's extension host and plain `node` load them.
import { build, context } from 'esbuild';
import { chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  legalComments: 'none',
};
// The team-pattern safety check (refa, scslre, regexpp: 1.4 MB, half of the
// server bundle) is only needed when a config has team rules. It is its own
// bundle, dist/pattern-safety.js, which engine/kinds/patterns.ts requires on
// first use; the server and CLI bundles keep that require as a relative one,
// resolved next to them at run time. (esbuild splits only ESM output.)
const lazyPatternSafety = {
  name: 'lazy-pattern-safety',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/pattern-safety$/ }, (args) =>
      args.kind === 'require-call' && args.importer.endsWith('patterns.ts') ? { path: './pattern-safety.js', external: true } : undefined,
    );
  },
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyPatternSafety] },
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyPatternSafety] },
  { entryPoints: ['server/src/engine/pattern-safety.ts'], outfile: 'dist/pattern-safety.js' },
];

if (watch) {
  for (const e of entries) await (await context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
  for (const f of ['dist/server.js', 'dist/cli.js']) chmodSync(f, 0o755);
}
