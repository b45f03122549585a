import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './lsp-harness';

describe('package.json playbookLint.rules', () => {
  it('lists every built-in rule with its description and the severities', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const rules = manifest.contributes.configuration.properties['playbookLint.rules'];
    const ids = readdirSync(join(ROOT, 'server', 'rules')).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).map((f) => f.replace(/\.yaml$/, '')).sort();
    assert.deepEqual(Object.keys(rules.properties).sort(), ids);
    for (const [id, p] of Object.entries<any>(rules.properties)) {
      assert.deepEqual(p.enum, ['error', 'warning', 'info', 'hint', 'off'], id);
      assert.equal(p.enumDescriptions.length, 5, id);
      assert.match(p.markdownDescription, new RegExp(`#${id}\\)\\.$`), id);
    }
    assert.deepEqual(rules.default, {});
  });

  it('is what scripts/generate-manifest-rules.mjs writes (run it after changing server/rules)', () => {
    const r = spawnSync(process.execPath, ['scripts/generate-manifest-rules.mjs', '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 0, r.stderr);
  });
});
