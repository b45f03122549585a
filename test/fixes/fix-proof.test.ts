/**
 * Every quick fix of every rule, applied to every invalid rule example and to
 * every true finding of the evaluation set, gives text that passes the checks
 * of fix-proof.ts. Prints the count of fixes checked and the failures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES } from '../../server/src/engine';
import { readFileSync } from 'node:fs';
import { checkFix, evalCases, exampleCases, punctuationIssues, imbalance, renderRewritesJson, rewriteTables, REWRITES_FILE, type FixOutcome } from '../../scripts/fix-proof';

describe('the punctuation check', () => {
  it('finds doubled, orphaned and missing marks and passes clean prose', () => {
    const kinds = (t: string) => punctuationIssues(t).map((i) => i.kind);
    assert.deepEqual(kinds('Hi Dana, just checking in.'), []);
    assert.deepEqual(kinds('We shipped it — see the note.'), []);
    assert.deepEqual(kinds('Sharing a benchmark, e.g. the two-page one... it helps.'), []);
    assert.ok(kinds('We shipped it —.').includes('dash before a mark'));
    assert.ok(kinds('We shipped it..').includes('doubled period'));
    assert.ok(kinds('Hi Dana,. We shipped it.').includes('doubled marks'));
    assert.ok(kinds('We shipped it. and then').includes('lower-case start'));
    assert.ok(kinds('We shipped it —').includes('orphan dash'));
    assert.ok(kinds('We shipped  it.').includes('double space'));
    assert.ok(kinds('We shipped it , then').includes('space before a mark'));
    assert.ok(Object.values(imbalance('A [trigger (soon)] “x” {{company}}')).every((n) => n === 0));
    assert.equal(imbalance('Worth a ${2:15-minute] look')['snippet syntax left in the text'], 1);
    assert.equal(imbalance('A [trigger')['unbalanced [ ]'], 1);
  });
});

describe('every quick fix, applied', () => {
  const outcomes: FixOutcome[] = [];
  const examples = exampleCases();
  const evaluation = evalCases();
  for (const c of [...examples, ...evaluation.cases]) outcomes.push(checkFix(c));
  const failed = outcomes.filter((o) => o.failures.length);

  it('covers the examples and the evaluation set', () => {
    process.stdout.write(
      `# fix proof: ${outcomes.length} fixes checked (${examples.length} on rule examples, ${evaluation.cases.length} on ${evaluation.files} evaluation files), ${failed.length} failed\n`,
    );
    assert.ok(examples.length > 50, 'rule examples give fixes to check');
    assert.ok(evaluation.cases.length > 0 || evaluation.skipped.length > 0, 'the evaluation set gives fixes to check');
  });

  it('docs/rewrites.json (the before/after tables in docs/rules.md) is the proof\'s output on the rule examples (run `npm run rules:rewrites`)', () => {
    const tables = rewriteTables(outcomes.filter((o) => o.case.showable));
    assert.equal(readFileSync(REWRITES_FILE, 'utf8'), renderRewritesJson(tables));
    for (const [rule, rows] of Object.entries(tables)) assert.ok(rows.length > 0, rule);
    // The tables show more than one channel: the rewrites differ by place.
    const places = new Set(Object.values(tables).flat().map((r) => r.where));
    for (const where of ['email', 'voicemail', 'call', 'subject line', 'email to a customer']) assert.ok(places.has(where), where);
  });

  for (const rule of BUILTIN_RULES) {
    const mine = outcomes.filter((o) => o.case.rule === rule.id);
    if (!mine.length) continue;
    it(`${rule.id}: ${mine.length} fixes pass`, () => {
      const bad = mine.filter((o) => o.failures.length);
      const show = bad.map((o) => `${o.case.origin} · ${o.case.fix.title}\n    ${o.failures.join('\n    ')}\n    before: ${JSON.stringify(o.case.text.slice(Math.max(0, o.case.finding.start - 40), o.case.finding.end + 60))}\n    after:  ${JSON.stringify(o.fixed.slice(Math.max(0, o.case.finding.start - 40), o.case.finding.end + 120))}`);
      assert.equal(bad.length, 0, `${bad.length} of ${mine.length} fixes fail:\n${show.join('\n')}`);
    });
  }
});
