/**
 * The structure rules (issue 16) beyond their YAML examples: today's date is
 * an input, never the clock; claims, talk ratio, objections, sequences and
 * playbook types on the traps the corpus showed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, baseConfig, lintText, resolveConfig, type ConfigHost, type EffectiveConfig } from '../../server/src/engine';
import { ageText, dayNumber } from '../../server/src/engine/rules/kinds/stale-playbook';
import { formatFinding } from '../helpers/findings';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findingToDiagnostic } from '../../server/src/lsp/diagnostics';
import { lintJob } from '../../server/src/cli/lint-file';
import { createSarifFormatter } from '../../server/src/cli/formatters/sarif';

const findingsOf = (text: string, rule: string, today?: string) =>
  lintText(text, { rules: BUILTIN_RULES, today }).findings.filter((f) => f.ruleId === rule).map((f) => formatFinding(text, f, true));

describe('stale-playbook', () => {
  const doc = '---\nowner: Dana Lee\nexpires: 2025-03-31\n---\n# Call script\n';
  it('uses the date it is given, and checks nothing without one', () => {
    assert.deepEqual(findingsOf(doc, 'stale-playbook'), []);
    assert.deepEqual(findingsOf(doc, 'stale-playbook', '2025-03-31'), []);
    assert.deepEqual(findingsOf(doc, 'stale-playbook', '2025-04-01'), [
      '3:1-3:20 warning stale-playbook This playbook expired on 2025-03-31 (1 day ago), so reps may be quoting old prices, products or proof; ask Dana Lee to review it and set a new date.',
    ]);
  });
  it('reads dates strictly and says ages in plain units', () => {
    assert.equal(dayNumber('2025-02-30'), undefined);
    assert.equal(dayNumber('soon'), undefined);
    assert.equal(dayNumber('2025-03') , dayNumber('2025-03-01'));
    // Dates in either order: a month written out, or numbers whose order is clear or, when not, the later reading.
    assert.equal(dayNumber('5 March 2025'), dayNumber('2025-03-05'));
    assert.equal(dayNumber('March 5th, 2025'), dayNumber('2025-03-05'));
    assert.equal(dayNumber('25/03/2025'), dayNumber('2025-03-25'));
    assert.equal(dayNumber('03/25/2025'), dayNumber('2025-03-25'));
    assert.equal(dayNumber('04/05/2025'), dayNumber('2025-05-04'));
    assert.equal(dayNumber('31/02/2025'), undefined);
    assert.equal(dayNumber('Smarch 5, 2025'), undefined);
    assert.equal(ageText(1), '1 day');
    assert.equal(ageText(400), '13 months');
    assert.equal(ageText(800), '2 years');
  });
});

describe('unsourced-claim', () => {
  it('skips trade-offs, the buyer’s own test results and named sources', () => {
    const text = [
      '## Cold call script',
      '**Rep:** If we downgrade to one node to save $20k, we lose failover.',
      '',
      '**Rep:** We confirmed a 43% reduction in MTTR during your stress test.',
      '',
      '**Rep:** Customers see 30% fewer tickets (Forrester, 2024).',
      '',
      '**SDR:** Base $55k plus variable; accelerators beyond 110% of quota.',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(text, 'unsourced-claim'), []);
  });
});

describe('talk-ratio', () => {
  const script = [
    '## Cold call',
    '**Rep:** Hi Dana, it is Sam at Acme. I saw the Reno launch. How is the ramp going?',
    '**Prospect:** Slowly.',
    '**Rep:** What is slowing it down?',
    '',
  ].join('\n');
  it('shows the shares and questions on the heading of any dialogue, but judges only discovery scripts', () => {
    const r = lintText(script, { rules: BUILTIN_RULES });
    const a = r.annotations.filter((x) => x.ruleId === 'talk-ratio');
    assert.deepEqual(a.map((x) => [x.start, x.end, x.title]), [[0, 12, 'Talk ratio: rep 96 % · buyer 4 % of words · rep asks 2 questions, buyer 0']]);
    assert.equal(a[0].metrics?.repWords, 22);
    assert.match(a[0].detail ?? '', /25,537 B2B calls/);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'talk-ratio'), []);
  });
  it('reads the speakers from the reading layer, not from the heading: a dialogue under any heading, a list of roles is none', () => {
    const anyHeading = script.replace('## Cold call', '## Monday with Dana');
    assert.deepEqual(lintText(anyHeading, { rules: BUILTIN_RULES }).annotations.filter((x) => x.ruleId === 'talk-ratio').map((x) => x.title), ['Talk ratio: rep 96 % · buyer 4 % of words · rep asks 2 questions, buyer 0']);
    const roles = '## Call roles\n\n- **SDR:** books the first call.\n- **AE:** runs discovery.\n- **Customer:** joins the demo.\n- **SDR:** hands over notes.\n';
    assert.deepEqual(lintText(roles, { rules: BUILTIN_RULES }).annotations.filter((x) => x.ruleId === 'talk-ratio'), []);
  });
  it('judges a discovery script above the configured share, with the measured share in the message', () => {
    const discovery = [
      '## Discovery call',
      '**Rep:** Thanks for the time. We schedule docks for regional carriers and plug into your warehouse system, and most teams see shorter queues in weeks.',
      '**Prospect:** Okay, our queues are long on Mondays.',
      '**Rep:** That is common. Our dashboards show every truck, and alerts go to your dispatch lead before a queue forms, so nobody is surprised on a Monday again. Would that help your team?',
      '',
    ].join('\n');
    const at = (maxRepShare: number) => lintText(discovery, { rules: BUILTIN_RULES, config: { rules: { 'talk-ratio': { severity: 'info', options: { maxRepShare } } }, customRules: [] } }).findings.filter((f) => f.ruleId === 'talk-ratio').map((f) => f.message);
    assert.deepEqual(at(0.6), ['In this discovery script the rep has 89 % of the words (56 of 63 words); keep the rep under 60 % by cutting pitch and adding questions that let the buyer talk.']);
    assert.deepEqual(at(0.9), []);
  });
  it('turns the lens off with the rule', () => {
    const r = lintText(script, { rules: BUILTIN_RULES, config: { rules: { 'talk-ratio': { severity: 'off', options: {} } }, customRules: [] } });
    assert.deepEqual(r.annotations.filter((x) => x.ruleId === 'talk-ratio'), []);
  });
});

describe('objection-handling', () => {
  it('reads pairs in every shape and judges only the rep’s own words', () => {
    const text = [
      '## Objections',
      '',
      '**"We have no budget."**',
      '',
      '"I can give you a discount if you sign today."',
      '',
      'If they say "Call me next quarter": "Actually, next quarter will be too late."',
      '',
      '### "Not interested"',
      '',
      '> We are the leading platform for dock scheduling.',
      '',
      '**Prospect:** Does it integrate with SAP?',
      '**Rep:** Yes, natively.',
      '',
    ].join('\n');
    assert.deepEqual(
      findingsOf(text, 'objection-handling').map((f) => f.replace(/ objection-handling .*“(.*)”.*/, ' $1')),
      ['5:1-5:47 info We have no budget.', '7:37-7:79 info Call me next quarter', '11:3-11:51 info Not interested'],
    );
  });
  it('finds an objection table by its columns under any heading, and asks for a question after the acknowledgement', () => {
    const text = '## Renewal talk\n\n| Objection | Response |\n| --- | --- |\n| "We are fine with our vendor." | "Understood. Our onboarding is the fastest on the market." |\n| "Too expensive." | "Fair. Compared with what?" |\n';
    assert.deepEqual(findingsOf(text, 'objection-handling'), [
      '5:36-5:94 info objection-handling This answer to “We are fine with our vendor.” acknowledges the concern but asks nothing, so the buyer has nothing to answer; end with a question about what is behind it.',
    ]);
  });
  it('leaves a framework of labels alone (Objection:, Acknowledge:, Ask:)', () => {
    const text = '## Objection prompts\n\n```\nObjection: "[EXACT OBJECTION]"\n\nAcknowledge: Validate their concern\nAsk: Question to understand deeper\n```\n';
    assert.deepEqual(findingsOf(text, 'objection-handling'), []);
  });
  it('shows the common objections a section answers, from the team’s own list', () => {
    const text = '## Objection handling\n\n| Objection | Response |\n| --- | --- |\n| "Too expensive." | "Fair. Compared with what?" |\n';
    const titles = (config?: object) => lintText(text, { rules: BUILTIN_RULES, config: config as never }).annotations.filter((a) => a.ruleId === 'objection-handling').map((a) => a.title);
    assert.deepEqual(titles(), ['Objections answered: price · not yet: timing, competitor, no need, authority, send me info']);
    const custom = { rules: { 'objection-handling': { severity: 'info', options: { objections: { price: ['expensive'], security: ['security', 'soc 2'] } } } }, customRules: [] };
    assert.deepEqual(titles(custom), ['Objections answered: price · not yet: security']);
  });
});

describe('sequence-touches', () => {
  const text = [
    '## Email 1 — Day 1',
    'Saw the Reno launch. Worth a 15-minute call next week?',
    '',
    '## Email 2 — Day 5',
    'Northwind cut dock waits by a third. Worth a 15-minute call next week?',
    '',
  ].join('\n');
  it('points at the later touch and names the earlier one, in the engine, the editor and SARIF', () => {
    const [f] = lintText(text, { rules: BUILTIN_RULES }).findings.filter((x) => x.ruleId === 'sequence-touches');
    assert.equal(f.start, text.indexOf('## Email 2'));
    assert.match(f.message, /^Email 2 — Day 5 asks the same thing as Email 1 — Day 1/);
    assert.deepEqual(f.related, [{ start: 0, end: 18, message: 'Email 1 — Day 1: the same ask' }]);
    const doc = TextDocument.create('file:///seq.md', 'markdown', 1, text);
    const diag = findingToDiagnostic(doc, f);
    assert.deepEqual(diag.relatedInformation, [{ location: { uri: 'file:///seq.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } } }, message: 'Email 1 — Day 1: the same ask' }]);
    const job = lintJob({ absPath: '/tmp/seq.md', text }, { cwd: '/tmp', rules: {}, fix: false, fixDryRun: false, cliVersion: 'test' });
    const sarif = createSarifFormatter();
    const out = sarif.begin({ version: 'test', maxWarnings: -1 }) + sarif.file(job.report, { version: 'test', maxWarnings: -1 }) + sarif.end({} as never, { version: 'test', maxWarnings: -1 });
    const result = JSON.parse(out).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'sequence-touches');
    assert.deepEqual(result.relatedLocations, [{ id: 0, message: { text: 'Email 1 — Day 1: the same ask' }, physicalLocation: { artifactLocation: { uri: 'seq.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 19 } } }]);
  });
  it('finds a value proposition said again, and compares a rewritten touch only with the touches before it', () => {
    const seq = [
      '## Email 1 — Day 1',
      'Hi Dana,',
      'Saw the Reno launch. Acme helps regional carriers cut dock wait times by a third. Open to a short call?',
      '',
      '## Email 2 — Day 5 (draft)',
      'Hi Dana,',
      'Acme helps regional carriers cut dock waiting times by a third. Any thoughts?',
      '',
      '## Email 2 — Day 5 (rewritten)',
      'Hi Dana,',
      'Northwind cut Monday queues in half at their new site. Want the one-page story?',
      '',
    ].join('\n');
    const found = lintText(seq, { rules: BUILTIN_RULES }).findings.filter((f) => f.ruleId === 'sequence-touches');
    assert.deepEqual(found.map((f) => [formatFinding(seq, f, true).split(' info ')[0], f.related?.[0].message]), [['5:1-5:27', 'Email 1 — Day 1: where this was first said']]);
    assert.match(found[0].message, /^Email 2 — Day 5 \(draft\) says again what Email 1 — Day 1 already said \(“Acme helps regional carriers/);
  });
  it('reads touches marked by a bold line of their own inside one section', () => {
    const seq = [
      '## Outbound to clinic managers',
      '',
      '**Email 1 — Day 1**',
      '',
      'Hi Ana, saw the new Eastside clinic. Open to a short call next week?',
      '',
      '**Email 2 — Day 2**',
      '',
      'Hi Ana, just following up on my note below.',
      '',
    ].join('\n');
    const found = lintText(seq, { rules: BUILTIN_RULES }).findings.filter((f) => f.ruleId === 'sequence-touches');
    assert.deepEqual(found.map((f) => [formatFinding(seq, f, true).split(' info ')[0], f.related?.[0].message]), [['7:1-7:20', 'Email 1 — Day 1: the touch it points back to']]);
    assert.match(found[0].message, /^Email 2 — Day 2 only points back to Email 1 — Day 1/);
  });
  it('judges a touch’s sentences as the phrase rules do, even with those rules off', () => {
    const seq = [
      '## Email 1 — Day 1',
      'Hi Ines, your boiler certificate at Elm Street lapses on 30 March. We can inspect both units in one morning. Would the week of 10 March work?',
      '',
      '## Email 2 — Day 5',
      'Hi Ines, has there been any movement at your end on the inspection?',
      '',
      '## Email 3 — Day 9',
      'Hi Ines, I’d need your go-ahead by Thursday to keep the March slot.',
      '',
    ].join('\n');
    const config = baseConfig(BUILTIN_RULES, 'recommended');
    for (const id of ['no-empty-check-in', 'no-presence-reminder', 'no-passive-aggressive-reminder', 'no-decision-pressure-follow-up', 'no-false-urgency']) config.rules[id] = { ...config.rules[id], severity: 'off' };
    for (const c of [undefined, config]) {
      const found = lintText(seq, { rules: BUILTIN_RULES, ...(c ? { config: c } : {}) }).findings.filter((f) => f.ruleId === 'sequence-touches');
      assert.equal(found.length, 2, found.map((f) => f.message).join('\n'));
      assert.match(found[0].message, /^Email 2 — Day 5 only points back to Email 1/);
      assert.match(found[1].message, /^Email 3 — Day 9 turns to pressure \(“I['’]d need your go-ahead/);
    }
  });
  it('does not count a prompt library’s example outputs or alternatives as a sequence', () => {
    const library = '## Follow-up prompts\n\n### The simple bump\n\n> Bumping this up. Worth a quick chat?\n\n### The value bump\n\n> Came across this report and thought of you. Worth a quick chat?\n';
    assert.deepEqual(findingsOf(library, 'sequence-touches'), []);
  });
  it('does not count an onboarding plan’s days as touches', () => {
    const plan = '## Day 1\nSet up your laptop.\n\n## Day 2\nShadow three calls.\n\n## Day 3\nLog your first calls in the CRM.\n';
    assert.deepEqual(findingsOf(plan, 'sequence-touches'), []);
  });
});

describe('playbook-structure', () => {
  const vm = '---\ntype: voicemail\n---\n# Voicemail\n\nHi [First Name], it\'s [Your Name] from Acme. I saw the Reno launch.\n';
  it('inserts a skeleton section in the document’s placeholder style', () => {
    const [f] = lintText(vm, { rules: BUILTIN_RULES }).findings.filter((x) => x.ruleId === 'playbook-structure');
    assert.equal(f.message, "This voicemail has no call-back number; add one so reps don't improvise that part in front of the buyer.");
    assert.deepEqual(f.fixes[0].edits, [{ start: vm.length, end: vm.length, text: '\n## Call-back number\n\nYou can reach me at [Rep Phone] — again, [Rep Phone].\n' }]);
  });
  it('takes required parts from the config file’s structure block, checked against the schema', () => {
    const host = memoryHost({ '/w/.playbooklintrc.yaml': 'structure:\n  voicemail:\n    require: [name]\n  demo-script:\n    require: [opener, next-step]\n' });
    const r = resolveConfig('/w/p.md', host, BUILTIN_RULES);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(lintText(vm, { rules: BUILTIN_RULES, config: r.effective }).findings.filter((x) => x.ruleId === 'playbook-structure'), []);
    const demo = '---\ntype: demo-script\n---\n# Demo\n\n**Rep:** Hi Dana, it is Sam from Acme.\n';
    assert.deepEqual(findingsOfConfig(demo, r.effective).map((m) => m.replace(/;.*/, '')), ['4:1-4:7 info playbook-structure This demo script has no next step']);
    const bad = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.yaml': 'structure:\n  voicemail:\n    require: [nmae]\n' }), BUILTIN_RULES);
    assert.equal(bad.errors.length, 1);
    assert.match(bad.errors[0].message, /^structure\/voicemail\/require\/0: "nmae" is not a part; use one of opener, /);
    assert.equal(bad.errors[0].start, 'structure:\n  voicemail:\n    require: ['.length);
  });
  it('checks a team’s own part by its words in the rep’s lines, and writes its skeleton', () => {
    const rc = 'structure:\n  demo-script:\n    require: [opener, agenda, next-step]\n    parts:\n      agenda: ["agenda", "today we will cover"]\n';
    const r = resolveConfig('/w/p.md', memoryHost({ '/w/.playbooklintrc.yaml': rc }), BUILTIN_RULES);
    assert.deepEqual(r.errors, []);
    const demo = '---\ntype: demo-script\n---\n# Demo\n\n**Rep:** Hi Dana, it is Sam from Acme. Would Tuesday at 10 work for the pilot review?\n';
    const found = lintText(demo, { rules: BUILTIN_RULES, config: r.effective }).findings.filter((f) => f.ruleId === 'playbook-structure');
    assert.deepEqual(found.map((f) => f.message.replace(/;.*/, '')), ['This demo script has no agenda']);
    assert.equal(found[0].fixes[0].edits[0].text, '\n## Agenda\n\n**Rep:** ${1:what the rep says for the agenda}\n');
    const covered = demo.replace('Would Tuesday', 'Today we will cover the pilot. Would Tuesday');
    assert.deepEqual(lintText(covered, { rules: BUILTIN_RULES, config: r.effective }).findings.filter((f) => f.ruleId === 'playbook-structure'), []);
    // A coaching note that names the agenda is not the rep's words.
    const noted = demo.replace('# Demo\n', '# Demo\n\nNote: reps often skip the agenda.\n');
    assert.deepEqual(lintText(noted, { rules: BUILTIN_RULES, config: r.effective }).findings.filter((f) => f.ruleId === 'playbook-structure').map((f) => f.message.replace(/;.*/, '')), ['This demo script has no agenda']);
  });
  it('infers a type from content only: a title alone, a page of coaching with a short dialogue, a list of roles, a moment of a call are not scripts', () => {
    const notes = '# Call script review notes\n\nWe discussed the call script in the weekly meeting.\n';
    assert.deepEqual(findingsOf(notes, 'playbook-structure'), []);
    const roles = '# Compensation\n\n- SDR: base plus variable, quota 12 meetings a month.\n- AE: base plus variable, quota in bookings.\n- Manager: team quota.\n- SDR: accelerators above 15 meetings.\n- AE: accelerators above quota.\n- Manager: quality bonus.\n';
    assert.deepEqual(findingsOf(roles, 'playbook-structure'), []);
    const moment = '# Monday calls\n\n**You:** Hi Dana, it is Sam at Acme. How do you plan docks today?\n**Dana:** By hand.\n**You:** What happens when a truck is late?\n**Dana:** It gets messy.\n';
    assert.deepEqual(findingsOf(moment, 'playbook-structure'), [], 'two rep turns are a moment of a call, not a whole script');
    const script = moment + '**You:** Who sorts it out on the day?\n**Dana:** Me.\n**You:** How long does that take you?\n**Dana:** An hour.\n';
    assert.deepEqual(findingsOf(script, 'playbook-structure').map((f) => f.replace(/;.*/, '')), [
      '1:1-1:15 info playbook-structure This call script has no reason for the call',
      '1:1-1:15 info playbook-structure This call script has no next step',
    ]);
  });
  it('writes the skeleton with the script’s own speaker label, the opening parts before the first section and the rest above “what not to say”', () => {
    const text = '# Cold call\n\n## Discovery\n\n**SDR:** How do you plan docks today?\n**Prospect:** By hand.\n**SDR:** What happens when a truck is late?\n**Prospect:** Chaos.\n**SDR:** Who sorts it out?\n**Prospect:** Me.\n**SDR:** How long does that take?\n**Prospect:** An hour.\n\n## What not to say\n\n- "Sorry to bother you"\n';
    const found = lintText(text, { rules: BUILTIN_RULES }).findings.filter((f) => f.ruleId === 'playbook-structure');
    const edits = Object.fromEntries(found.map((f) => [f.message.replace(/^This call script has no (.*?);.*/, '$1'), f.fixes[0].edits[0]]));
    assert.deepEqual(Object.keys(edits), ['opener', 'reason for the call', 'next step']);
    assert.equal(edits.opener.start, text.indexOf('## Discovery'));
    assert.equal(edits.opener.text, "## Opener\n\n**SDR:** Hi {{first_name}}, it's {{rep_name}} from {{company_name}}. ${1:why you are calling}\n\n");
    assert.equal(edits['next step'].start, text.indexOf('## What not to say'));
    assert.match(edits['next step'].text, /^## Next step\n\n\*\*SDR:\*\* Would /);
  });
});

function memoryHost(files: Record<string, string>): ConfigHost {
  return {
    readFile: (p) => files[p],
    dirname: (p) => p.slice(0, p.lastIndexOf('/')) || '/',
    join: (...parts) => parts.join('/').replace(/\/+/g, '/'),
    relative: (from, to) => to.slice(from.length + 1),
  };
}

function findingsOfConfig(text: string, config: EffectiveConfig): string[] {
  return lintText(text, { rules: BUILTIN_RULES, config }).findings.filter((f) => f.ruleId === 'playbook-structure').map((f) => formatFinding(text, f, true));
}
