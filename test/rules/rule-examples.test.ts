/**
 * Every built-in rule's examples are tests: valid examples give no finding of
 * the rule, invalid ones give exactly the listed findings, and `fixed` is the
 * text after all safe fixes. Each example also satisfies the fixture invariants.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, fixText } from '../../server/src/engine';
import { checkInvariants, configFrom, formatFinding, lint } from '../helpers/findings';

for (const rule of BUILTIN_RULES) {
  describe(`rule ${rule.id}`, () => {
    it('has examples of both kinds', () => {
      assert.ok((rule.examples?.valid ?? []).length > 0, 'at least one valid example');
      assert.ok((rule.examples?.invalid ?? []).length > 0, 'at least one invalid example');
    });
    (rule.examples?.valid ?? []).forEach((ex, i) => {
      it(`valid example ${i + 1}`, () => {
        const config = configFrom(ex.config as never);
        const found = lint(ex.text, config, ex.today).findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(found.map((f) => formatFinding(ex.text, f)), []);
        checkInvariants(ex.text, config, ex.today);
      });
    });
    (rule.examples?.invalid ?? []).forEach((ex, i) => {
      it(`invalid example ${i + 1}`, () => {
        const config = configFrom(ex.config as never);
        const found = lint(ex.text, config, ex.today).findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(found.map((f) => formatFinding(ex.text, f)), ex.findings ?? []);
        if (ex.fixed !== undefined) assert.equal(fixText(ex.text, { rules: BUILTIN_RULES, config, today: ex.today }).text, ex.fixed);
        checkInvariants(ex.text, config, ex.today);
      });
    });
  });
}
