/**
 * docs/rules.md is generated from server/rules/*.yaml; it must be in sync, must
 * have an anchor for every rule (diagnostics link to `docs/rules.md#<id>`) and
 * must document the playbook score.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, ruleDocsUrl, ruleFixability, scoreDocument } from '../../server/src/engine';
// @ts-expect-error plain ES module without types
import { DOCS_FILE, fixability, renderRulesDoc } from '../../scripts/generate-rules-docs.mjs';

describe('docs/rules.md', () => {
  const doc = readFileSync(DOCS_FILE as string, 'utf8');

  it('is in sync with the rule data (run `node scripts/generate-rules-docs.mjs`)', () => {
    assert.equal(doc, (renderRulesDoc as () => string)());
  });

  it('has an anchor, message and sources for every built-in rule', () => {
    for (const rule of BUILTIN_RULES) {
      assert.ok(doc.includes(`<a id="${rule.id}"></a>`), `anchor for ${rule.id}`);
      assert.ok(doc.includes(`## ${rule.id}\n`), `heading for ${rule.id}`);
      assert.ok(ruleDocsUrl(rule.id).endsWith(`docs/rules.md#${rule.id}`));
      for (const s of rule.sources) if (s.url) assert.ok(doc.includes(s.url), `${rule.id} cites ${s.url}`);
    }
  });

  it('says how each rule can be fixed, as the engine does (`--list-rules`)', () => {
    for (const rule of BUILTIN_RULES) assert.equal((fixability as (r: unknown) => string)(rule), ruleFixability(rule), rule.id);
    assert.ok(BUILTIN_RULES.some((r) => ruleFixability(r) === 'safe fix') && BUILTIN_RULES.some((r) => ruleFixability(r) === 'rewrite') && BUILTIN_RULES.some((r) => ruleFixability(r) === 'none'));
  });

  it('cites every source as "Title — Author" and never shows research file names', () => {
    for (const rule of BUILTIN_RULES) {
      for (const s of rule.sources) {
        assert.ok(s.author, `${rule.id}: ${s.title} has an author`);
        assert.ok(doc.includes(`${s.title} — ${s.author}`), `${rule.id} cites ${s.title} — ${s.author}`);
      }
    }
    assert.doesNotMatch(doc, /\bseed\b|\d{3}_[0-9a-f]{16}\.txt/);
  });

  it('documents the playbook score formula', () => {
    assert.match(doc, /## Playbook score/);
    assert.match(doc, /e\^\(−density \/ 10\)/);
    // The documented examples, computed: one warning in 100 words scores 82, one in 500 scores 96.
    const f = (severity: 'error' | 'warning' | 'info' | 'hint') => ({ ruleId: 'x', severity, message: '', start: 0, end: 0, fixes: [] });
    assert.equal(scoreDocument([f('warning')], 100), 82);
    assert.equal(scoreDocument([f('warning')], 500), 96);
    assert.equal(scoreDocument([f('error')], 100), Math.round(100 * Math.exp(-0.4)), 'an error weighs 4');
    assert.equal(scoreDocument([f('info')], 100), Math.round(100 * Math.exp(-0.1)), 'information weighs 1');
    assert.equal(scoreDocument([f('hint')], 100), 100, 'hints do not count');
  });
});
