/**
 * Rewrites fit their place: the channel of the turn (spoken words for calls and
 * voicemails, a short subject for a subject line), the stage the message shows
 * (a renewal note, a reply), the facts it holds (the buyer's name, the rep's
 * name and number, the thread), and the grammar around them (a greeting on the
 * same line kept, end marks joined, the new start's case). At least two
 * alternatives where the rule has them, best first; `--fix` never applies one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, fixText, snippetToPlainText, type Finding } from '../../server/src/engine';
import { lint } from '../helpers/findings';
import { applyFix } from '../../scripts/fix-proof';
import { pointsToEmail, statesReason } from '../../server/src/engine/read/call-reason';
import { countPhoneNumbers } from '../../server/src/engine/read/phone-numbers';

function findingOf(text: string, rule: string): Finding {
  const f = lint(text).findings.find((x) => x.ruleId === rule);
  assert.ok(f, `${rule} fires on ${JSON.stringify(text)}`);
  return f;
}

/** Every non-suppress fix of the rule's first finding: title and the fixed line(s) it touched. */
function rewrites(text: string, rule: string): Array<{ title: string; kind: string; fixed: string }> {
  return findingOf(text, rule)
    .fixes.filter((f) => f.kind !== 'suppress')
    .map((f) => ({ title: f.title, kind: f.kind, fixed: applyFix(text, f).text }));
}

const only = (all: Array<{ fixed: string }>) => all.map((r) => r.fixed);

describe('rewrites fit their channel', () => {
  it('a voicemail is never offered "Thanks for picking up", a call never "I\'m writing"', () => {
    const voicemail = '## Voicemail\n**Rep:** Hi Dana, so sorry to pester you, it is Sam from Acme.\n';
    const vm = only(rewrites(voicemail, 'no-apology-for-contact'));
    assert.ok(vm.length >= 3, 'the safe fix and at least two rewrites');
    for (const t of vm) assert.doesNotMatch(t, /picking up|I'm writing|this email/i, t);
    assert.ok(vm.some((t) => /I'm calling because|The reason for my call/i.test(t)));
    const call = '## Cold call script\n**Rep:** I know you\'re busy, so to be honest, I\'ll keep it short.\n';
    const lines = lint(call).findings.filter((f) => f.ruleId === 'weak-hedge-language').flatMap((f) => f.fixes.filter((x) => x.kind === 'rewrite').map((x) => applyFix(call, x).text));
    assert.ok(lines.length >= 2);
    for (const t of lines) assert.doesNotMatch(t, /I'm writing|this email|reply/i, t);
  });

  it('an email apology gets written words, never "Thanks for picking up"', () => {
    const email = '## Follow-up email\nApologies for chasing again: the Harlow pilot results are in.\n';
    const all = rewrites(email, 'no-apology-for-contact');
    assert.ok(all.filter((r) => r.kind === 'rewrite').length >= 2);
    for (const r of all) assert.doesNotMatch(r.fixed, /picking up|my call/i, r.fixed);
  });

  it('a subject line is replaced by a short subject within the subject-length rule, never a sentence', () => {
    const text = '### Email 1\nSubject: URGENT: your Q3 freight audit\n\nHi Dana,\n\nThe audit slots close on Friday.\n';
    const all = rewrites(text, 'no-false-urgency');
    assert.ok(all.length >= 2);
    for (const r of all) {
      const subject = /^Subject: (.*)$/m.exec(r.fixed)![1];
      assert.ok(subject.replace(/\[[^\]]*\]/g, 'x'.repeat(10)).length <= 45, subject);
      assert.doesNotMatch(subject, /[.!]\s|\.$/, subject);
      assert.equal(lint(r.fixed).findings.filter((f) => f.ruleId === 'subject-line-shape' && f.severity !== 'hint').length, 0, subject);
    }
  });
});

describe('rewrites fit the stage', () => {
  it('a renewal note to an existing customer is not offered "I noticed [trigger event] at [company]"', () => {
    const text = '## Renewal email\nHi Priya,\n\nJust checking in on the renewal paperwork.\n';
    const all = only(rewrites(text, 'no-empty-check-in'));
    assert.ok(all.length >= 2);
    for (const t of all) assert.doesNotMatch(t, /I noticed \[trigger event\]/, t);
    assert.match(all[0], /your go-live|your account/, 'the customer rewrite comes first');
  });

  it('a reply to the buyer\'s thread answers on its subject', () => {
    const text = '### Reply\nSubject: Re: pallet limits for Reno\n\nHi Dana, thanks for your question last week.\n\nJust checking in on this.\n';
    const first = rewrites(text, 'no-empty-check-in').find((r) => r.kind === 'rewrite')!;
    assert.match(first.fixed, /On pallet limits for Reno: \[the one new thing since your last email\]\./);

  it('in a file of several emails, the rewrite takes the subject and name of its own email, never a shouted subject', () => {
    const text = 'Subject: Re: pallet limits for Reno\nHi Dana,\nThanks for the floor plan. The Reno racks take 1,200 kg a level.\nSam\n\n---\n\nSubject: Re: dock doors at Sparks\nHi Lee,\nJust checking in on this.\nSam\n';
    const first = rewrites(text, 'no-empty-check-in').find((r) => r.kind === 'rewrite')!;
    assert.match(first.fixed, /Hi Lee,\nOn dock doors at Sparks: /);
    const shouted = 'Subject: Re: YOUR DOCK QUOTE - ACT NOW!!\nHi Lee,\nJust checking in on this.\nSam\n';
    for (const r of rewrites(shouted, 'no-empty-check-in')) assert.doesNotMatch(r.fixed.split('\n').slice(1).join('\n'), /ACT NOW/, r.fixed);
  });
  });

  it('a cold follow-up is offered the trigger event first', () => {
    const text = '## Follow-up email\nJust checking in on the proposal.\n';
    const first = rewrites(text, 'no-empty-check-in')[0];
    assert.match(first.fixed, /I noticed \[trigger event\] at \{\{company\}\} — \[what it means for them\]\./);
  });
});

describe('rewrites are grammatical', () => {
  it('a sentence added at the end goes above a formal sign-off ("With best regards,") and its name', () => {
    const text = '## Cold email\nSubject: Training for your Seoul team\nDear Ms. Kim,\nOur company provides business English training with certified teachers, and our methodology is used by many international firms.\nIn case of interest, please feel free to contact me.\nLooking forward to hear from you.\nWith best regards,\nSvetlana\n';
    const fixes = lint(text).findings.filter((f) => f.ruleId === 'single-clear-cta').flatMap((f) => f.fixes.filter((x) => x.kind !== 'suppress'));
    assert.ok(fixes.length > 0, 'single-clear-cta offers a question to add');
    for (const f of fixes) assert.match(applyFix(text, f).text, /contact me\. [^\n]*\?\nLooking forward to hear from you\.\nWith best regards,\nSvetlana\n$/);
  });

  it('marks in the middle of a subject become one dash, with no doubled space', () => {
    const text = '## Follow-up email\nSubject: Gentle reminder !! Status of my previous mail\nHi Jo,\nThe March schedule is attached.\n';
    const f = lint(text).findings.find((x) => x.ruleId === 'subject-line-shape' && /exclamation/i.test(x.message))!;
    assert.ok(f, 'the exclamation marks are flagged');
    assert.match(applyFix(text, f.fixes.find((x) => x.kind === 'safe')!).text, /Subject: Gentle reminder — Status of my previous mail\n/);
  });

  it('keeps a greeting on the same line and lowers the word after its comma', () => {
    const text = '## Follow-up email\nHi Dana, just checking in on the proposal.\n';
    for (const r of rewrites(text, 'no-empty-check-in').filter((x) => x.kind === 'rewrite')) {
      assert.match(r.fixed, /\nHi Dana, (?:[a-z]|I\b)/, r.fixed);
      assert.doesNotMatch(r.fixed, /—\.|\.\.|,\.|\s,/, r.fixed);
    }
  });

  it('keeps a texted greeting with no comma before filler words ("hey marissa just wanted to circle back…")', () => {
    const text = '## Follow-up text\nhey marissa just wanted to circle back on the quote i sent over any news on it\n';
    const all = rewrites(text, 'no-empty-check-in').filter((x) => x.kind === 'rewrite');
    assert.ok(all.length >= 1);
    for (const r of all) assert.match(r.fixed, /\nhey marissa /, r.fixed);
  });

  it('writes a merge field the front matter does not declare as a slot to fill', () => {
    const text = '---\nvariables: [first_name, sender_name]\n---\n## Email 2\nHi {{first_name}},\n\nHope your week is off to a strong start!\n\nAre drums still the right size for the Leeds line?\n\n{{sender_name}}\n';
    const all = rewrites(text, 'no-hope-finds-you-well').filter((x) => x.kind === 'rewrite');
    assert.ok(all.length >= 1);
    for (const r of all) assert.doesNotMatch(r.fixed, /\{\{\s*(?!first_name|sender_name)[\w.]+\s*\}\}/, r.fixed);
    assert.ok(all.some((r) => /\[company\]/.test(r.fixed)), all.map((r) => r.fixed).join('\n'));
  });

  it('replaces the whole claim, never a word in the middle of a phrase', () => {
    const text = '## Email 1\nWe are a best-in-class platform that teams rely on.\n';
    const all = rewrites(text, 'buzzword-jargon').filter((r) => r.kind === 'rewrite');
    assert.ok(all.length >= 2);
    for (const r of all) assert.doesNotMatch(r.fixed, /We are a \[/, r.fixed);
  });

  it('rewrites only the quoted line of a talk track and keeps its lead-in', () => {
    const text = '## Cold call tips\nNear the start of the call, ask: "Did I catch you at a bad time?" Few say yes.\n';
    const fixes = lint(text).findings.filter((f) => f.ruleId === 'no-bad-time-opener').flatMap((f) => f.fixes.filter((x) => x.kind === 'rewrite'));
    for (const fix of fixes) assert.match(applyFix(text, fix).text, /^Near the start of the call, ask: "[^"]+" Few say yes\.$/m);
  });

  it('keeps the rep\'s introduction around a rewritten clause', () => {
    const text = '## Cold call script\n**Rep:** Hi Fatima, it\'s Gus at Palletry, sorry to intrude on your afternoon.\n';
    for (const t of only(rewrites(text, 'no-apology-for-contact'))) assert.match(t, /Hi Fatima, it's Gus at Palletry/, t);
    // A full name and a company of several words, joined by a dash, stay too; the rewrite does not ask for them again.
    const long = '## Cold call script\n**Rep:** Hi, is that Claire? It’s Tom Reilly from Wheelgate Minibus Leasing – how’s the term treating you so far?\n**Prospect:** Busy.\n';
    const all = only(rewrites(long, 'no-how-are-you-opener'));
    assert.ok(all.length >= 2);
    for (const t of all) {
      assert.match(t, /It’s Tom Reilly from Wheelgate Minibus Leasing\. [A-Z]/, t);
      assert.doesNotMatch(t, /rep_name|how’s the term/, t);
    }
  });

  it('adds a sentence before the sign-off, closing an open sentence first', () => {
    const text = '## Voicemail\nHi Nadia, Owen from Crateflow here. I saw the audit results came in and have an idea for the dock queues\nTalk soon.\n';
    const fixes = lint(text).findings.filter((f) => f.ruleId === 'voicemail-essentials').flatMap((f) => f.fixes.filter((x) => x.kind === 'rewrite'));
    assert.ok(fixes.length >= 2);
    for (const fix of fixes) assert.match(applyFix(text, fix).text, /dock queues\. [A-Z][^\n]+\nTalk soon\.\n$/);
  });
});

describe('rewrites use the document\'s own facts', () => {
  it('repeats the number already in the voicemail instead of a blank', () => {
    const text = '## Voicemail\n> Hi Dana, it\'s Sam at Acme. I saw Harlow opened the Reno warehouse. Reach me at 555-201-7788.\n';
    const all = rewrites(text, 'voicemail-essentials');
    assert.ok(all.length >= 2);
    assert.ok(all.some((r) => r.fixed.includes("Again, that's 555-201-7788.")));
    assert.ok(all.some((r) => r.fixed.includes("Again, it's Sam at 555-201-7788.")));
    for (const r of all) assert.doesNotMatch(r.fixed, /rep_phone|Rep Phone/, r.fixed);
  });

  it('says a missing number twice, with the rep\'s name from the script', () => {
    const text = '## Voicemail\n> Hi Gemma, this is Theo from Stockwise. I saw your shrink numbers from the retail summit and have a way to cut them in half. Give me a call.\n';
    const numberFixes = findingOf(text, 'voicemail-essentials') && lint(text).findings.filter((f) => f.ruleId === 'voicemail-essentials').flatMap((f) => f.fixes).filter((f) => /number/i.test(f.title));
    assert.ok(numberFixes.some((f) => snippetToPlainText(f.edits[0].text).includes("It's Theo at {{rep_phone}}. Again, {{rep_phone}}.")));
  });

  it('keeps the only sentence of a voicemail that says why the rep called', () => {
    const voicemail = '## Voicemail\n> Hi Ana, it is Ben at Liftwise.\n> Not sure if my email from last week ever reached you, but I wanted to follow up on it because your Doncaster site doubles its racking in May.\n> Call me on 0113 496 0100, that is 0113 496 0100.\n';
    const all = rewrites(voicemail, 'no-passive-aggressive-reminder');
    assert.ok(all.length >= 2, all.map((r) => r.title).join(', '));
    for (const r of all) assert.ok(statesReason(r.fixed), `${r.title} keeps a reason: ${r.fixed}`);
  });
  it('keeps the only pointer to an email in a voicemail that gives no number', () => {
    const voicemail = '## Voicemail\n> Hi Tom, Kieran at Ascentra again.\n> I wanted to see whether you had a chance to look at the email I sent about your lift contract.\n';
    for (const r of rewrites(voicemail, 'no-empty-check-in')) assert.ok(pointsToEmail(r.fixed), `${r.title} keeps the email: ${r.fixed}`);
  });
  it('keeps the only call-back number of a voicemail', () => {
    const voicemail = '## Voicemail\n> Hi Sam, Priya at Kestrel. The free first visit I mentioned disappears at five o\'clock today, so if you want it, ring me before then on 0161 555 0142.\n';
    const all = rewrites(voicemail, 'no-false-urgency');
    for (const r of all) assert.ok(countPhoneNumbers(r.fixed) > 0, `${r.title} keeps the number: ${r.fixed}`);
  });
  it('does not name the buyer again after a greeting, or introduce the rep twice', () => {
    const text = '## Opener\n**Rep:** Hi Dana, it\'s Sam from Acme. How are you doing today?\n';
    for (const t of only(rewrites(text, 'no-how-are-you-opener'))) {
      assert.equal((t.match(/Sam/g) ?? []).length, 1, t);
      assert.equal((t.match(/Dana/g) ?? []).length, 1, t);
    }
  });
});

describe('alternatives and fix-all', () => {
  it('offers at least two rewrites, safe fixes first, for every phrase rule that has two', () => {
    for (const rule of BUILTIN_RULES) {
      const rewriteCount = (rule.fixes ?? []).filter((f) => f.kind === 'rewrite').length;
      if (rule.kind !== 'phrase' || rewriteCount < 2) continue;
      for (const ex of rule.examples?.invalid ?? []) {
        for (const f of lint(ex.text).findings.filter((x) => x.ruleId === rule.id)) {
          const kinds = f.fixes.filter((x) => x.kind !== 'suppress').map((x) => x.kind);
          const firstRewrite = kinds.indexOf('rewrite');
          if (firstRewrite < 0) continue;
          assert.ok(kinds.slice(firstRewrite).every((k) => k === 'rewrite'), `${rule.id}: safe fixes come first`);
          assert.ok(kinds.length - firstRewrite >= 2 || rule.id === 'weak-hedge-language', `${rule.id}: two rewrites for ${JSON.stringify(ex.text)}`);
        }
      }
    }
  });

  it('--fix applies safe fixes only, never a rewrite', () => {
    const text = '## Follow-up email\nHi Dana, just checking in on the proposal.\n\n## Voicemail\n> Hi Dana, it\'s Sam at Acme. I saw Harlow opened the Reno warehouse. Reach me at 555-201-7788.\n';
    const fixed = fixText(text, { rules: BUILTIN_RULES }).text;
    assert.equal(fixed, text, 'nothing here has a safe fix');
  });
});
