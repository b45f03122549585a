// The test files under test/, sorted: unit suites (`*.test.ts`, everything but
// test/e2e) and the editor end-to-end suite (`test/e2e/*.e2e.ts`). Filters keep
// the files whose path contains one of them.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export function testFiles(root, filters = []) {
  const unit = [];
  const e2e = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (e.name.endsWith('.e2e.ts')) e2e.push(relative(root, p));
      else if (e.name.endsWith('.test.ts') && !relative(root, p).startsWith(join('test', 'e2e'))) unit.push(relative(root, p));
    }
  };
  walk(join(root, 'test'));
  const keep = (f) => filters.length === 0 || filters.some((x) => f.includes(x));
  return { unit: unit.sort().filter(keep), e2e: e2e.sort().filter(keep) };
}
