/**
 * Property tests on random playbooks: the engine never throws, every finding
 * and fix range lies inside the text, fix edits never overlap, and fixing is
 * idempotent. Bounded by run counts, not timers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_RULES, applyFixList, fixText, lintText, safeFixes, type LintResult } from '../../server/src/engine';
import { playbook } from './markdown-arbitrary';

const opts = { rules: BUILTIN_RULES };
const RUNS = 150;

function assertRangesInside(text: string, result: LintResult): void {
  for (const f of result.findings) {
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.ruleId} [${f.start}, ${f.end}) outside text of length ${text.length}`);
    for (const fix of f.fixes) {
      const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      for (const e of edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${f.ruleId} fix "${fix.title}" edit [${e.start}, ${e.end}) outside text`);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, `${f.ruleId} fix "${fix.title}" has overlapping edits`);
    }
  }
  for (const s of result.sections) assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `section "${s.title}" outside text`);
  for (const s of result.spoken) assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, 'spoken estimate outside text');
}

test('lintText never throws and keeps every range inside the text', () => {
  fc.assert(
    fc.property(playbook, (text) => {
      const result = lintText(text, opts);
      assertRangesInside(text, result);
      assert.ok(!result.findings.some((f) => f.ruleId === 'internal-error'), `a rule failed: ${result.findings.find((f) => f.ruleId === 'internal-error')?.message}`);
    }),
    { numRuns: RUNS },
  );
});

test('a voicemail whose only rep turn is empty gives an empty spoken range, not a reversed one (found by the test above)', () => {
  const text = '<!-- section: voicemail -->\n\nRep: \rTip: hi.\njust checking in.\r';
  assertRangesInside(text, lintText(text, opts));
});

test('a call opened by an empty rep turn is judged from the words said, not the empty turn (found by the test above)', () => {
  const text = '# Call script\r\n\r\n> Rep: \r\r\n> hi .\n';
  assertRangesInside(text, lintText(text, opts));
});

test('fix-all applies non-overlapping edits, and fixing twice equals fixing once', () => {
  fc.assert(
    fc.property(playbook, (text) => {
      const fixes = safeFixes(lintText(text, opts).findings);
      const applied = applyFixList(text, fixes);
      // Every fix is applied whole or not at all, and the first never meets an earlier one.
      assert.ok(applied.applied <= fixes.length && (fixes.length === 0 || applied.applied >= 1), `${applied.applied} of ${fixes.length} fixes applied`);
      // Text before the first edit and after the last one is left exactly as it was.
      const edits = fixes.flatMap((f) => f.edits);
      if (edits.length === 0) assert.equal(applied.text, text);
      else {
        const first = Math.min(...edits.map((e) => e.start));
        const last = Math.max(...edits.map((e) => e.end));
        assert.ok(applied.text.startsWith(text.slice(0, first)), 'text before the first edit is unchanged');
        assert.ok(applied.text.endsWith(text.slice(last)), 'text after the last edit is unchanged');
      }
      const once = fixText(text, opts).text;
      const twice = fixText(once, opts).text;
      assert.equal(twice, once);
    }),
    { numRuns: RUNS },
  );
});

test('the CRLF variant of a playbook gives the same findings (mapped to LF offsets) as LF', () => {
  fc.assert(
    fc.property(playbook, (raw) => {
      const lf = raw.replace(/\r\n?/g, '\n');
      if (lf.includes('\u0000')) return; // NUL handling is covered separately
      const crlf = lf.replace(/\n/g, '\r\n');
      const toLf = (o: number) => o - (crlf.slice(0, o).match(/\r\n/g)?.length ?? 0);
      const a = lintText(lf, opts).findings.map((f) => `${f.ruleId}@${f.start}-${f.end}`);
      const b = lintText(crlf, opts).findings.map((f) => `${f.ruleId}@${toLf(f.start)}-${toLf(f.end)}`);
      assert.deepEqual(b, a);
    }),
    { numRuns: 60 },
  );
});
