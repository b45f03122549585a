/**
 * The top of a long document linted on its own (engine/first-screen.ts): it is
 * cut only where every section above is whole, and what it reports equals the
 * whole document's lint within the cut. The eval drafts are short, so they are
 * cut with a small "screen" to exercise the same code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUILTIN_RULES, firstScreenCut, lintFirstScreen, lintText, type Finding } from '../../server/src/engine';
import { RULE_KINDS } from '../../server/src/engine/rules/kinds';

const opts = { rules: BUILTIN_RULES, today: '2026-12-01' };
const DRAFTS = join(__dirname, '..', '..', 'eval', 'drafts');
const documentReach = new Set(BUILTIN_RULES.filter((r) => RULE_KINDS.get(r.kind)?.reach === 'document').map((r) => r.id));
const key = (f: Finding) => `${f.ruleId} ${f.start}-${f.end} ${f.severity} ${f.message}`;

/** About `n` lines of guidance: paragraphs of one line with a blank line between. */
function lines(n: number): string {
  return Array.from({ length: Math.ceil(n / 2) }, (_, i) => `Some guidance for the rep, paragraph ${i + 1}.`).join('\n\n') + '\n';
}

test('short documents are not cut: the whole is linted at once', () => {
  assert.equal(firstScreenCut(lines(50)), undefined);
  assert.equal(lintFirstScreen(lines(50), opts), undefined);
});

test('a long document is cut at the first top-level heading after the first screen, never inside a section', () => {
  const text = ['# Playbook', '', lines(80), '## Email one', '', lines(100), '### A sub-step', '', lines(10), '## Email two', '', lines(2000)].join('\n');
  const end = firstScreenCut(text)!;
  assert.ok(end !== undefined);
  assert.ok(text.startsWith('## Email two', end), `cut at: ${JSON.stringify(text.slice(end, end + 20))}`);
});

test('a heading deeper than one above it does not close that section, so the cut waits', () => {
  const text = ['# Playbook', '', '## Emails', '', lines(150), '### Email one', '', lines(10), '## Calls', '', lines(2000)].join('\n');
  const end = firstScreenCut(text)!;
  assert.ok(text.startsWith('## Calls', end));
});

test('no heading to cut at within a few screens: linted whole', () => {
  assert.equal(firstScreenCut(['# Playbook', '', lines(2000), '## Late', '', lines(10)].join('\n')), undefined);
});

test('headings inside code fences are not cut at', () => {
  const text = ['# Playbook', '', lines(130), '```', '## Not a heading', '```', '', lines(20), '## Real', '', lines(2000)].join('\n');
  assert.ok(text.startsWith('## Real', firstScreenCut(text)!));
});

test('on every draft, the top reports what the whole reports within it', () => {
  let compared = 0;
  for (const name of readdirSync(DRAFTS).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(DRAFTS, name), 'utf8');
    const whole = lintText(text, opts).findings;
    for (const screen of [4, 10, 20]) {
      const end = firstScreenCut(text, screen, screen);
      const top = lintFirstScreen(text, opts, end);
      if (!top) continue;
      compared++;
      const expected = whole.filter((f) => f.end <= top.end && !documentReach.has(f.ruleId)).map(key).sort();
      assert.deepEqual(top.findings.map(key).sort(), expected, `${name}, cut after ${screen} lines`);
      assert.ok(top.findings.every((f) => !documentReach.has(f.ruleId)), `${name}: a whole-playbook check was reported from the top alone`);
    }
  }
  assert.ok(compared >= 30, `only ${compared} cuts compared`);
});

test('a file-wide disable comment below the cut: the whole is linted at once', () => {
  const top = ['# Playbook', '', '## Email', '', 'Hi {{first_name}},', '', 'Just checking in.', '', lines(130)];
  const rest = ['## Notes', '', lines(2000)];
  assert.ok(lintFirstScreen([...top, ...rest].join('\n'), opts), 'the same document without the comment is cut');
  const text = [...top, ...rest, '<!-- playbook-lint-disable-file no-empty-check-in -->', ''].join('\n');
  assert.equal(lintFirstScreen(text, opts), undefined);
});

test('a top that shows no message waits for the full lint: a message further down makes its generic headings count for more', () => {
  const questions = ['## Questions for the director', '', '1. Are you the final decision-maker on contracts?', '2. What does a missed shift cost you?', ''];
  const text = ['# Discovery', '', ...questions, lines(130), '## Closing the call', '', 'Say: "Would it help if I sent the shift map by Friday?"', '', lines(2000)].join('\n');
  assert.ok(firstScreenCut(text) !== undefined);
  assert.equal(lintFirstScreen(text, opts), undefined);
});
