#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's test runner (Node 20's --test takes
// no globs). TAP output, so the closing "# pass / # fail" lines are printed.
// Extra arguments filter files by substring: `npm test -- protocol`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const filters = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'e2e') walk(p);
    } else if (e.name.endsWith('.test.ts')) files.push(relative(process.cwd(), p));
  }
};
walk('test');
const chosen = files.sort().filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...chosen], { stdio: 'inherit' });
process.exit(r.status ?? 1);
