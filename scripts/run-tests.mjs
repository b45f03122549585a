#!/usr/bin/env node
// Runs the unit suites (every test/**/*.test.ts but test/e2e) with node's test
// runner, TAP on stdout (Node 20's --test takes no globs). Extra arguments
// filter files by substring: `node scripts/run-tests.mjs cli`. `npm test`
// (scripts/test.mjs) runs these and the editor end-to-end suite.
import { spawnSync } from 'node:child_process';
import { testFiles } from './test-files.mjs';

const { unit } = testFiles(process.cwd(), process.argv.slice(2));
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...unit], { stdio: 'inherit' });
process.exit(r.status ?? 1);
