/**
 * docs/rules.md is generated from server/rules/*.yaml; it must be in sync, must
 * have an anchor for every rule (diagnostics link to `docs/rules.md#<id>`) and
 * must document the playbook score.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, ruleDocsUrl } from '../../server/src/engine';
// @ts-expect-error plain ES module without types
import { DOCS_FILE, renderRulesDoc } from '../../scripts/generate-rules-docs.mjs';

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

  it('documents the playbook score formula', () => {
    assert.match(doc, /## Playbook score/);
    assert.match(doc, /e\^\(−density \/ 10\)/);
    const score = readFileSync(join(__dirname, '../../server/src/engine/score.ts'), 'utf8');
    assert.match(score, /Math\.exp\(-density \/ 10\)/, 'score.ts still uses the documented formula');
    assert.match(score, /error: 4, warning: 2, info: 1, hint: 0/, 'score.ts still uses the documented weights');
  });
});
