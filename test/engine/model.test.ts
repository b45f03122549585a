/**
 * The playbook model: section tags, speakers, placeholders, use vs mention,
 * what is never linted, directives and exact ranges. Findings are checked
 * through the no-empty-check-in rule, whose phrases are easy to plant.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/engine';
import { formatFinding, lint } from '../helpers/findings';

/** Findings of one rule as `line:col-line:col severity rule-id`. */
function found(text: string, rule = 'no-empty-check-in'): string[] {
  return lint(text).findings.filter((f) => f.ruleId === rule).map((f) => formatFinding(text, f));
}

function turnOf(text: string, needle: string) {
  const model = buildModel(text);
  const turn = model.turns.find((t) => t.unit.text.slice(t.a, t.b).includes(needle));
  assert.ok(turn, `a turn holding ${needle}`);
  return turn!;
}

describe('model: section tags from headings', () => {
  it('tags accumulate down the heading path', () => {
    const model = buildModel('# Outbound\n## Follow-up sequence\n### Break-up voicemail\nHi.\n');
    const sec = model.sections.find((s) => s.title === 'Break-up voicemail')!;
    assert.ok(sec.tags.includes('voicemail') && sec.tags.includes('follow-up'));
  });
  it('process headings are not customer-facing and their prose is not speech', () => {
    assert.deepEqual(found('## Follow-up cadence\nJust checking in on day 3 is what most reps do.\n'), []);
  });
  it('a "what not to say" section is never linted', () => {
    assert.deepEqual(found('## What not to say\n- Just checking in on the proposal.\n'), []);
  });
  it('an email section is linted', () => {
    assert.deepEqual(found('## Email 2\nJust checking in on the proposal.\n'), ['2:1-2:17 warning no-empty-check-in']);
  });
  it('a section comment adds a tag', () => {
    const model = buildModel('## Day three\n<!-- section: voicemail -->\nHi.\n');
    assert.ok(model.sections[1].tags.includes('voicemail'));
  });
});

describe('model: speakers', () => {
  const cases: Array<[string, string]> = [
    ['**Rep:** Just checking in.', 'rep'],
    ['Rep: Just checking in.', 'rep'],
    ['> **Prospect:** Just checking in.', 'prospect'],
    ['- **SDR:** Just checking in.', 'rep'],
    ['You: Just checking in.', 'rep'],
    ['**Dana:** Just checking in.', 'other'],
  ];
  for (const [line, role] of cases) {
    it(`${line} → ${role}`, () => {
      assert.equal(turnOf(`## Call notes\n${line}\n`, 'checking').role, role);
    });
  }
  it('prospect lines are never linted as the rep', () => {
    assert.deepEqual(found('## Cold call script\n**Prospect:** Just checking in, are you the vendor?\n'), []);
  });
  it('a rep line in guidance prose is linted', () => {
    assert.deepEqual(found('## Playbook\n**Rep:** Just checking in on the quote.\n'), ['2:10-2:26 warning no-empty-check-in']);
  });
  it('front matter speakers declare persona names', () => {
    const text = '---\nspeakers:\n  rep: [Priya]\n---\n## Playbook\nPriya: Just checking in on the quote.\n';
    assert.deepEqual(found(text), ['6:8-6:24 warning no-empty-check-in']);
  });
  it('lower-case words before a colon are prose, not a label', () => {
    assert.equal(turnOf('## Email 1\nthe reason is simple: we called.\n', 'reason').role, 'none');
  });
});

describe('model: placeholders', () => {
  it('phrases are never matched inside a placeholder', () => {
    assert.deepEqual(found('## Email 1\nHi {{just checking in}}, the benchmark is attached.\n'), []);
    assert.deepEqual(found('## Email 1\nHi [Just Checking In], the benchmark is attached.\n'), []);
  });
  it('a placeholder before a phrase keeps the range exact', () => {
    assert.deepEqual(found('## Email 1\n{{first_name}}, just checking in.\n'), ['2:17-2:33 warning no-empty-check-in']);
  });
  it('task boxes are not placeholders and checklists are not speech', () => {
    assert.deepEqual(found('## Email checklist\n- [ ] Just checking in removed from every template\n'), []);
  });
});

describe('model: use versus mention', () => {
  it('a quoted phrase with a negation cue is a mention', () => {
    assert.deepEqual(found('## Email tips\nDon\'t open with “just checking in”: it gives the buyer nothing.\n'), []);
    assert.deepEqual(found('## Follow-up email\nDon\'t open with "just checking in" — lead with news.\n'), []);
  });
  it('a list of phrases in single quotes after a cue ("Don’t start with \'…\', \'…\' or \'…\'") are mentions', () => {
    assert.deepEqual(found("## First email\n{{trigger}} comes first. Don't start with 'I hope this email finds you well', 'Just checking in' or 'My name is'.\n"), []);
  });
  it('a quoted phrase used as a noun names a kind of message', () => {
    assert.deepEqual(found('## Follow-up emails\nThe "just checking in" email is selfish.\n'), []);
  });
  it('a quoted example followed by an arrow is a mention', () => {
    assert.deepEqual(found('## Email 2\n- "Just checking in" → zero value for the reader\n'), []);
  });
  it('a quoted line in a script is the script', () => {
    assert.deepEqual(found('## Voicemail\n"Hi Dana, just checking in on the quote."\n'), ['2:11-2:27 warning no-empty-check-in']);
  });
  it('struck-through text is a bad example', () => {
    assert.deepEqual(found('## Email 2\n~~Just checking in on the proposal.~~ Saw your Reno news.\n'), []);
  });
  it('a ❌ line is a bad example', () => {
    assert.deepEqual(found('## Email 2\n- ❌ Just checking in on the proposal.\n'), []);
  });
  it('<!-- example: bad --> marks the next block', () => {
    assert.deepEqual(found('## Email 2\n<!-- example: bad -->\n\nJust checking in on the proposal.\n'), []);
  });
});

describe('model: what is never linted', () => {
  it('inline code', () => {
    assert.deepEqual(found('## Email 2\nRename `just checking in` to something else.\n'), []);
  });
  it('URLs and link text', () => {
    assert.deepEqual(found('## Email 2\nRead [just checking in](https://example.com/just-checking-in) and https://example.com/touching-base now.\n'), []);
  });
  it('HTML comments', () => {
    assert.deepEqual(found('## Email 2\n<!-- just checking in -->\nSaw your Reno news.\n'), []);
  });
  it('front matter', () => {
    assert.deepEqual(found('---\ntitle: just checking in\n---\n## Email 2\nSaw your Reno news.\n'), []);
  });
  it('headings', () => {
    assert.deepEqual(found('## Just checking in\nSaw your Reno news.\n'), []);
  });
  it('a ```js fence is code; a ```text fence in an email section is a template', () => {
    assert.deepEqual(found('## Email 2\n```js\nconst s = "just checking in";\n```\n'), []);
    assert.deepEqual(found('## Email 2\n```text\nHi Dana, just checking in.\n```\n'), ['3:10-3:26 warning no-empty-check-in']);
    assert.deepEqual(found('## Email 2\n```\nHi Dana, just checking in.\n```\n'), ['3:10-3:26 warning no-empty-check-in']);
  });
});

describe('model: directives', () => {
  const body = 'Just checking in on the proposal.';
  it('disable … enable', () => {
    const text = `## Email 2\n<!-- playbook-lint-disable no-empty-check-in -->\n\n${body}\n\n<!-- playbook-lint-enable no-empty-check-in -->\n\n${body}\n`;
    assert.deepEqual(found(text), ['8:1-8:17 warning no-empty-check-in']);
  });
  it('disable-line', () => {
    assert.deepEqual(found(`## Email 2\n${body} <!-- playbook-lint-disable-line no-empty-check-in -->\n`), []);
  });
  it('disable-next-line', () => {
    assert.deepEqual(found(`## Email 2\n<!-- playbook-lint-disable-next-line no-empty-check-in -->\n${body}\n${body}\n`), ['4:1-4:17 warning no-empty-check-in']);
  });
  it('disable-file', () => {
    assert.deepEqual(found(`## Email 2\n${body}\n\n<!-- playbook-lint-disable-file -->\n`), []);
  });
  it('disabling another rule leaves this one on', () => {
    assert.deepEqual(found(`## Email 2\n${body} <!-- playbook-lint-disable-line no-false-urgency -->\n`), ['2:1-2:17 warning no-empty-check-in']);
  });
});

describe('model: matching and ranges', () => {
  it('an emoji before a phrase gives the right UTF-16 range', () => {
    assert.deepEqual(found('## Email 2\n👋 Just checking in on the proposal.\n'), ['2:4-2:20 warning no-empty-check-in']);
  });
  it('curly apostrophes and line breaks inside a phrase still match', () => {
    assert.deepEqual(found('## Email 2\nHi Dana, we’re still\naround if you need us.\n', 'no-presence-reminder'), ['2:10-3:7 warning no-presence-reminder']);
    assert.deepEqual(found('## Email 2\nHi Dana, just   touching\nbase on the quote.\n'), ['2:17-3:5 warning no-empty-check-in']);
  });
  it('never inside a longer word', () => {
    assert.deepEqual(found('## Email 2\nWe are retouching baseline numbers.\n'), []);
    assert.deepEqual(found('## Email 2\nWe can adjust the plan.\n', 'weak-hedge-language'), []);
  });
  it('an empty file', () => {
    assert.deepEqual(lint('').findings, []);
    assert.equal(buildModel('').units.length, 0);
  });
  it('no final newline', () => {
    assert.deepEqual(found('## Email 2\nJust checking in'), ['2:1-2:17 warning no-empty-check-in']);
  });
  it('a byte-order mark', () => {
    assert.deepEqual(found('\uFEFF## Email 2\nJust checking in on the proposal.\n'), ['2:1-2:17 warning no-empty-check-in']);
  });
  it('CRLF line endings give the same positions', () => {
    assert.deepEqual(found('## Email 2\r\nJust checking in on the proposal.\r\n'), ['2:1-2:17 warning no-empty-check-in']);
  });
});
