/**
 * Restricted Mode in the config pipeline (resolveConfig's `restricted`): the
 * workspace's team rules and custom pattern settings are not loaded, from a
 * config file, editor settings or a playbook's front matter; data-only
 * settings still apply. Trusted resolution is unchanged (same config key).
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, configKey, fileSettings, lintText, resolveConfig, type ConfigHost } from '../../server/src/engine';

function memoryHost(files: Record<string, string>): ConfigHost {
  return { readFile: (p) => files[p], dirname: posix.dirname, join: posix.join, relative: posix.relative };
}

const CONFIG = [
  'extends: ./team/base.yaml',
  'rules:',
  '  no-empty-check-in: error',
  '  single-clear-cta:',
  '    severity: warning',
  '    options:',
  '      exemptHeadings: "^(?:a+a+)+b$"',
  'overrides:',
  '  - files: ["drafts/**"]',
  '    rules: { no-empty-check-in: "off" }',
  'customRules:',
  '  - id: team/no-synergy',
  '    message: "Say what changes for the buyer instead of {match}."',
  '    patterns: ["synergy"]',
  '',
].join('\n');
const BASE = 'customRules:\n  - id: team/no-leverage\n    message: "Plain words instead of {match}."\n    patterns: ["leverage"]\n';
const host = memoryHost({ '/w/.playbooklintrc.yaml': CONFIG, '/w/team/base.yaml': BASE });
const DEFAULT_EXEMPT = BUILTIN_RULES.find((r) => r.id === 'single-clear-cta')!.options!.exemptHeadings;

describe('restricted config (untrusted workspace)', () => {
  it('loads no team rule and no custom pattern, keeps the data-only settings, and lists what it left out', () => {
    const r = resolveConfig('/w/p.md', host, BUILTIN_RULES, undefined, undefined, { restricted: true });
    assert.deepEqual(r.effective.customRules, []);
    assert.equal(r.effective.restricted, true);
    assert.deepEqual(r.withheld, { teamRules: ['team/no-leverage', 'team/no-synergy'], patternOptions: ['single-clear-cta/options/exemptHeadings'] });
    assert.equal(r.effective.rules['no-empty-check-in'].severity, 'error', 'severities apply');
    assert.equal(r.effective.rules['single-clear-cta'].severity, 'warning');
    assert.equal(r.effective.rules['single-clear-cta'].options.exemptHeadings, undefined, 'the pattern is back to the default');
    assert.deepEqual(r.errors, []);
    assert.equal(resolveConfig('/w/drafts/p.md', host, BUILTIN_RULES, undefined, undefined, { restricted: true }).effective.rules['no-empty-check-in'].severity, 'off', 'overrides apply');
    const text = '# Call\n\nRep: Just checking in to leverage our synergy.\n';
    const ids = lintText(text, { rules: BUILTIN_RULES, config: r.effective }).findings.map((f) => f.ruleId);
    assert.ok(ids.includes('no-empty-check-in'));
    assert.ok(!ids.some((id) => id.startsWith('team/')), ids.join(', '));
  });

  it('a pattern in the editor settings (a workspace .vscode/settings.json reaches the server as settings) is left out too', () => {
    const r = resolveConfig('/x/p.md', memoryHost({}), BUILTIN_RULES, { 'single-clear-cta': { options: { exemptHeadings: 'x' } } }, undefined, { restricted: true });
    assert.deepEqual(r.withheld?.patternOptions, ['single-clear-cta/options/exemptHeadings']);
    assert.equal(r.effective.rules['single-clear-cta'].options.exemptHeadings, undefined);
  });

  it('a playbook\'s front matter cannot bring a pattern while restricted, and can when trusted', () => {
    const text = '---\nplaybook-lint:\n  single-clear-cta:\n    options:\n      exemptHeadings: "^Recap$"\n---\n# Recap\n\nHi Sam, can we talk Tuesday? Can you send the deck?\n';
    const restricted = resolveConfig('/x/p.md', memoryHost({}), BUILTIN_RULES, undefined, undefined, { restricted: true });
    const inRestricted = fileSettings(text, { rules: BUILTIN_RULES, config: restricted.effective });
    assert.equal(inRestricted.rules['single-clear-cta'].options.exemptHeadings, DEFAULT_EXEMPT);
    const trusted = resolveConfig('/x/p.md', memoryHost({}), BUILTIN_RULES);
    assert.equal(fileSettings(text, { rules: BUILTIN_RULES, config: trusted.effective }).rules['single-clear-cta'].options.exemptHeadings, '^Recap$');
  });

  it('trusted resolution loads everything and its config key is what it was before Restricted Mode existed', () => {
    const r = resolveConfig('/w/p.md', host, BUILTIN_RULES);
    assert.deepEqual(r.effective.customRules.map((c) => c.id), ['team/no-leverage', 'team/no-synergy']);
    assert.equal(r.effective.rules['single-clear-cta'].options.exemptHeadings, '^(?:a+a+)+b$');
    assert.equal(r.withheld, undefined);
    assert.equal('restricted' in r.effective, false);
    assert.doesNotMatch(configKey(r.effective), /restricted/);
    assert.notEqual(configKey(r.effective), configKey(resolveConfig('/w/p.md', host, BUILTIN_RULES, undefined, undefined, { restricted: true }).effective));
  });
});
