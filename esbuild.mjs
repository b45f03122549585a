// Bundles the three entry points. unified/remark are ESM-only; bundling them
// into CommonJS lets VS Code's extension host and plain `node` load them.
import { build, context } from 'esbuild';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// --release (npm pack, the .vsix): no source maps, so no bundle points at a
// map the package does not ship. Development builds keep linked maps.
const release = process.argv.includes('--release');
// V8 keeps a script's source in memory, two bytes per character if any
// character is beyond Latin-1. esbuild escapes such characters in code but
// copies comments as they are, so one curly quote in a dependency's comment
// doubled the server's 1.4 MB of source in memory. Each UTF-16 unit above
// ASCII becomes a \uXXXX escape: the same value in strings, regexes and
// identifiers, and plain text in comments.
const asciiOutput = {
  name: 'ascii-output',
  setup(b) {
    b.onEnd((result) => {
      if (result.errors.length) return;
      const file = b.initialOptions.outfile;
      const text = readFileSync(file, 'utf8');
      if (/[^\0-\x7f]/.test(text)) writeFileSync(file, text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};
const common = {
  bundle: true,
  plugins: [asciiOutput],
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !release,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  legalComments: 'none',
};
// Code most sessions never run is bundled on its own and required on first use:
// the team-pattern matcher (re2js, regexpp and refa's Unicode tables), needed
// only when a config has team rules, and Ajv (250 KB),
// needed only when a config file or front-matter config is read. The server and
// CLI bundles keep those requires as relative ones, resolved next to them at
// run time. (esbuild splits code only for ESM output.)
const LAZY = [
  { entry: 'server/src/engine/rules/kinds/team-pattern.ts', request: './team-pattern', importer: '/engine/rules/kinds/patterns.ts', outfile: 'dist/team-pattern.js' },
  { entry: 'server/src/engine/config/config-validator.ts', request: './config-validator', importer: '/engine/config/config.ts', outfile: 'dist/config-validator.js' },
];
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const lazy = LAZY.find((l) => args.kind === 'require-call' && args.path === l.request && args.importer.replaceAll('\\', '/').endsWith(l.importer));
      return lazy ? { path: `./${lazy.outfile.slice('dist/'.length)}`, external: true } : undefined;
    });
  },
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyModules, asciiOutput] },
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyModules, asciiOutput] },
  ...LAZY.map((l) => ({ entryPoints: [l.entry], outfile: l.outfile })),
];

if (watch) {
  for (const e of entries) await (await context({ ...common, ...e })).watch();
} else {
  if (release && existsSync('dist')) for (const f of readdirSync('dist', { withFileTypes: true })) if (f.name.endsWith('.map')) rmSync(`dist/${f.name}`);
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
  for (const f of ['dist/server.js', 'dist/cli.js']) chmodSync(f, 0o755);
}
