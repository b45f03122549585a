import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, lintText, resolveConfig, type ConfigHost } from '../../server/src/engine';

function memoryHost(files: Record<string, string>): ConfigHost {
  return {
    readFile: (p) => files[p],
    dirname: posix.dirname,
    join: posix.join,
    relative: posix.relative,
  };
}

describe('resolveConfig', () => {
  it('finds the nearest config upward and applies rule settings', () => {
    const host = memoryHost({ '/w/.playbooklintrc.json': '{"rules":{"no-empty-check-in":"error"}}' });
    const r = resolveConfig('/w/a/b/play.md', host, BUILTIN_RULES);
    assert.equal(r.configPath, '/w/.playbooklintrc.json');
    assert.deepEqual(r.errors, []);
    assert.equal(r.effective.rules['no-empty-check-in'].severity, 'error');
  });

  it('follows extends (preset and file), then overrides by glob, then extra settings', () => {
    const host = memoryHost({
      '/w/base.yaml': 'rules:\n  no-apology-for-contact: info\n',
      '/w/.playbooklintrc.yaml': 'extends: [strict, ./base.yaml]\noverrides:\n  - files: "emails/**"\n    rules:\n      no-empty-check-in: error\n',
    });
    const email = resolveConfig('/w/emails/day3.md', host, BUILTIN_RULES);
    assert.equal(email.effective.rules['no-apology-for-contact'].severity, 'info');
    assert.equal(email.effective.rules['no-empty-check-in'].severity, 'error');
    const call = resolveConfig('/w/calls/cold.md', host, BUILTIN_RULES, { 'no-empty-check-in': 'off' });
    assert.equal(call.effective.rules['no-empty-check-in'].severity, 'off');
    assert.deepEqual(call.files, ['/w/.playbooklintrc.yaml', '/w/base.yaml']);
  });

  it('marks files matched by ignorePatterns', () => {
    const host = memoryHost({ '/w/.playbooklintrc.json': '{"ignorePatterns":["drafts/**"]}' });
    assert.equal(resolveConfig('/w/drafts/x.md', host, BUILTIN_RULES).ignored, true);
    assert.equal(resolveConfig('/w/final/x.md', host, BUILTIN_RULES).ignored, false);
  });

  it('reports broken JSON with a position and keeps the defaults', () => {
    const text = '{"rules": {"no-empty-check-in": "error",}}';
    const r = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.json': text }), BUILTIN_RULES);
    assert.equal(r.errors.length > 0, true);
    assert.match(r.errors[0].message, /Invalid JSON/);
    assert.equal(typeof r.errors[0].start, 'number');
    assert.equal(r.effective.rules['no-empty-check-in'].severity, 'warning');
  });

  it('names the key and its range for unknown rules, bad severities and bad patterns; valid parts still apply', () => {
    const text = [
      'rules:',
      '  no-such-rule: warning',
      '  no-apology-for-contact: { severity: loud }',
      '  no-empty-check-in: error',
      'customRules:',
      '  - id: team/ahead',
      '    message: ahead',
      '    patterns: ["leverage(?= our)"]',
      '  - id: team/synergy',
      '    message: "{match} is jargon; say what changes for the buyer."',
      '    patterns: ["synerg(?:y|ies)"]',
      '',
    ].join('\n');
    const r = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.yaml': text }), BUILTIN_RULES);
    const byKey = new Map(r.errors.map((e) => [e.key, e]));
    const unknown = byKey.get('rules/no-such-rule')!;
    assert.equal(text.slice(unknown.start, unknown.end), 'no-such-rule');
    const sev = byKey.get('rules/no-apology-for-contact/severity')!;
    assert.equal(text.slice(sev.start, sev.end), 'loud');
    const ahead = byKey.get('customRules/0/patterns/0')!;
    assert.match(ahead.message, /uses a lookahead/);
    assert.equal(text.slice(ahead.start, ahead.end), '"leverage(?= our)"');
    assert.equal(r.effective.rules['no-empty-check-in'].severity, 'error');
    const result = lintText('## Email\nJust checking in about the synergy.\n', { rules: BUILTIN_RULES, config: r.effective });
    const ours = result.findings.filter((f) => f.ruleId === 'no-empty-check-in' || f.ruleId.startsWith('team/'));
    assert.deepEqual(ours.map((f) => `${f.ruleId}:${f.severity}`), ['no-empty-check-in:error', 'team/synergy:warning']);
  });

  it('reports an extends cycle instead of looping', () => {
    const host = memoryHost({ '/w/.playbooklintrc.yaml': 'extends: ./b.yaml\n', '/w/b.yaml': 'extends: ./.playbooklintrc.yaml\n' });
    const r = resolveConfig('/w/p.md', host, BUILTIN_RULES);
    assert.ok(r.errors.some((e) => /cycle/.test(e.message)));
  });
});

describe('front matter config', () => {
  it('applies the playbook-lint block to this file and reports its errors', () => {
    const text = '---\nplaybook-lint:\n  rules:\n    no-empty-check-in: off\n    no-such-rule: error\n---\n## Email\nJust checking in.\n';
    const r = lintText(text, { rules: BUILTIN_RULES });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'no-empty-check-in'), []);
    assert.ok(r.configErrors.some((e) => e.file === '<front-matter>' && e.key === 'rules/no-such-rule'));
  });

  it('reports every mistake of the block at once, each at its own line and column', () => {
    const text = '---\ntype: email\nplaybook-lint:\n  rules:\n    no-empty-check-in: shouty\n    email-length: { options: { followUpMin: "few" } }\n    no-such-rule: error\n    voicemail-length: { severity: info, colour: red }\n---\n## Email\nJust checking in.\n';
    const r = lintText(text, { rules: BUILTIN_RULES });
    const at = (e: { start?: number }) => {
      const before = text.slice(0, e.start);
      return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
    };
    assert.deepEqual(
      r.configErrors.map((e) => [e.file, at(e), e.key]).sort((a, b) => a[1].localeCompare(b[1], 'en', { numeric: true })),
      [
        ['<front-matter>', '5:24', 'rules/no-empty-check-in'],
        ['<front-matter>', '6:32', 'rules/email-length/options/followUpMin'],
        ['<front-matter>', '7:5', 'rules/no-such-rule'],
        ['<front-matter>', '8:41', 'rules/voicemail-length/colour'],
      ],
    );
  });

  it('reads the block without `rules:` too, placing mistakes on their lines', () => {
    const text = '---\nplaybook-lint:\n  no-empty-check-in: off\n  email-length: loud\n---\n## Email\nJust checking in.\n';
    const r = lintText(text, { rules: BUILTIN_RULES });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'no-empty-check-in'), []);
    assert.deepEqual(r.configErrors.map((e) => [e.key, text.slice(e.start, e.end)]), [['rules/email-length', 'loud']]);
  });

  it('reports invalid YAML front matter with its position', () => {
    const text = '---\ntype: [unclosed\n---\n## Email\nJust checking in.\n';
    const r = lintText(text, { rules: BUILTIN_RULES });
    assert.equal(r.configErrors.length, 1);
    assert.ok(r.configErrors[0].start! >= 4);
  });
});

describe('config validation details', () => {
  it('reports an unknown top-level key next to other errors', () => {
    const text = '{"rules":{"no-empty-check-in":"loud"},"colour":"blue"}';
    const r = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.json': text }), BUILTIN_RULES);
    assert.ok(r.errors.some((e) => e.key === 'colour'));
    assert.ok(r.errors.some((e) => e.key === 'rules/no-empty-check-in'));
  });

  it('reports unknown rule options and names the known ones', () => {
    const text = '{"rules":{"voicemail-length":{"options":{"maxSeconds":25}}}}';
    const r = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.json': text }), BUILTIN_RULES);
    const e = r.errors.find((x) => x.key === 'rules/voicemail-length/options/maxSeconds');
    assert.ok(e, JSON.stringify(r.errors));
    assert.match(e.message, /warnSeconds/);
    assert.equal(text.slice(e.start, e.end), '"maxSeconds"');
  });
});
