/**
 * Issue 17, part 2: time and memory linear in the number of findings, and a
 * capped report. Sizes are fixed; a quadratic pass shows as this file taking
 * minutes, a spread of all findings as a RangeError.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_RULES, MAX_FINDINGS_PER_FILE, MORE_FINDINGS_RULE, applyFixList, capFindings, lintText, type Finding, type Fix } from '../../server/src/engine';

const CHUNK = 'Rep: Just checking in, sorry to bother you. Touching base to circle back.\n';

test('a 2.4 MB playbook with about 100,000 findings is linted without a stack overflow', { timeout: 300_000 }, () => {
  const text = CHUNK.repeat(Math.ceil(2_400_000 / CHUNK.length));
  const r = lintText(text, { rules: BUILTIN_RULES });
  assert.ok(r.findings.length > 90_000, `${r.findings.length} findings`);
  for (let i = 1; i < r.findings.length; i++) assert.ok(r.findings[i - 1].start <= r.findings[i].start);
});

test('a report shows the first 500 findings and one finding counting the rest, with their highest severity', () => {
  const findings: Finding[] = Array.from({ length: 1_234 }, (_, i) => ({ ruleId: 'r', severity: i === 1_000 ? 'error' : 'warning', message: 'm', start: i, end: i + 1, fixes: [] }));
  const shown = capFindings(findings);
  assert.equal(shown.length, MAX_FINDINGS_PER_FILE + 1);
  const more = shown[shown.length - 1];
  assert.equal(more.ruleId, MORE_FINDINGS_RULE);
  assert.equal(more.severity, 'error');
  assert.equal(more.message, '734 more findings not shown; this file has 1,234, and reports stop at 500. Fix these first, or split the file.');
  assert.equal(capFindings(findings.slice(0, 500)).length, 500);
});

test('100,000 non-overlapping fixes and as many overlapping ones are applied in one pass', () => {
  const text = 'ab'.repeat(100_000);
  const fixes: Fix[] = [];
  for (let i = 0; i < 100_000; i++) {
    fixes.push({ title: 't', kind: 'safe', snippet: false, edits: [{ start: 2 * i, end: 2 * i + 1, text: 'A' }] });
    fixes.push({ title: 't', kind: 'safe', snippet: false, edits: [{ start: 2 * i, end: 2 * i + 2, text: 'X' }] });
  }
  const r = applyFixList(text, fixes);
  assert.equal(r.applied, 100_000);
  assert.equal(r.text, 'Ab'.repeat(100_000));
});
