/**
 * Unit tests for the metric and structural kinds and their shared helpers,
 * beyond the examples in each rule's YAML: the pieces (email units, syllables,
 * pronouns, edit distance) and the traps the rules catalog lists.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, fixText } from '../../server/src/engine';
import { buildModel } from '../../server/src/engine/read/model';
import { editDistance, render } from '../../server/src/engine/rules/kinds/placeholder-hygiene';
import { readabilityOf, syllables } from '../../server/src/engine/rules/kinds/readability';
import { emailStage, emailUnits } from '../../server/src/engine/rules/kinds/units';
import { pronounCounts } from '../../server/src/engine/rules/kinds/you-focus-ratio';
import { checkInvariants, configFrom, formatFinding, lint } from '../helpers/findings';

const only = (text: string, rule: string, config?: Parameters<typeof configFrom>[0]) =>
  lint(text, configFrom(config)).findings.filter((f) => f.ruleId === rule).map((f) => formatFinding(text, f));

describe('email units', () => {
  it('leave out subject, greeting and sign-off, and read the stage from the heading', () => {
    const text = '### Email 2 — Day 3\nSubject: Reno\n\nHi Dana,\n\nSaw the Reno launch. Worth a look?\n\nBest,\nSam\n';
    const [e] = emailUnits(buildModel(text));
    assert.equal(e.text, 'Saw the Reno launch. Worth a look?');
    assert.equal(e.words, 7);
    assert.equal(e.subjects.length, 1);
    assert.equal(e.stage, 'follow-up');
  });

  it('count each plain fence in an email section on its own', () => {
    const text = '### Email 1\n```\nHi Dana,\nOne.\n```\n\n```\nHi Dana,\nTwo.\n```\n';
    assert.deepEqual(emailUnits(buildModel(text)).map((e) => e.text), ['One.', 'Two.']);
  });

  it('are not found in "messaging" prose that only looks like an email section', () => {
    const text = '## Messaging\nThe message house provides a structure to describe the value and differentiators for the use case.\n';
    assert.deepEqual(emailUnits(buildModel(text)), []);
  });

  it('are not found in document templates or writing prompts in fences', () => {
    const text = '## Templates\n```\n# Deal scorecard — [Account]\n\n## Pain\n[Describe the pain]\n```\n\n```\nWrite a cold email to a developer that explains the product in two lines.\n```\n';
    assert.deepEqual(emailUnits(buildModel(text)), []);
    assert.deepEqual(only(text, 'single-clear-cta'), []);
  });

  it('know first touch, recap and break-up headings', () => {
    const none = new Set<string>();
    assert.equal(emailStage('Email 1 — Day 0', none), 'first-touch');
    assert.equal(emailStage('Post-demo recap email', none), 'recap');
    assert.equal(emailStage('Email 6 — break-up', none), 'break-up');
  });
});

describe('helpers', () => {
  it('count syllables well enough for a grade', () => {
    assert.equal(syllables('call'), 1);
    assert.equal(syllables('table'), 2);
    assert.equal(syllables('organisation'), 5);
    const simple = readabilityOf('We saw your new site. Want the list? It is short.');
    const hard = readabilityOf('Organisational implementation methodologies necessitate comprehensive stakeholder alignment.');
    assert.ok(simple.grade < 4 && hard.grade > 12, `${simple.grade} / ${hard.grade}`);
  });

  it('read a web or email address as one short word, not as hard words', () => {
    const withAddress = readabilityOf('The rules are at centralohiopower.com/rebates. Or mail dana@acme-rebates.co today.');
    const plain = readabilityOf('The rules are at link. Or mail link today.');
    assert.equal(withAddress.grade, plain.grade);
    assert.deepEqual(withAddress.longWords, []);
  });

  it('count pronouns without inclusive we, thank you or you know', () => {
    assert.deepEqual(pronounCounts("Thank you. Can we meet? Let's talk. We built our tool for you."), { self: 2, you: 1 });
    assert.deepEqual(pronounCounts('Saw {{company}} in the news; your team grew.'), { self: 0, you: 2 });
  });

  it('measure edit distance with transpositions', () => {
    assert.equal(editDistance('frist_name', 'first_name'), 1);
    assert.equal(editDistance('company', 'company_name'), 5);
    assert.equal(render('first_name', 'bracket'), '[First Name]');
  });
});

describe('kinds on traps from the rules catalog', () => {
  it('options from config change thresholds', () => {
    const text = '### Email 1 — Day 0\nSaw {{company}} opened the Reno warehouse. Teams in that spot often fight pick errors early; Northwind cut theirs by a third. Want the checklist?\n';
    assert.deepEqual(only(text, 'email-length'), []);
    assert.deepEqual(only(text, 'email-length', { rules: { 'email-length': { options: { firstTouchInfo: 10 } } } }), ['2:1-2:146 info email-length']);
  });

  it('never count prospect lines as the rep talking about themselves', () => {
    const text = '## Call script\n**Prospect:** We tried two tools and our team hated both, and I do not want us to go through that again with our carriers this year at all.\n';
    assert.deepEqual(only(text, 'you-focus-ratio'), []);
    assert.deepEqual(only(text, 'rep-monologue-length'), []);
  });

  it('do not lint "what not to say" sections', () => {
    const text = '## What not to say\n> Hi, it is Sam. Call me back, I have a question for you, it will only take a minute of your time today.\n\nSubject: FREE OFFER!!!\n';
    for (const rule of ['voicemail-essentials', 'subject-line-shape', 'single-clear-cta']) assert.deepEqual(only(text, rule), [], rule);
  });

  it('turn a mid-subject "!" into a dash and keep acronyms', () => {
    const text = '### Email 1\nSubject: Big news! ROI for {{company}}\n';
    assert.deepEqual(only(text, 'subject-line-shape'), ['2:18-2:19 warning subject-line-shape']);
    assert.equal(fixText(text, { rules: BUILTIN_RULES, config: configFrom(undefined) }).text, '### Email 1\nSubject: Big news — ROI for {{company}}\n');
    checkInvariants(text);
  });

  it('normalise placeholders to the declared style', () => {
    const text = '---\nplaceholder_style: bracket\n---\n## Email\nHi {{first_name}}, saw [Company] in the news.\n';
    assert.deepEqual(only(text, 'placeholder-hygiene'), ['5:4-5:18 warning placeholder-hygiene']);
    // Merge fields are the team's to change: the rewrite is offered, fix-all leaves them alone.
    assert.equal(fixText(text, { rules: BUILTIN_RULES, config: configFrom(undefined) }).text, text);
    checkInvariants(text);
  });

  it('skip stage directions and footnotes as placeholders', () => {
    const text = '## Call script\n**Rep:** Hi {{first_name}}. [Pause] We saw the news.[^1]\n\n[^1]: Source.\n';
    assert.deepEqual(only(text, 'placeholder-hygiene'), []);
  });

  it('exempt existing customers from state-reason-for-call', () => {
    const body = '## Opener\n**Rep:** Hi Dana, it is Sam from Acme, good to hear your voice again.\n';
    assert.equal(only(body, 'state-reason-for-call').length, 1);
    assert.deepEqual(only('---\nstage: existing\n---\n' + body, 'state-reason-for-call'), []);
  });
});
