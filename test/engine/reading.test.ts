/**
 * The reading layer: who speaks to whom in each piece of text, read from the
 * text itself, with headings as evidence rather than the only source.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, lintText, BUILTIN_RULES } from '../../server/src/engine';
import { findingToMarkdown } from '../../server/src/lsp/hover';

/** The first turn holding `needle`. */
function turnOf(text: string, needle: string) {
  const turn = buildModel(text).turns.find((t) => t.unit.text.slice(t.a, t.b).includes(needle));
  assert.ok(turn, `a turn holding “${needle}”`);
  return turn!;
}

/** The rules that report on `doc`. */
function ruleIdsOf(doc: string): string[] {
  return lintText(doc, { rules: BUILTIN_RULES }).findings.map((f) => f.ruleId);
}

/** The voice of the first turn holding `needle`. */
function voiceOf(text: string, needle: string): string {
  return turnOf(text, needle).voice;
}

describe('reading: messages and the words around them', () => {
  it('"make the call" (decide) and "the email I sent" are a message’s words, not process words of a page', () => {
    const doc = '# LinkedIn notes and texts\n\n## LinkedIn: nudge on the annual agreement\nQuick one, Greg: when are the partners going to make the call on the annual agreement?\n\n## SMS: answer to Tom\nTom, yes: the units are fine near the chilled goods. Details in the email I just sent.\n';
    assert.equal(voiceOf(doc, 'Quick one'), 'rep');
    assert.equal(voiceOf(doc, 'Tom, yes'), 'rep');
    // A step of the team's process keeps its process words.
    assert.equal(voiceOf('# Texts and notes\n\n## After the demo\nLog the call in the CRM and send the email from the template.\n', 'Log the call'), 'guidance');
  });
  it('an email from greeting to sign-off is the rep’s, even when it names the buyer’s onboarding', () => {
    const doc = 'Hello Farah,\n\nAny news on the contract?\nWe have pencilled in an onboarding slot for the 14th.\n\nRegards,\nJonas\n';
    assert.equal(voiceOf(doc, 'Any news'), 'rep');
  });
  it('thanks said to someone by name opens a message like a greeting, even beside the rep’s own process words', () => {
    const doc = '# LinkedIn messages\n\n**After connecting**\nThanks for connecting, Dr. Amani! Have you had a think about the demo? Our spring onboarding calendar is filling up fast.\n';
    assert.equal(voiceOf(doc, 'Thanks for connecting'), 'rep');
    assert.ok(ruleIdsOf(doc).includes('no-false-urgency'));
    // Thanks with no one named is not an opener: a process line stays guidance.
    assert.equal(voiceOf('# LinkedIn messages\n\n**Notes**\nThanks for the onboarding calendar template, it is in the CRM now.\n', 'Thanks for the'), 'guidance');
  });
  it('inside an email the people it names are the addressee’s ("the new hires"), so its lines stay the rep’s', () => {
    const doc = 'Subject: Before your renewal\nHi Femi,\n\nDo you want to add Arabic for the new hires?\n\nThanks,\nAnya\n';
    assert.equal(voiceOf(doc, 'Do you want'), 'rep');
    assert.equal(voiceOf('# Ramp plan\n\nDo the new hires shadow two calls before their first solo call?\n', 'Do the new hires'), 'guidance');
  });
  it('a "you" next to a merge field naming the reader ("Apologies, {{first_name}}, I know you must…") is the buyer', () => {
    const doc = '# LinkedIn\n\n## Connection note C\n\nApologies for the random request, {{first_name}}, I know you must get loads of these.\n';
    assert.equal(voiceOf(doc, 'Apologies for'), 'rep');
    assert.equal(voiceOf('# LinkedIn\n\n## Connection note C\n\nYou must get the request out within a day of the event.\n', 'You must'), 'guidance');
  });
  it('a salutation that is only the buyer’s name opens an email when a sign-off closes it', () => {
    const doc = 'Dana —\n\nYour Reno site opened last month. Sites that size lose an hour a day to late trucks.\n\nBest,\nSam\n';
    assert.equal(voiceOf(doc, 'Your Reno site'), 'rep');
    // Without a sign-off a lone name line is not enough: it may head a note about Dana.
    assert.equal(voiceOf('Dana —\n\nOwns the Reno rollout; prefers short updates on Fridays.\n', 'Owns the Reno'), 'guidance');
  });
  it('inside an email a run-in label is the writer’s words, but a label over a slot stays a template field', () => {
    const doc = 'Hi Dana,\n\nOne more idea: the Northwind checklist is two pages. Want it?\n\nDetails: [2-3 sentences on the offer]\n\nBest,\nSam\n';
    const model = buildModel(doc);
    const idea = model.turns.find((t) => t.unit.text.slice(t.a, t.b).includes('Northwind'))!;
    assert.equal(idea.voice, 'rep');
    assert.match(idea.unit.text.slice(idea.a, idea.b), /^One more idea:/, 'the run-in counts with the sentence');
    assert.notEqual(voiceOf(doc, '2-3 sentences'), 'rep');
  });
  it('an email to a customer that names their buyers stays an email up to its sign-off', () => {
    const doc = 'Hi Ingrid,\n\nAhead of our review on the 14th, here are the three numbers. Is there anything your buyers want added to the agenda?\n\nCallum\n';
    assert.equal(voiceOf(doc, 'Ahead of our review'), 'rep');
  });
  it('coaching after a template ends the email when no sign-off follows before the next one', () => {
    const doc = 'Hi Dana,\n\nYour Reno site opened last month.\n\nReps should make sure the prospect has seen the benchmark before you send this.\n\nHi Sam,\n\nA second note.\n\nBest,\nLee\n';
    assert.equal(voiceOf(doc, 'Reps should make sure'), 'guidance');
  });
  it('a line that names both sides ("Rep: …. Prospect: …") is a field list, not a turn', () => {
    const doc = '# Call transcript\n\nRep: Lauren Ortiz, Coolpath. Prospect: Victor Hale, property manager.\n';
    assert.equal(voiceOf(doc, 'Lauren Ortiz'), 'guidance');
  });
  it('a caller line with the call’s brief ("Caller: Marcus (AE). Target: practice owner.") is a field list, not the opener', () => {
    const doc = '# Cold call: vet practices\n\nCaller: Marcus (AE, PawsLedger). Target: practice owner with one to three sites.\n\n**Rep:** Hi, is that Dr Lindqvist? It\'s Marcus at PawsLedger. I saw you opened a second site in Leeds.\n**Prospect:** I have two minutes.\n';
    assert.equal(voiceOf(doc, 'Marcus (AE'), 'guidance');
    assert.ok(!ruleIdsOf(doc).includes('state-reason-for-call'), ruleIdsOf(doc).join(', '));
    // A field name that is a turn of talk stays a turn: "Rep: Hi Dana. Quick question: …".
    assert.equal(voiceOf('## Call\n\nRep: Hi Dana. Quick question: how do you plan the rota?\n', 'Hi Dana'), 'rep');
  });
  it('a named caller in a transcript speaks as the rep, so a long company overview is a monologue', () => {
    const overview = 'So, a bit about us: we were founded in 1998, we have 140 technicians, our vans carry the parts for twenty units, our portal shows every visit, and we run planned maintenance twice a year, emergency calls around the clock, and our own paperwork service. '.repeat(2);
    const doc = `# Call transcript\n\n[00:00:02] Lauren: Hi Victor, Lauren Ortiz with Coolpath. Two of your units still run on R-22.\n[00:00:09] Victor: Okay.\n[00:00:12] Lauren: ${overview}\n[00:01:30] Victor: Right.\n`;
    const findings = ruleIdsOf(doc);
    assert.ok(findings.includes('rep-monologue-length'), findings.join(', '));
    assert.ok(!findings.includes('state-reason-for-call'), 'the first turn says where the buyer stands');
  });
  it('a message written out under a heading that names its channel and a process ("SMS cadence") is checked', () => {
    const doc = '# SMS cadence\n\n| Step | When | Text |\n|---|---|---|\n| 2 | day 1 | Hi {{first_name}}, just checking in to see if you got my text? |\n';
    const ids = ruleIdsOf(doc);
    assert.ok(ids.includes('no-empty-check-in'), ids.join(', '));
    const internal = '# Internal: SMS cadence\n\n| Step | When | Text |\n|---|---|---|\n| 2 | day 1 | Hi {{first_name}}, just checking in to see if you got my text? |\n';
    assert.ok(!ruleIdsOf(internal).includes('no-empty-check-in'), 'a heading that says internal wins');
  });
  it('a heading naming phrases that kill replies, and a "Bad output:" lead-in, mark bad examples', () => {
    assert.equal(voiceOf('## Phrases that kill replies\n\n- "Just bumping this to the top of your inbox"\n', 'Just bumping'), 'guidance');
    const doc = '## Prompt examples\n\n**Bad output (don\'t do this):**\n\n> Hi Maria, I hope you\'re well! My name is Jordan.\n\n**Good output:**\n\n> Hi Maria, your renewal is in June.\n';
    assert.equal(voiceOf(doc, 'My name is Jordan'), 'guidance');
    assert.equal(voiceOf(doc, 'your renewal is in June'), 'rep');
  });
  it('a postscript below the sign-off is still the email', () => {
    const doc = 'Hi Dana,\n\nThe Reno checklist is two pages. Want it?\n\nBest,\nSam\n\nP.S. The offer is only good until Friday.\n';
    assert.equal(voiceOf(doc, 'only good until Friday'), 'rep');
  });
  it('a rep’s turn under a sequence step that names a call is spoken, not an email', () => {
    const doc = '# Outbound\n\n## Touch 3 — Call (day 5)\n\n**Rep:** Hi Dana, Sam from Ledgerly. I saw the two controller roles you posted.\n';
    const turn = buildModel(doc).turns.find((t) => t.unit.text.slice(t.a, t.b).includes('controller roles'))!;
    assert.equal(turn.channel, 'call');
    assert.equal(turn.contexts.has('email'), false);
  });
  it('coaching under an objection heading talks about the organisation, not to it', () => {
    const doc = '## Potential objections\n\nThis objection is most common with teams new to automation. Take a step back and ask what the organization wants to change. Does it want faster releases? Fewer incidents? Lower cost?\n';
    assert.equal(voiceOf(doc, 'This objection is most common'), 'guidance');
  });
  it('under a discovery question, a conditional instruction and a resource link are notes for the rep', () => {
    const doc = '## Discovery questions\n\n- How do you plan dock slots today?\n  - [Slot planner](https://example.com/slots) - Plan, sort and publish dock slots across sites\n  - If this line of questioning shows late trucks, position the yard module.\n';
    assert.equal(voiceOf(doc, 'How do you plan'), 'rep');
    assert.equal(voiceOf(doc, 'Plan, sort and publish'), 'guidance');
    assert.equal(voiceOf(doc, 'position the yard module'), 'guidance');
  });
  it('a condition that speaks to the buyer is not an instruction to the rep', () => {
    const doc = '## Follow-up email\n\nIf you would like, schedule a time that suits you on my calendar.\n';
    assert.equal(voiceOf(doc, 'schedule a time'), 'rep');
  });
  it('the nearest heading that names a channel wins: a call script under “templates” is spoken', () => {
    const doc = '# Script templates\n\n## Discovery call\n\n### Close\n\n> "Based on what you shared, a 30-minute demo with your ops lead would show the Reno fix. Does Thursday work?"\n';
    const turn = buildModel(doc).turns.find((t) => t.unit.text.slice(t.a, t.b).includes('30-minute demo'))!;
    assert.equal(turn.channel, 'call');
    assert.equal(turn.contexts.has('email'), false);
  });
  it('a prompt for an assistant is guidance, and so are its fields', () => {
    const doc = '## Follow-up prompts\n\n```\nCreate a 3-email sequence for [PERSONA] at [COMPANY].\nValue prop: [KEY BENEFIT]\n```\n';
    assert.equal(voiceOf(doc, 'Create a 3-email'), 'guidance');
    assert.equal(voiceOf(doc, 'KEY BENEFIT'), 'guidance');
  });
  it('a heading about messages ("… tips") does not make its prose a message', () => {
    assert.equal(voiceOf('## Follow-up email tips\n\nKeep each one under 80 words and give one new fact.\n', 'Keep each'), 'guidance');
  });
  it('a fenced page template with its own headings is not a message', () => {
    assert.equal(voiceOf('## Email template\n\n```markdown\n#### Who to contact\n\nHi team, we help you leverage synergies.\n```\n', 'leverage'), 'guidance');
  });
  it('a "Subject line:" that runs on as advice is not a subject', () => {
    const doc = '## Executive email\n\n**Subject line: verdict + implied action.** Not a status update. Tell them the state and the cost.\n';
    assert.equal(voiceOf(doc, 'verdict'), 'guidance');
  });
  it('a question filed under a qualifying topic ("Budget: …?") is the rep’s question', () => {
    const doc = '## Discovery questions\n- Budget: Do you have budget for this?\n- Champion: Dana runs the pilot.\n';
    assert.equal(voiceOf(doc, 'Do you have budget'), 'rep');
    assert.notEqual(voiceOf(doc, 'Dana runs'), 'rep');
  });
  it('quotes introduced as the customer’s words are the buyer’s, and a quoted prompt is guidance', () => {
    const doc = '## Proof of value\n\nWhat customers told us during the trial:\n\n- "We only want AI features that run on our own models."\n\nA prompt worth keeping:\n\n> "From this transcript, extract every pain statement with the speaker’s words."\n';
    assert.equal(voiceOf(doc, 'We only want'), 'buyer');
    assert.equal(voiceOf(doc, 'From this transcript'), 'guidance');
  });
  it('text that addresses no one is not read as a message on a heading’s word alone', () => {
    assert.equal(voiceOf('## The pipeline\n\n> Capture, extract, review, send: the whole loop runs the same day.\n', 'Capture'), 'guidance');
  });
  it('questions the rep asks about their own deal are guidance', () => {
    const doc = '## Qualifying questions\n\n- Has the customer bought into your Metrics?\n- Is your Champion using your business case?\n';
    assert.equal(voiceOf(doc, 'bought into'), 'guidance');
    assert.equal(voiceOf(doc, 'Champion'), 'guidance');
  });
  it('advice under a subject-lines heading is not a subject; a subject is', () => {
    const doc = '## Subject lines\n\n- 2-4 words, lowercase, no tricks\n- Should look like it came from a colleague ("reply rates")\n- reno pick errors\n';
    assert.equal(voiceOf(doc, 'lowercase'), 'guidance');
    assert.equal(voiceOf(doc, 'colleague'), 'guidance');
    assert.equal(voiceOf(doc, 'reno pick'), 'rep');
  });
  it('a list introduced as the rep’s own checklist is guidance', () => {
    assert.equal(voiceOf('## Email 1\n\nBefore you send, ask yourself:\n\n- Would you reply to this?\n', 'Would you reply'), 'guidance');
  });
  it('a “Re:” to the subject of an earlier email in the same document is the same thread', () => {
    const doc = '## Email 1\n\nSubject: Missed call-backs\n\nHi Sofia,\n\n## Email 2\n\nSubject: Re: Missed call-backs\n\nHi Sofia,\n\n## Email 3\n\nSubject: Re: our call last week\n';
    const turns = buildModel(doc).turns.filter((t) => t.role === 'subject');
    assert.deepEqual(turns.map((t) => t.contexts.has('thread-reply')), [false, true, false]);
  });
  it('a plain "Subject:" line is a subject', () => {
    assert.equal(voiceOf('## Email 1\n\nSubject: Reno pick errors\n\nHi Sam,\n', 'Reno pick'), 'rep');
  });
});

describe('reading: messages are measured one by one', () => {
  it('emails written one after another in a section are each read, and measured apart', async () => {
    const { emailUnits } = await import('../../server/src/engine/rules/kinds/units');
    const doc = '## Email 2\n\nHi Marcus,\n\nWanted to float this back up.\n\nHi Marcus,\n\nDid you get a chance to review the quote?\n\nHi Marcus,\n\nAny news on the pilot?\n';
    assert.equal(voiceOf(doc, 'Did you get a chance'), 'rep');
    assert.equal(voiceOf(doc, 'Any news'), 'rep');
    assert.equal(emailUnits(buildModel(doc)).length, 3);
  });
  it('separate quote blocks under one heading are separate messages', async () => {
    const { emailUnits } = await import('../../server/src/engine/rules/kinds/units');
    const doc = '## Bump emails\n\n> [Name] — bumping this up. Worth a quick chat?\n\n> [Name] — circling back. Timing not right, or just buried?\n';
    assert.equal(emailUnits(buildModel(doc)).length, 2);
  });
  it('one quote block of several paragraphs is one message', async () => {
    const { emailUnits } = await import('../../server/src/engine/rules/kinds/units');
    const doc = '## Email 3 — value add\n\n> Hi [Name], came across this report on dock scheduling.\n>\n> Open to a quick chat this week?\n';
    assert.equal(emailUnits(buildModel(doc)).length, 1);
  });
});

describe('reading: run-in labels', () => {
  it('a header the message carries ("Flash offer:") is the sender’s words, not a persona speaking', () => {
    const doc = '# Texts\n\n## SMS - promo\nFlash offer: 15% off every project booked by midnight Sunday. Slots going fast, don’t miss out!\n';
    assert.equal(voiceOf(doc, 'Slots going fast'), 'rep');
    assert.ok(ruleIdsOf(doc).includes('no-false-urgency'));
    // A capitalised name before a colon is still a persona.
    assert.equal(voiceOf('# Role-play\n\nRep: Hi Dana, Sam from Lingwell.\nDana Reyes: Go on.\n', 'Go on'), 'buyer');
  });
});

describe('reading: subject lines', () => {
  it('a shouted subject ("You’re invited!!! Limited places") is a subject, and prose after a "Subject:" label is not', () => {
    const doc = 'Subject: You’re invited!!! Limited places\nHello,\nWe are opening the new showroom soon.\nTom\n';
    assert.ok(ruleIdsOf(doc).includes('subject-line-shape'));
    assert.equal(voiceOf('## Subject lines\n\nSubject: Keep it short. Buyers skim anything past six words.\n', 'Keep it short'), 'guidance');
  });
});

describe('reading: transcripts', () => {
  const doc = '# Call with Harlow — 14 Nov\n\n[00:00:03] Mei (Ordwell): Hi Colin, it is Mei from Ordwell. I am calling about your supplier onboarding.\n[00:00:09] Colin (Harlow): Go on.\n[00:00:12] Mei (Ordwell): How many suppliers did you add this quarter?\n';
  it('a time stamp with hours and a company after the name still make a speaker label', () => {
    assert.equal(voiceOf(doc, 'Go on'), 'buyer');
  });
  it('the speaker who says who they are and why they called is the rep, in every turn', () => {
    assert.equal(voiceOf(doc, 'I am calling about'), 'rep');
    assert.equal(voiceOf(doc, 'How many suppliers'), 'rep');
  });
  it('a line naming a channel and ending in a colon titles the message under it', () => {
    const doc = 'SMS — to the same contact, three weeks after the call, no reply since:\nHi Nadia, Tom again! Sorry to bug you on a Monday.\n\nLinkedIn message — after she accepted:\nThanks for connecting, Nadia. Here is the summary you asked about.\n';
    assert.equal(voiceOf(doc, 'SMS —'), 'guidance');
    assert.equal(voiceOf(doc, 'Sorry to bug you'), 'rep');
    assert.ok(ruleIdsOf(doc).includes('no-apology-for-contact'));
  });
  it('a title over a message names its channel, nearer than the page title', () => {
    const doc = '# Voicemail and text drops\n\n## Follow-ups\n\n**Text 2 — a week on**\nFrank, any luck with the backhaul lanes? Two trucks a week are free in May.\n';
    assert.equal(turnOf(doc, 'any luck').channel, 'message');
    assert.ok(!ruleIdsOf(doc).includes('voicemail-essentials'));
  });
  it('a heading naming LinkedIn holds written messages, even when it says "pitch"', () => {
    const doc = '## LinkedIn: payroll pitch\n\nNadia, I came across your profile and love what you are building. Worth a chat?\n';
    assert.equal(turnOf(doc, 'came across').channel, 'email');
  });
  it('a role in brackets after a name says who speaks: “Kieran (Rep):”, “Priya (Prospect):”', () => {
    const review = '## Opener as Kieran ran it\n\n**Kieran (Rep):** Priya, Kieran from Ascentra. How is your week going?\n**Priya (Prospect):** Busy. What is it about?\n**Kieran (Rep):** We have looked after lifts since 1987.\n';
    assert.equal(voiceOf(review, 'How is your week'), 'rep');
    assert.equal(voiceOf(review, 'Busy.'), 'buyer');
    assert.equal(voiceOf(review, 'since 1987'), 'rep');
  });
  it('a buyer returning the rep’s call introduces themselves first; the rep is the one who answers', () => {
    const callBack = '# Call log\n\n**Ines (Tarrow Dairy):** Hello, Ines Moreau here, I’m returning a call from a Kofi about our chillers?\n\n**Kofi (Coldline):** Ines, thanks for ringing back. I rang because your Tarrow plant posted a refrigeration tender.\n\n**Ines (Tarrow Dairy):** Right, go on.\n\n**Kofi (Coldline):** Who looks after the chillers today?\n';
    assert.equal(voiceOf(callBack, 'returning a call'), 'buyer');
    assert.equal(voiceOf(callBack, 'I rang because'), 'rep');
    assert.equal(voiceOf(callBack, 'Who looks after'), 'rep');
  });
  it('a call between named people is a record of one call, not a script with missing parts', () => {
    const log = `# Call log\n\n${doc.split('\n\n')[1]}\n[00:00:20] Colin (Harlow): About forty.\n[00:00:25] Mei (Ordwell): What happens when one of them sends the wrong bank details?\n[00:00:31] Colin (Harlow): We find out at payment.\n[00:00:36] Mei (Ordwell): Thanks, that is useful.\n[00:00:41] Colin (Harlow): Fine.\n`;
    assert.ok(!ruleIdsOf(log).includes('playbook-structure'), ruleIdsOf(log).join(', '));
  });
});

describe('reading: prompts for an assistant', () => {
  it('“You write first-touch emails for…” instructs an assistant, and a “Rejected output (do not imitate)” is a bad example', () => {
    const doc = '# Email writer\n\nYou write first-touch emails for the account team at Coldline, a chiller service firm.\n\n## Rejected output (do not imitate)\n\n> Hi {{first_name}}, I hope this finds you well! My name is Kofi and Coldline is the best-in-class partner.\n';
    assert.equal(voiceOf(doc, 'You write first-touch'), 'guidance');
    assert.deepEqual(ruleIdsOf(doc), []);
  });
  it('a prompt that says "You are helping a rep" is the assistant\'s instructions, its "Subject:" rule too', () => {
    const doc = '# Prompt: first email to a shop owner\n\n```text\nYou are helping a rep at Larkspur Signs, a sign maker in Leeds.\n\nWrite one first-touch email to the owner described in NOTES.\n\nRules:\n- Open with the one detail from NOTES.\n- Subject: three plain words about their shop, no exclamation marks, no capitals for emphasis at all ever.\n- Sign off with the rep\'s first name.\n\nNOTES:\n{{notes}}\n```\n';
    assert.equal(voiceOf(doc, 'You are helping'), 'guidance');
    assert.deepEqual(ruleIdsOf(doc), []);
  });
});

describe('reading: sequences', () => {
  it('a section for the call the buyer answers ("If Priti picks up instead") on a page of voicemails is a live call', () => {
    const doc = '# Voicemails: charity finance directors\n\n## First voicemail\n\n> Hi Priti, it\'s Tom at Clearwage on 020 7946 0321. I saw your trust is moving payroll in-house in April. Again, 020 7946 0321.\n\n## If Priti picks up instead\n\n**Rep:** Priti, it\'s Tom at Clearwage, thanks for picking up. I saw your trust is moving payroll in-house in April.\n**Prospect:** We haven\'t decided yet.\n';
    const model = buildModel(doc);
    const channelOf = (needle: string) => model.turns.find((t) => t.unit.text.slice(t.a, t.b).includes(needle))?.channel;
    assert.equal(channelOf('on 020 7946'), 'voicemail');
    assert.equal(channelOf('thanks for picking up'), 'call');
  });
  it('a touch that lets the buyer go is the break-up, whatever its heading says', () => {
    const touch = (n: number, body: string) => `## Touch ${n} — Day ${n * 3}\n\nHi {{first_name}},\n\n${body}\n\nKofi\n\n`;
    const seq = '# Chiller service sequence\n\n' + touch(1, 'Your Tarrow plant posted a refrigeration tender; we service the chillers at two dairies nearby. Worth a call on Thursday?') + touch(2, 'Here is the two-page write-up of how Brookfield Dairy cut chiller call-outs by a third. Want the contact of their engineer?') + touch(3, 'I will assume the timing is off and stop emailing. If the tender comes back, I am one reply away.');
    assert.ok(!ruleIdsOf(seq).includes('playbook-structure'), ruleIdsOf(seq).join(', '));
  });
});

describe('reading: emails pasted one after another', () => {
  it('a sign-off right above a "---" that the next email follows is a sign-off, not a heading', () => {
    const doc = 'Subject: Sign proofs\nHi Priya,\n\nThe proofs are attached. Would a sample of each finish help you choose?\n\nTom\n---\nSubject: Fascia letters\nHi Aaron,\n\nI priced the fascia at £4,600 fitted.\n\nKind regards,\nTom Hale\n---\nSubject: Car park signs\nHi Leah,\n\nShall I add the two arrow signs to the quote?\n\nTom\n';
    const model = buildModel(doc);
    assert.deepEqual(model.sections.map((s) => s.title), [null], 'no section is titled by a sign-off');
    assert.equal(voiceOf(doc, 'I priced the fascia'), 'rep');
    // A real setext heading stays a heading.
    assert.deepEqual(buildModel('Overview\n---\n\nThe team runs two cadences.\n').sections.map((s) => s.title), [null, 'Overview']);
  });
  it('each pasted email is its own message: a bump above does not make a later cold email a thread', () => {
    const doc = 'Subject: Bay 4 racking\nHi Omar,\n\nGiving this a quick nudge in case it got buried.\n\nBen\n---\nSubject: Re: Forklift hire\nHi Lena,\n\nI\'m Ben from Liftwise, and we hire reach trucks across the Midlands. Could you spare 45 minutes next week?\n\nBen\n';
    assert.ok(ruleIdsOf(doc).includes('no-deceptive-familiarity'), ruleIdsOf(doc).join(', '));
  });
  it('a short email written without blank lines above a "---" is an email, not a heading', () => {
    const doc = 'Subject: Pallet racking\nHi Omar, any movement on the racking quote? Has your site director signed it off yet?\nBen\n---\nSubject: Forklift hire\nHi Omar,\n\nThe two reach trucks are free from 3 June. Want them held?\n\nBen\n';
    assert.deepEqual(buildModel(doc).sections.map((s) => s.title), [null]);
    assert.equal(voiceOf(doc, 'any movement on the racking'), 'rep');
    assert.ok(ruleIdsOf(doc).includes('no-decision-pressure-follow-up'), ruleIdsOf(doc).join(', '));
  });
  it('an email run together down to a company line in its signature, above a "---", is an email, at the end of a file too', () => {
    const email = 'Subject: Pallet racking\nHi Omar,\nOur launch price ends tonight, and after that it is gone for good.\nBen Hale\nLiftwise Fork Truck Hire\n---\n';
    for (const doc of [`${email}Subject: Forklift hire\nHi Omar,\n\nThe two reach trucks are free from 3 June.\n`, email, `${email}\nNotes for the team.\n`]) {
      assert.deepEqual(buildModel(doc).sections.map((s) => s.title), [null], doc);
      assert.ok(ruleIdsOf(doc).includes('no-false-urgency'), ruleIdsOf(doc).join(', '));
    }
  });
});

describe('reading: a bold title line over a message', () => {
  it('the title names the message, and the message starts on the line below it', () => {
    const doc = '## Connection notes\n\n**Note B (after they accept)**\nThanks for connecting, Ana!\nIf there is anything at all I can help with, just shout.\n';
    assert.equal(voiceOf(doc, 'Note B'), 'guidance');
    assert.equal(voiceOf(doc, 'Thanks for connecting'), 'rep');
    assert.ok(ruleIdsOf(doc).includes('no-generic-need-anything'), ruleIdsOf(doc).join(', '));
  });
  it('a bold "If they say" line over its arrowed answer in the same paragraph is an objection and the rep’s answer', () => {
    const doc = '## Objection bank\n\n**If they say "We just renewed."**\n→ "Great. We have been named a top agency three years running, so switch next year."\n';
    assert.ok(ruleIdsOf(doc).includes('objection-handling'), ruleIdsOf(doc).join(', '));
  });
  it('a heading naming LinkedIn connection notes names messages', () => {
    const doc = '# LinkedIn connection notes\n\nThanks for connecting, Ana!\nIf there is anything at all I can help with, just shout.\n';
    assert.equal(voiceOf(doc, 'Thanks for connecting'), 'rep');
  });
});

describe('reading: discovery banks', () => {
  it('a question in a list under a discovery heading is one the rep asks; a deal-review question about the Economic Buyer is not', () => {
    const doc = '# Discovery: first meeting\n\n## Security basics\n\n- Do staff read work email on their own phones?\n- Has a phishing email ever got through?\n\n## Deal review\n\n### Qualifying\n\n- Have you met the Economic Buyer yet?\n';
    assert.equal(voiceOf(doc, 'Do staff read'), 'rep');
    assert.equal(voiceOf(doc, 'Economic Buyer'), 'guidance');
  });
});

describe('reading: replies', () => {
  it('the earlier email quoted under a reply is the buyer’s, and the reply that answers it needs no ask', () => {
    const doc = '## Email 1\n\nSubject: Chiller service\n\nHi Ines,\n\nYour Tarrow plant posted a refrigeration tender. Worth a call on Thursday?\n\nKofi\n\n## Reply\n\nSubject: Re: Chiller service\n\nHi Ines,\n\nYes, the quarterly visit covers the two blast chillers as well, at the same price, and we bring the gaskets.\n\nKofi\n\n> On 3 May, Ines Moreau wrote:\n> Does the quarterly visit cover the blast chillers?\n';
    assert.equal(voiceOf(doc, 'Does the quarterly visit'), 'buyer');
    assert.ok(!ruleIdsOf(doc).includes('single-clear-cta'), ruleIdsOf(doc).join(', '));
  });
});

describe('reading: to-do lists under a message heading', () => {
  const doc =
    '## Before you go out of office\n\n- [ ] Resend open quotes with your cover copied\n  - If a next step falls while you are away, tell the client and copy your cover\n\nOn the day before time off:\n\n- [ ] Set your auto-reply\n\nArea sales managers have more steps before leaving:\n\n- [ ] Hand over the team stand-up\n';
  it('a sub-item of a checklist item is part of the to-do', () => {
    assert.equal(voiceOf(doc, 'If a next step falls'), 'guidance');
  });
  it('a line that only leads in to a list is a label of the page', () => {
    assert.equal(voiceOf(doc, 'On the day before'), 'guidance');
  });
  it('a line about sales managers talks about roles, not to the buyer', () => {
    assert.equal(voiceOf(doc, 'Area sales managers'), 'guidance');
  });
  it('a discovery question about the buyer’s onboarding is the rep’s question, not a process note', () => {
    assert.equal(voiceOf('## Discovery questions\n\n- How do you measure how long onboarding takes?\n', 'How do you measure'), 'rep');
  });
  it('an out-of-office reply under the same kind of heading is still a message', () => {
    assert.equal(voiceOf('## Out-of-office reply\n\nHi, I am away until Monday 3 June. For anything urgent, Priya (priya@example.com) can help.\n', 'I am away'), 'rep');
  });
});

describe('reading: pages that hold messages', () => {
  it('a numbered text message on a cadence page is a text, not an email, and not part of the process', () => {
    const t = turnOf('# Follow-up cadence\n\n## Day 5 — Text 2\n\n> Dale, the pump report for your Keystone wells is ready. Worth a look?\n', 'pump report');
    assert.equal(t.voice, 'rep');
    assert.equal(t.channel, 'message');
    assert.ok(!t.contexts.has('email') && !t.contexts.has('process'));
  });
  it('on a page of email and voicemail templates, an email in a plain block is an email and a voicemail stays one', () => {
    const doc = '# Email and voicemail templates\n\n## Cold email\n\n```text\nSubject: 31 vans\n\nHi Tom,\n\nYour fleet grew by a third. Worth 15 minutes?\n\nGavin\n```\n\n## Voicemail 2\n\n```text\nHi Tom, Gavin from Keystone again, just seeing how you are getting on.\n```\n';
    assert.equal(turnOf(doc, 'fleet grew').channel, 'email');
    assert.equal(turnOf(doc, 'Keystone again').channel, 'voicemail');
  });
  it('a pasted thread: the first sender is the rep, a reply from the other side is the buyer’s, a note to a colleague is internal', () => {
    const doc = 'From: Hollie Marsh <hollie@granary.example>\nTo: Tom Achebe\nDate: Mon 3 Feb\nSubject: Your away-day\n\nHi Tom,\n\nWe host groups of 40 to 200. Worth a look?\n\nHollie\n\nFrom: Tom Achebe\nDate: Fri 7 Feb\nSubject: Re: Your away-day\n\nHollie, we need rooms for 70 people. Tom\n\nFrom: Hollie Marsh\nTo: Jess Okoro\nSubject: Lumen Labs menu\n\nJess, can you price a two-day menu for 70?\n';
    assert.equal(voiceOf(doc, 'We host groups'), 'rep');
    assert.equal(voiceOf(doc, 'From: Tom'), 'guidance');
    assert.equal(voiceOf(doc, 'rooms for 70'), 'buyer');
    assert.equal(voiceOf(doc, 'two-day menu'), 'guidance');
  });
  it('a heading about follow-ups in general keeps the page’s process reading', () => {
    const t = turnOf('# Rules of engagement\n\n## Record feedback and follow-ups\n\nLog each follow-up in the CRM within a day.\n', 'Log each');
    assert.ok(t.contexts.has('process'));
  });
  it('the column a “Use instead” column replaces holds retired lines, not outreach', () => {
    const doc = '## Retire these lines\n\n| Retire | Why | Use instead |\n|---|---|---|\n| "Sorry to jump into your inbox" | It apologises | Start with the trigger |\n';
    assert.equal(voiceOf(doc, 'Sorry to jump'), 'guidance');
  });
  it('“30 days before renewal” names when an email goes out; only a “Before” heading marks the weak version of a rewrite', () => {
    assert.equal(voiceOf('## 30 days before renewal\n\nSubject: Your renewal\n\nHi Denise,\n\nYour renewal is on 1 June. Want the usage report first?\n\nRay\n', 'usage report'), 'rep');
    assert.equal(voiceOf('## Before\n\nHi Denise, just checking in on the renewal.\n', 'just checking in'), 'guidance');
  });
  it('a line the page says to send is outreach even on a coaching page', () => {
    const doc = '# Coaching notes\n\nWhen a deal goes quiet, send this one-liner:\n\n"Hi Renata, has the committee reached a verdict on the proposal yet?"\n';
    const t = turnOf(doc, 'verdict');
    assert.equal(t.voice, 'rep');
    assert.ok(!t.contexts.has('process'));
  });
});

describe('reading: meeting notes', () => {
  it('an action item under a “Follow-ups” heading is the team’s task, not a message to a buyer', () => {
    const doc = '# Pipeline review\n\n## Check-ins and follow ups\n\n- Marco to check in with the Tempe HOA board about the front-roof panel question.\n- Aoife and Kyle to follow up with SEAI on the three stuck grant applications.\n';
    assert.equal(voiceOf(doc, 'Marco to check in'), 'guidance');
    assert.equal(voiceOf(doc, 'Aoife and Kyle'), 'guidance');
    assert.ok(!ruleIdsOf(doc).includes('no-empty-check-in'));
  });
  it('“Happy to…” or “Great to…” starts a message, not an action item', () => {
    const doc = '## Follow-up email\n\nHappy to send the grant checklist we used in Mesa; just checking in on the survey date.\n';
    assert.equal(voiceOf(doc, 'Happy to send'), 'rep');
  });
});

describe('reading: a step that names a call and an email', () => {
  it('the email written out under it is read as an email, so email rules judge it', () => {
    const doc = '## Touch 3 — Day 3 (call, then email if no answer)\nSubject: Dock audit\nHi {{first_name}},\nHope your week is off to a flying start.\nThe audit checklist we used at Kempton Park is attached.\nThabo\n';
    const t = turnOf(doc, 'flying start');
    assert.equal(t.channel, 'email');
    assert.ok(!t.contexts.has('call-script'));
    assert.ok(ruleIdsOf(doc).includes('no-hope-finds-you-well'));
  });
});

describe('reading: call scripts that label their speakers', () => {
  it('plain prose above the first labelled turn is the page’s note on the call, not the rep’s words', () => {
    const doc = '# Cold call: clinic managers\n\nRing the front desk first thing. Goal: ten minutes with whoever orders supplies.\n\n**Rep:** Hi, is that Amira? It’s Tom from Medline Supplies.\n**Prospect:** Speaking.\n';
    assert.equal(voiceOf(doc, 'Ring the front desk'), 'guidance');
    assert.equal(voiceOf(doc, 'is that Amira'), 'rep');
  });
  it('an unlabelled opener that greets the buyer is still the rep’s, and so is prose in another section', () => {
    const greets = '# Cold call\n\nHi Amira, it’s Tom from Medline Supplies, calling about your new clinic in Leeds.\n\n**Rep:** Do you order for both sites?\n';
    assert.equal(voiceOf(greets, 'Hi Amira'), 'rep');
    const voicemail = '# Calls\n\n## Voicemail\n\n"Hi Amira, it’s Tom from Medline on 0113 496 0000, about your Leeds clinic."\n\n## Live call\n\n**Rep:** Hi Amira, it’s Tom.\n';
    assert.equal(voiceOf(voicemail, 'on 0113'), 'rep');
  });
});

describe('reading: transcripts between named people', () => {
  it('a note above a transcript whose caller introduces themselves is the page’s, not the rep’s opener', () => {
    const doc = '# Transcript — Dairy co-op, cold call\n\nAuto-transcribed by the dialer and lightly cleaned up. For the coaching review on Thursday.\n\n[00:00:02] Bev Shaw: Hi there, is this Sheila? How’s your day treating you?\n[00:00:06] Sheila Lind: It’s busy. Who is this?\n[00:00:08] Bev Shaw: Oh gosh, sorry, this is Bev Shaw calling from Tallgrass Benefits.\n';
    assert.equal(voiceOf(doc, 'Auto-transcribed'), 'guidance');
    assert.equal(voiceOf(doc, 'is this Sheila'), 'rep');
  });
  it('a “Participants:” line names the rep by their sales role too', () => {
    const doc = '# Discovery call transcript: Bayfront Clinics\n\nParticipants: Shawn Tan (Kestrel, AE), Dr Rachel Ong (owner).\n\n[00:00:03] Shawn Tan (Kestrel): Morning Dr Ong! How are you today?\n[00:00:06] Rachel Ong: Good. We have thirty minutes.\n[00:02:44] Shawn Tan (Kestrel): Okay. Are you the one who decides on this?\n';
    assert.equal(voiceOf(doc, 'Are you the one who decides'), 'rep');
    assert.ok(ruleIdsOf(doc).includes('no-blunt-qualifying-question'));
  });
  it('a sales role written in title case ("Account Manager") names the rep as well', () => {
    const doc = 'Call transcript (auto-generated)\nParticipants: Marcus Bell (Hireline, Account Manager), Anne Whitcombe (CNO, Cedar Ridge)\n\n[00:00:04] Marcus Bell: Hi Anne, thanks for picking up. I just wanted to touch base on the ICU search.\n[00:00:11] Anne Whitcombe: Sure. I have ten minutes.\n';
    assert.equal(voiceOf(doc, 'thanks for picking up'), 'rep');
    assert.equal(voiceOf(doc, 'I have ten minutes'), 'buyer');
    assert.ok(ruleIdsOf(doc).includes('no-empty-check-in'));
  });
  it('a legend of who speaks ("JR = Jordan Reyes") makes the initials the rep once Jordan introduces himself', () => {
    const doc = '# Front desk script\n\nSpeakers: **JR** = Jordan Reyes (Brightbite Supply), **FD** = front desk.\n\n## Version A\n\n**FD:** Good morning, Lakeside Dental, this is Marisol.\n\n**JR:** Hi Marisol, so sorry to interrupt your morning. Jordan from Brightbite Supply.\n\n**FD:** What is it regarding?\n';
    assert.equal(voiceOf(doc, 'so sorry to interrupt'), 'rep');
    assert.equal(voiceOf(doc, 'What is it regarding'), 'buyer');
    assert.ok(ruleIdsOf(doc).includes('no-apology-for-contact'));
  });
  it('a step title and a cue ("Intro. Say:") introduce the rep\'s words; each step is its own turn', () => {
    const doc = '## Talk track\n\n1. **Intro.** Say: "Hi Sam, this is Marcus with Rivergate Freight."\n2. **Reason.** Say: "Reason I\'m calling: you posted three Dallas lanes this week."\n';
    assert.equal(voiceOf(doc, 'Reason I'), 'rep');
    assert.equal(turnOf(doc, 'this is Marcus').role, 'structural');
  });
  it('a message that gives its number twice is a voicemail, whatever its heading', () => {
    const doc = '## Second try, after feedback\n\nHi Lisa, it\'s Amara from Harbour Food Bank. I\'ve got the photos from your team\'s volunteer day for your CSR report. My number is 0117 496 0813, that\'s 0117 496 0813. Thanks Lisa.\n';
    assert.equal(turnOf(doc, 'volunteer day').channel, 'voicemail');
  });
  it('a message titled by its channel and place ("SMS 3:") is the rep\'s message; a cadence step ("Email 2: send…") is an instruction', () => {
    const doc = '# Texts for the depot launch\n\nSMS 2:\n"Morning Priya, any joy with the rate card? Keen to lock it in before the rates go up!"\n\n## Cadence\n\nEmail 2: send the case study and ask one question about their dock schedule.\n\nVoicemail: leave your number twice and keep it under 30 seconds.\n';
    assert.equal(voiceOf(doc, 'any joy with the rate card'), 'rep');
    assert.equal(turnOf(doc, 'any joy').role, 'structural');
    assert.equal(voiceOf(doc, 'send the case study'), 'guidance');
    assert.equal(voiceOf(doc, 'leave your number twice'), 'guidance');
    assert.ok(ruleIdsOf(doc).includes('no-empty-check-in'));
  });
  it('under "Call + voicemail", the turns the buyer answers are the live call and the quoted block is the voicemail', () => {
    const doc = '## Touch 3 — Day 5 (Call + voicemail)\n\n**Callum:** Hi Jo, it\'s Callum from Northbound Recruitment. Have I caught you at a bad time?\n\n**Prospect:** A bit. What\'s it about?\n\n**Callum:** I saw eight warehouse roles go up this month. Who looks after temp labour?\n\nIf no answer, leave this voicemail:\n\n> Hi Jo, Callum Price at Northbound. I\'ve got eleven pickers cleared for nights. My number\'s 01604 555 0127, that\'s 01604 555 0127.\n';
    assert.equal(turnOf(doc, 'eight warehouse roles').channel, 'call');
    assert.equal(turnOf(doc, 'eleven pickers').channel, 'voicemail');
    assert.ok(!lintText(doc, { rules: BUILTIN_RULES }).findings.some((f) => f.ruleId === 'voicemail-essentials' && doc.slice(f.start, f.end).includes('eight warehouse')));
  });
  it('prose right under a heading that names several messages ("Voicemail drops") introduces them', () => {
    const doc = '# Voicemail drops — estate managers\n\nSentinel Guarding · Western Cape desk\n\nLeave one of these when the manager doesn\'t pick up. Say the number slowly, twice.\n\n## VM 1\n\n> Hi Nomvula, it\'s Pieter from Sentinel. There were two break-ins on Voortrekker Road this week. Call me on 021 555 0199, that\'s 021 555 0199.\n';
    assert.equal(voiceOf(doc, 'Western Cape desk'), 'guidance');
    assert.equal(voiceOf(doc, 'Leave one of these'), 'guidance');
    assert.equal(voiceOf(doc, 'two break-ins'), 'rep');
  });
  it('a scorecard\'s lower-scored column ("0 sounds like") holds what not to say', () => {
    const doc = '## Opening scorecard\n\n| # | Listening for | 0 sounds like | 2 sounds like |\n|---|---|---|---|\n| 1 | Reason for the call | "Sorry to trouble you, I won\'t keep you long" | "I\'m calling about the planning notice for your new shed." |\n';
    assert.equal(voiceOf(doc, 'Sorry to trouble you'), 'guidance');
    assert.ok(!ruleIdsOf(doc).includes('no-apology-for-contact'));
  });
  it('a manager\'s review quotes the draft line by line to comment on it: the quoted lines are mentioned, the comments are guidance', () => {
    const doc = '# Draft review — Priya\'s follow-up to Northgate\n\nPriya, a few lines will undo the good work from the demo. Comments inline.\n\n> Dear Mrs. Adeyemi, I hope this email finds you well.\n\nCut the pleasantry. She already knows you.\n\n> I am so sorry to disturb you again, I just wanted to check in on the proposal.\n\nThree problems in one sentence.\n\n## Suggested rewrite\n\nHi Mrs. Adeyemi,\n\nYou asked on Thursday whether staff notes could be exported. They can. Want me to send the two-page guide?\n\nBest,\nPriya\n';
    assert.equal(voiceOf(doc, 'sorry to disturb you'), 'guidance');
    assert.equal(voiceOf(doc, 'Cut the pleasantry'), 'guidance');
    assert.equal(voiceOf(doc, 'staff notes could be exported'), 'rep');
    for (const id of ['no-hope-finds-you-well', 'no-apology-for-contact', 'no-empty-check-in', 'weak-hedge-language']) assert.ok(!ruleIdsOf(doc).includes(id), id);
  });
  it('"Hiya, only two slots left…" opens a message without a name; a "Text" column of a cadence table holds the texts; the note above "…touches" is the page\'s', () => {
    const doc = '# WhatsApp and SMS touches\n\nOnly message people who ticked the WhatsApp box on the expo form.\n\n## Text 3 - Day 3\nHiya, only 2 Saturday slots left for November so you\'ll want to get in quick!!\n\n## SMS cadence\n\n| Step | When | Text |\n|---|---|---|\n| 3 | day 3 | Marta again! Don\'t want you to miss out, we\'ve only got 3 onboarding spots left this month so grab one quick!! |\n';
    assert.equal(voiceOf(doc, 'Only message people'), 'guidance');
    assert.equal(voiceOf(doc, 'only 2 Saturday slots'), 'rep');
    assert.equal(voiceOf(doc, 'onboarding spots left'), 'rep');
    assert.ok(ruleIdsOf(doc).includes('no-false-urgency'));
  });
  it('the speaker who asks for the other by name ("am I speaking with Kulkarni sir?") or says "myself Rohit" is the caller', () => {
    const doc = '# Call review — Hotel Sai Prasad\n\n**00:00 Rohit:** Hello, am I speaking with Kulkarni sir? Good afternoon sir, how are you doing today?\n\n**00:04 Mr Kulkarni:** Fine, fine. Who is this?\n\n**00:06 Rohit:** Sir, is this a bad time to talk for two minutes?\n';
    assert.equal(voiceOf(doc, 'am I speaking with'), 'rep');
    assert.equal(voiceOf(doc, 'Who is this'), 'buyer');
    assert.ok(ruleIdsOf(doc).includes('no-how-are-you-opener'));
    const mine = '# Cold call\n\n**[00:02] Priya:** Good morning! Sir, myself Priya from TiffinTech, we help restaurants reconcile aggregator payouts.\n\n**[00:09] Raj:** Okay, go on.\n';
    assert.equal(voiceOf(mine, 'myself Priya'), 'rep');
  });
  it('the participant named with a sales role is the rep, though they never say their own name', () => {
    const doc = '# Discovery call – Harbour Labs\n\nTranscript, 18 Sept. Derek Voss (AE, Meridian Calibration) and Dr Lena Hart (lab director).\n\n**[00:00] Derek:** Thanks for making time. The reason I asked for this call: two freezers failed in March.\n**[00:12] Lena:** Right, go on.\n**[02:42] Derek:** Okay. And what’s your budget for this?\n';
    assert.equal(voiceOf(doc, 'your budget'), 'rep');
    assert.equal(voiceOf(doc, 'Right, go on'), 'buyer');
    assert.ok(ruleIdsOf(doc).includes('no-blunt-qualifying-question'));
  });
});

describe('reading: a finding names the message it sits in', () => {
  it('the hover says which message and why it was read as the rep’s words', () => {
    const doc = '## Email 2 — Day 3\n\nHi Marcus,\n\nJust checking in on the quote.\n\nBest,\nDana\n';
    const f = lintText(doc, { rules: BUILTIN_RULES }).findings.find((x) => x.ruleId === 'no-empty-check-in');
    assert.ok(f?.reading, 'the finding carries its reading');
    assert.match(f!.reading!, /^Read as an email under “Email 2 — Day 3”, your words to the buyer \(inside an email/);
    assert.match(findingToMarkdown(f!, undefined), /Read as an email under/);
  });
});

describe('reading: a step that names the words under it', () => {
  it('"leave this voicemail:" makes the block below a voicemail, whatever greeting it opens with', () => {
    const doc = '## T+7\nManual call. If no answer, leave this voicemail:\n\n> Hi {{first_name}}, this is Dan from Clearbind, that\'s 860-555-0142. I\'m calling about the checklist I sent on Monday.\n';
    const t = turnOf(doc, 'this is Dan');
    assert.equal(t.channel, 'voicemail');
    assert.ok(!t.contexts.has('email'));
  });
  it('"No answer → leave the voicemail below" points at the block under it without a colon; "Task:" is a field, not a speaker', () => {
    const doc = '## Touch 2 · Call\nTask: manual call two days after Touch 1. No answer → leave the voicemail below, then log it.\n\n> Hi {{first_name}}, hope your week is going well!\n> It\'s Marisol at Trussly. Give me a ring back when you get a sec.\n> Talk soon!\n';
    assert.equal(voiceOf(doc, 'manual call'), 'guidance');
    assert.equal(turnOf(doc, 'Marisol').channel, 'voicemail');
  });
  it('"process" in a product or in the buying paperwork does not make a page internal', () => {
    const email = 'Subject: 2027 pricing\n\nDear Valued Customer,\n\nPlease be advised that the current pricing window will close without further notice.\n\nYours sincerely,\nBernard\n';
    assert.ok(!turnOf(`## Process chemicals, all accounts\n\n${email}`, 'Please be advised').contexts.has('process'));
    assert.ok(!turnOf(`# Paper-process chasers\n\n${email}`, 'Please be advised').contexts.has('process'));
    assert.ok(turnOf('## Our review process\n\nLog the call in the CRM, then send the recap.\n', 'Log the call').contexts.has('process'));
  });
  it('a WhatsApp message is a text, not an email', () => {
    assert.equal(turnOf('## WhatsApp follow-up\nJade from Glow again, did the photo ideas land ok?\n', 'Jade').channel, 'message');
  });
});

describe('reading: a call written as a dialogue', () => {
  it('a transcript caller who never gives a name is known by why they called and what they sell', () => {
    const doc = '[00:00:01] Noor Haddad: Hi Glen, how\'s your Thursday treating you?\n[00:00:04] Glen Price: Fine. Who is this?\n[00:00:06] Noor Haddad: The reason I\'m calling is I saw Price Joinery took on a second unit, and I work with a few joiners on how they quote.\n[00:00:15] Glen Price: Go on.\n';
    assert.equal(turnOf(doc, 'how\'s your Thursday').voice, 'rep');
    assert.equal(turnOf(doc, 'Who is this').voice, 'buyer');
    assert.ok(ruleIdsOf(doc).includes('no-how-are-you-opener'));
  });
  it('a dialogue under no heading is a call: its opener is judged as a call opener', () => {
    const doc = '**Rep:** Hi Glen, how\'s your Thursday treating you?\n\n**Prospect:** Fine. Who is this?\n';
    assert.ok(turnOf(doc, 'Thursday').contexts.has('call-script'));
    assert.ok(ruleIdsOf(doc).includes('no-how-are-you-opener'));
  });
});
