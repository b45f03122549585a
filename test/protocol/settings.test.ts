import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';
import { ROOT } from './lsp-harness';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('settings', () => {
  it('package.json declares every server setting with the server default, resource-scoped', () => {
    const props = manifest.contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const p = props[`playbookLint.${key}`];
      assert.ok(p, `playbookLint.${key} missing`);
      assert.deepEqual(p.default, value, `default of playbookLint.${key}`);
      assert.equal(p.scope, 'resource');
    }
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(commands.sort(), ['playbookLint.fixAll', 'playbookLint.lintWorkspace', 'playbookLint.restartServer', 'playbookLint.showOutput']);
  });

  it('normalizes bad values to defaults instead of failing', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const s = normalizeSettings({ enable: 'yes', run: 'sometimes', debounceMs: -5, include: [1], maxFileSize: 10, rules: { 'no-empty-check-in': 'error' } });
    assert.equal(s.enable, true);
    assert.equal(s.run, 'onType');
    assert.equal(s.debounceMs, 300);
    assert.deepEqual(s.include, DEFAULT_SETTINGS.include);
    assert.equal(s.maxFileSize, 10);
    assert.deepEqual(s.rules, { 'no-empty-check-in': 'error' });
    assert.equal(normalizeSettings({ debounceMs: 0 }).debounceMs, 0);
  });
});
