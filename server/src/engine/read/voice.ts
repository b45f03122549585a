/**
 * The reading layer's decision: for every turn, who speaks to whom (its
 * voice), on which channel, and the evidence behind it (PLAYBOOK-ANATOMY.md).
 *
 * Explicit markers win: a speaker label, a bad-example marker, a task item, a
 * "what not to say" section. Everything else is scored: cues from the text
 * (evidence.ts), from the block's shape (a plain fence, a quote, a table
 * column), from its place (inside an email that opens with a greeting and
 * closes with a sign-off) and from the headings above it, which count for
 * more when they name a message ("Voicemail", "Email 2") than when they are
 * generic ("Templates", "Questions") and for more in a document that shows
 * messages somewhere. A turn reads as the rep's words to the buyer when its
 * score reaches READ_AS_REP; weak evidence says nothing.
 */
import { repeatsANumber } from './phone-numbers';
import type { SectionNode, Turn, Unit } from './model';
import { PastedThread, type Marker } from './pasted-thread';
import { speakerName } from './speakers';
import { NOT_OUTREACH, QUALIFYING_TOPICS } from './section-types';
import { hasMessageShape, isGreetingLine, isPrompt, isSignOffLine, isInstructionToRep, SUBJECT_LINE, textCues, type Cue, GREETING_START, NAME_SALUTATION } from './evidence';

export type Voice = 'rep' | 'buyer' | 'guidance';
export type Channel = 'email' | 'subject' | 'voicemail' | 'call' | 'message' | 'none';

/** Score at which unlabelled text reads as the rep's words to a buyer. */
export const READ_AS_REP = 2;

/** What the whole document says about itself, read before its turns are judged. */
export interface DocumentReading {
  /** Front matter `type:` names a kind of playbook. */
  declaredType: boolean;
  /** Somewhere in the document there is a message shape: a greeting, a subject, a speaker label, a merge field. */
  showsMessages: boolean;
  /** A template file named for what it holds ("Title: Follow-up 1 — Nudge", follow_up_1.md): text before any heading is that message. */
  named?: { title: string; tags: string[] };
  /** Subjects of the document's emails that are not replies, normalised: a "Re:" to one of them is the same thread. */
  subjects?: readonly string[];
  /** Named speakers who introduce themselves in their own turn ("it's Mei from Ordwell"): the caller, so the rep. Lower case. */
  callers?: readonly string[];
}

/** Whether a speaker label names one of the document's callers (the rep, read from who introduces themselves). */
export function isCaller(doc: DocumentReading, label: string | undefined): boolean {
  return label !== undefined && (doc.callers?.includes(speakerName(label).toLowerCase()) ?? false);
}

/** A subject as a thread knows it: without "Re:"/"Fwd:", case, spacing and end marks. */
export function threadSubject(subject: string): string {
  return subject.replace(/^\s*(?:(?:re|fwd?|aw)\s*:\s*)+/i, '').replace(/[\s.!?]+$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Headings that name a message or a script, not a topic. */
export const NAMED_MESSAGE = /^\W*e-?mails?\W*$|\b(?:voice-?mails?|vms?|call scripts?|cold[- ]?call(?:ing)?(?: script| opener)?|talk tracks?|scripts?|openers?|opening lines?|e-?mail (?:templates?|#?\d+|copy|body|drafts?)|(?:cold|follow[- ]?up|break-?up|first[- ]touch|intro(?:duction)?|prospecting|outreach|nurture|referral|re-?engagement|nudge|bump|recap|reply|sales) e-?mails?|touch #?\d+|step #?\d+ ?[—–:-]? ?e-?mail|linkedin (?:connection )?(?:messages?|notes?|inmails?|requests?)|connection (?:notes?|requests?)|inmails?|sms|text messages?|texts? #?\d+|objections?|objection handling|rebuttals?|follow[- ]?ups?|(?:discovery|qualifying|qualification) questions?|question (?:banks?|lists?)|subject lines?|out[- ]of[- ]office)\b/i;

/** A heading over a set of messages: "Voicemail drops", "Email templates", "WhatsApp and SMS touches". */
const SEVERAL_MESSAGES = /\b(?:voice-?mail|vm|e-?mail|text|sms|message|template|script|opener|drop|note|dm|inmail)s\b|\btouches\b/i;

/** A page that reviews a message: "Draft review — Priya's follow-up", "Feedback on the Day 3 email". */
const REVIEW_HEAD = /^\W*(?:(?:draft|email|call|script|message|template|copy|peer) )?(?:review|critique|teardown)\b|\b(?:feedback|comments|notes) on (?:the |a |my |your |[\p{L}'’]+'s )?(?:draft|e-?mail|follow-?up|script|message|template|call)\b/iu;

/** A heading about messages rather than one: "Follow-up prompts", "Cold email tips", "Voicemail strategy". */
const TOPIC_HEAD = /\b(?:prompts?|tips|guides?|strateg(?:y|ies)|process(?:es)?|rules|best practices|overview|frameworks?|checklists?|metrics|principles|mistakes|examples? library|training|writing|copywriting|craft)\W*$/i;

const ATTRIBUTION = /(?:^|\n)\s*(?:—|--|-|~)\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}\s*(?:,|$)/u;
const FULLY_QUOTED = /^\s*(?:[-*+]\s+)?["“][^"“”]+["”][\s.,!?;:)]*$/;
export const ANTI_COLUMN = /[❌🚫⛔✗✘]|\b(?:instead of|don'?t|do not|bad|before|weak|avoid|wrong|never|not this|old|dangerous|vague|clich[ée]s?|banned|red flags?|anti-?patterns?|mistakes?|retire|drop|stop (?:saying|writing|using)|overused|tired|lazy)\b/iu;
/** The score a scorecard column's header starts with: "0 sounds like", "Score 2", "1 – Poor". */
function columnScore(header: string): number | undefined {
  const m = /^\s*(?:score\s*)?(\d{1,2})\b(?!\s*%)/i.exec(header);
  return m ? Number(m[1]) : undefined;
}
/** A column of replacements ("Use instead", "Better", "Rewrite"): the columns before it hold what is being replaced. */
const REPLACEMENT_COLUMN = /\b(?:instead|better|replace(?:ment| with)?|rewrite|rewritten|alternative|say this|try this)\b/i;
const PROSPECT_COLUMN = /\b(?:objection|they say|prospect|buyer|concern|trigger|customer says|if they|situation|scenario|signal|cue)\b/i;
/** "say" in a column header, unless it names the buyer's words ("They say", "Prospect says"). */
export const REP_SAYS = String.raw`(?<!\b(?:they|prospect|buyer|customer|client)s? )say`;
const REP_COLUMN = new RegExp(String.raw`\b(?:response|rebuttal|${REP_SAYS}|reply|script|good|after|better|try|use|template|example|line|opener|message|talk track|wording|subject|text|copy|body|sms)\b`, 'i');
const SUBJECT_HEADING = /\bsubject lines?\b/i;
/** Text that goes on past one sentence: a period or question mark, then a new capitalised sentence ("!!! Limited places" is a shouted subject). */
const RUNS_ON = /[.?]["”]?\s+["“]?\p{Lu}[\p{Ll}'’]*\s+\S+/u;
/** `If they say "…": "…"` or `If the prospect says "…" → …`: what the rep says on that branch. */
const BRANCH = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:if|when) (?:they|the (?:prospect|buyer|customer|caller)|he|she)(?: says?| asks?| responds?| replies?| objects?)?\s*[:,]?\s*["“][^"”]{2,200}["”]\s*(?:[:,—–→]|->|=>)/i;
const CALL_TAGS = ['opener', 'call-script', 'discovery', 'objection'];
const MESSAGE_CHANNELS = ['email', 'sms', 'voicemail', 'linkedin'];
/** The attribution line a mail client puts above the email a reply quotes. */
const QUOTED_EARLIER = /^\s*(?:on\b[^\n]{3,120}\bwrote:|[^\n]{1,80}\bwrote:\s*$|-{2,}\s*original message\s*-{2,})/i;
/** A turn labelled by a qualifying topic ("Budget: …?") is a discovery question. */
const QUALIFYING_TOPIC = new RegExp(String.raw`^(?:${QUALIFYING_TOPICS})$`, 'i');
/** A step's words after its label: "say “…”", "ask: “…”". */
const SAY_STEP = /^\s*(?:say|ask|tell (?:them|her|him)|try|respond|reply|answer|open with|close with)\b[ \t]*[:,—–-]?[ \t]*["“]/i;
/** Labels of a page's fields, not of people: several words, or words people are not called. */
const FIELD_LABEL = /^(?:\S+\s+\S+\s+\S+.*|.*\b(?:role|updated|date|title|owner|purpose|use|status|version|type|audience|stage|length|format|channel|goal|time|duration|frequency|category|tags?|author|link|source|notes?|summary|description|output|input|example|template|framework|structure|step|phase|day|week|when|why|what|how|who|where|signal|trigger|result|outcome|metric|kpi|target|tone|task|action|instructions?)\b.*)$/i;

/** Reads every turn of one segment: regions first (emails span units), then each turn. */
export function readTurns(units: readonly Unit[], doc: DocumentReading, path: (s: SectionNode) => readonly SectionNode[]): void {
  const inEmail = emailRegions(units);
  // A section that writes its templates out (an email, a plain block, a quote) uses its plain prose to talk about them.
  const writesOut = inEmail.size > 0 || units.some((u) => u.kind === 'fence' || u.kind === 'blockquote');
  // A paragraph ending in ":" that says whose words follow ("Customer quotes:", "A prompt worth stealing:") speaks for the blocks under it.
  let leadIn: LeadIn | undefined;
  // "Send this one-liner:" speaks for the one block right after it, a paragraph too.
  let justBefore: LeadIn | undefined;
  // "If no answer, leave this voicemail:" also names the channel of the block right after it.
  let voicemailBefore = false;
  const thread = new PastedThread();
  // A call written as a dialogue: the rep and the buyer each speak under a label.
  const script = units.some((u) => u.turns.some((t) => answersTheRep(t, doc))) ? units.findIndex((u) => speaksUnderALabel(u, doc)) : -1;
  const scriptPath = script >= 0 ? path(units[script].section) : [];
  for (const [i, unit] of units.entries()) {
    // Quotes introduced as the customer's words run while the items are quotes.
    if (unit.kind === 'paragraph' || unit.kind === 'table-cell' || (unit.kind === 'list-item' && leadIn === 'buyer' && !/^["“]/.test(unit.text.trim()))) leadIn = undefined;
    const applies = leadIn ?? (justBefore === 'use' ? justBefore : undefined);
    thread.enter(unit);
    const framing = i < script && scriptPath.includes(unit.section) && !MESSAGE_CHANNELS.some((c) => unit.section.tags.includes(c));
    const voicemail = voicemailBefore && applies === 'use';
    for (const turn of unit.turns) {
      readTurn(turn, doc, path, inEmail.has(unit) && !voicemail, writesOut, applies, thread.markerFor(turn), framing);
      if (voicemail && turn.speech) leftAsVoicemail(turn);
    }
    justBefore = unit.kind === 'paragraph' || unit.kind === 'list-item' ? leadInOf(unit.text) : undefined;
    voicemailBefore = justBefore === 'use' && VOICEMAIL_LEAD_IN.test(unit.text.trim());
    if (justBefore) leadIn = justBefore;
  }
  // Under "Call + voicemail", the labelled turns the buyer answers are the live call; the voicemail is what is left unanswered.
  const answered = new Set(units.filter((u) => u.turns.some((t) => answersTheRep(t, doc))).map((u) => u.section));
  for (const unit of units) {
    if (!answered.has(unit.section)) continue;
    for (const t of unit.turns) {
      if (!t.speech || t.label === undefined || t.channel !== 'voicemail') continue;
      t.contexts.delete('voicemail');
      t.channel = 'call';
    }
  }
  // A dialogue under no heading that names it ("Rep: … / Prospect: …", a recorder's transcript) is a call all the same.
  if (script >= 0) {
    for (const unit of units) for (const t of unit.turns) if (t.speech && t.channel === 'call' && t.label !== undefined && !CALL_TAGS.some((c) => t.contexts.has(c))) t.contexts.add('call-script');
  }
}

/**
 * Whether the rep speaks under a speaker label in the unit ("**Rep:** Hi, is that Sandra?"). A call script that
 * labels its speakers (by role, or by name in a transcript whose caller is known) labels the rep's words; plain prose above the first label, under the same headings and
 * none naming a written message, is the page's note on the call ("Dial the direct line. Goal: a 15-minute
 * call"), not something the rep says.
 */
function speaksUnderALabel(unit: Unit, doc: DocumentReading): boolean {
  return unit.turns.some((t) => t.label !== undefined && (t.role === 'rep' || (t.role === 'other' && isCaller(doc, t.label))));
}

/** The buyer's turn of a labelled call: "Prospect:", or in a transcript between named people, anyone but the caller. */
function answersTheRep(t: Turn, doc: DocumentReading): boolean {
  return t.role === 'prospect' || (t.role === 'other' && t.label !== undefined && (doc.callers?.length ?? 0) > 0 && !isCaller(doc, t.label));
}

type LeadIn = 'buyer' | 'prompt' | 'guidance' | 'use' | 'anti';

/** A label that is a field of a page ("Owner: Sales Ops") or a person speaking ("Owner: We already use an agency."). */
const PERSON_LABEL = /^\s*(?:(?:business |practice |shop |site |office |general |the )?owner|manager|director|founder|boss)\s*$/i;

/** A rep's labelled turn in the same block: the labels around it are a dialogue. */
function repAnswersIn(unit: Unit, turn: Turn): boolean {
  return unit.turns.some((o) => o !== turn && o.role === 'rep' && o.label !== undefined);
}

/** "Leave this voicemail:", "No answer → leave the voicemail below": the block below is spoken to a machine, whatever its greeting. */
const VOICEMAIL_LEAD_IN = /\b(?:leave|drop)\b[^:.]{0,40}?\b(?:voice-?mails?|vms?|voice notes?|messages?)\b(?:[^:]{0,40}:$| below\b)/i;

function leftAsVoicemail(turn: Turn): void {
  for (const t of ['email', 'sms', 'subject', ...CALL_TAGS]) turn.contexts.delete(t);
  turn.contexts.add('voicemail');
  turn.channel = 'voicemail';
}

/** "Don't send this. It's what our second emails looked like:", "The weak version:": the block below is an example not to copy. */
const ANTI_LEAD_IN = /\b(?:don'?t|do not|never) (?:send|use|copy|say|write)\b|\b(?:bad|weak|poor|wrong|old|before)\b[^:.]{0,20}\b(?:example|version|e-?mail|draft|template|one)s?\b|\bwhat not to\b|\blooked like before\b/i;
/** "Before presenting, gut-check:", "Ask yourself:": the list below is the rep's own checklist. */
const CHECKLIST_LEAD_IN = /\b(?:ask yourself|gut-?check|self-?check|sanity-?check|checklist|before (?:presenting|sending|you send|you hit send))\b/i;
const ADDRESSES = /\b(?:I|I'm|I've|I'd|I'll|we|we're|we've|we'd|we'll|our|us|my|me|you|your|you're|you've|you'd|you'll|yours)\b|\{\{|\[[^\]]{1,40}\]|\?/i;
const BUYER_LEAD_IN = /\b(?:(?:customer|client|buyer|prospect|user)s?'? (?:inputs?|quotes?|feedback|said|says|comments?|told us|words|reviews?|testimonials?)|what (?:customers|clients|buyers|prospects|users) (?:say|said|told us)|testimonials?|in their (?:own )?words)\b/i;
/** "Send this one-liner:", "Leave this one instead:", "Try:": what follows is the words to use. */
const USE_LEAD_IN = /\b(?:send|say|leave|try|open with|reply with|use this (?:line|one|version|opener|wording|instead))\b[^:]{0,40}:$/i;
/** "No answer → leave the voicemail below, then log it.": a step that points at the words under it, without a colon. */
const USE_BELOW = /\b(?:send|say|leave|use|read)\b (?:the|this) (?:[\w-]+ ){0,2}(?:voice-?mail|vm|e-?mail|text|message|script|note|line|wording)s? below\b/i;
const PROMPT_LEAD_IN = /\b(?:prompts?|ask (?:ChatGPT|Claude|the AI|your AI|an AI|the assistant|the model))\b/i;

function leadInOf(text: string): LeadIn | undefined {
  const t = text.trim();
  if (!t.endsWith(':')) return USE_BELOW.test(t) && !PROMPT_LEAD_IN.test(t) ? 'use' : undefined;
  if (PROMPT_LEAD_IN.test(t)) return 'prompt';
  if (CHECKLIST_LEAD_IN.test(t)) return 'guidance';
  if (ANTI_LEAD_IN.test(t)) return 'anti';
  if (BUYER_LEAD_IN.test(t)) return 'buyer';
  if (USE_LEAD_IN.test(t)) return 'use';
  return undefined;
}

function readTurn(turn: Turn, doc: DocumentReading, path: (s: SectionNode) => readonly SectionNode[], inEmail: boolean, besideTemplates: boolean, leadIn?: LeadIn, marker?: Marker, framesScript = false): void {
  const { unit } = turn;
  const sec = unit.section;
  turn.contexts.clear();
  for (const t of sec.tags) turn.contexts.add(t);
  const named = sec.depth === 0 && doc.named;
  if (named) for (const t of named.tags) turn.contexts.add(t);
  titleChannel(turn);
  turn.speech = false;
  turn.voice = 'guidance';
  turn.channel = 'none';
  const evidence: Cue[] = [];
  turn.evidence = evidence;
  // Between an email's greeting and its sign-off, "One more idea: …" is the writer's run-in, not a
  // speaker; "Details: [2-3 sentences]" stays a field of the template.
  if (turn.role === 'other' && inEmail && !sec.anti && !unit.anti && !/^\s*[[{<]/.test(unit.text.slice(turn.a, turn.b))) {
    turn.a = unit.text.lastIndexOf('\n', turn.a - 1) + 1;
    turn.role = 'none';
    turn.label = undefined;
  }
  // A pasted thread's headers say whose words a message is.
  if (marker) return explicit(turn, marker.voice, marker.cue);
  if (sec.anti) return explicit(turn, 'guidance', 'under a “what not to say” heading');
  if (unit.anti) return explicit(turn, 'guidance', 'marked as a bad example');
  switch (turn.role) {
    case 'anti':
      return explicit(turn, 'guidance', `labelled as a bad example (${turn.label ?? '❌'})`);
    case 'guidance':
      // "Owner:" answered by "Rep:" in the same block is the business owner speaking, not a page's owner field.
      if (PERSON_LABEL.test(turn.label ?? '') && repAnswersIn(unit, turn)) return explicit(turn, 'buyer', `speaker label “${turn.label}:” in a dialogue with the rep`);
      return explicit(turn, 'guidance', `labelled “${turn.label}:”`);
    case 'prospect':
      return explicit(turn, 'buyer', `speaker label “${turn.label}:”`);
    case 'other':
      // "Budget: Do you have …?" files the rep's question under a qualifying topic (BANT, MEDDIC, SPIN).
      if (QUALIFYING_TOPIC.test(turn.label ?? '') && /\?\s*$/.test(unit.text.slice(turn.a, turn.b))) {
        return speaks(turn, `a question filed under “${turn.label}:”`, inEmail, path);
      }
      // The speaker who says who they are and why they called is the caller: the rep.
      if (isCaller(doc, turn.label)) {
        // From here on the speaker is the rep, like a "Rep:" label (a monologue, a talk ratio count them).
        turn.role = 'rep';
        return speaks(turn, `“${turn.label}:” is the caller (by their introduction, their reason for calling or the list of participants)`, inEmail, path);
      }
      // "Open: say “Hi Sunita…”", "Decision: ask “…”": a step of a talk track that tells the rep what to say.
      if (SAY_STEP.test(unit.text.slice(turn.a, turn.b))) {
        return speaks(turn, `a step “${turn.label}:” that says what to say`, inEmail, path);
      }
      // "Dana:" or "VP Ops:" is a persona speaking; "Owner role:" or "Last updated:" is a field of the page.
      if (FIELD_LABEL.test(turn.label ?? '') && !(PERSON_LABEL.test(turn.label ?? '') && repAnswersIn(unit, turn))) return explicit(turn, 'guidance', `a field “${turn.label}:”`);
      return explicit(turn, 'buyer', `speaker label “${turn.label}:”`);
    case 'subject':
      // A subject is one phrase; a "Subject line:" run-in that goes on for sentences is advice about subjects.
      if (RUNS_ON.test(unit.text.slice(turn.a, turn.b))) return explicit(turn, 'guidance', `“${turn.label}:” starts prose about subjects, not a subject`);
      // "- Subject: three plain words about their shop" in a prompt for an assistant is a rule for the subject it will write.
      if (unit.kind === 'fence' && isPrompt(unit.text)) return explicit(turn, 'guidance', `“${turn.label}:” is a field of a prompt for an assistant`);
      explicit(turn, 'rep', `“${turn.label}:” line`);
      turn.contexts.add('subject');
      // "Re: <the subject of an earlier email here>" follows up in the same thread.
      if (/^\s*re\s*:/i.test(unit.text.slice(turn.a, turn.b)) && doc.subjects?.includes(threadSubject(unit.text.slice(turn.a, turn.b)))) turn.contexts.add('thread-reply');
      turn.channel = 'subject';
      turn.speech = true;
      readAsWritten(turn, inEmail);
      return;
    case 'rep':
    case 'structural':
    case 'positive':
      // "Value prop: [KEY BENEFIT]" in a block that starts as a prompt is a field of the prompt.
      if (turn.role === 'structural' && unit.kind === 'fence' && isPrompt(unit.text)) return explicit(turn, 'guidance', `“${turn.label}:” is a field of a prompt for an assistant`);
      // "Email 2: send the case study", "Voicemail: leave your number twice": a step of the cadence, told to the rep.
      if (turn.role === 'structural' && turn.label && isInstructionToRep(unit.text.slice(turn.a, turn.b))) return explicit(turn, 'guidance', `“${turn.label}:” tells the rep what to do`);
      return speaks(turn, turn.label ? `speaker label “${turn.label}:”` : 'marked as a good example', inEmail, path);
  }
  if (titleTurn(unit) === turn) return explicit(turn, 'guidance', 'a title over the message below it');
  if (unit.task) return explicit(turn, 'guidance', 'a checklist item');
  // "On 14 Apr, Priya Nair wrote: > …" under a reply: the earlier email it answers, not a new message.
  if (unit.kind === 'blockquote' && QUOTED_EARLIER.test(unit.text)) return explicit(turn, 'buyer', 'an earlier email quoted under a reply');
  if (leadIn === 'buyer') return explicit(turn, 'buyer', 'introduced as the customer’s own words');
  if (leadIn === 'guidance') return explicit(turn, 'guidance', 'introduced as the rep’s own checklist');
  if (leadIn === 'anti') {
    turn.contexts.add('anti-example');
    return explicit(turn, 'guidance', 'introduced as an example not to send');
  }
  const text = unit.text.slice(turn.a, turn.b);

  // Tables: the column says what the cell is.
  if (unit.table) {
    const header = unit.table.header;
    if (unit.table.row === 0) return explicit(turn, 'guidance', 'a table header');
    if (ANTI_COLUMN.test(header)) return explicit(turn, 'guidance', `in the “${header}” column`);
    // A scorecard's "0 sounds like" beside "2 sounds like": the column scored lower is what the rep should not say.
    const score = columnScore(header);
    if (score !== undefined && unit.table.headers.some((h) => (columnScore(h) ?? -1) > score)) return explicit(turn, 'guidance', `in the “${header}” column, scored below another`);
    const replacement = unit.table.headers.findIndex((h, i) => i > unit.table!.column && REPLACEMENT_COLUMN.test(h) && !ANTI_COLUMN.test(h));
    if (replacement > 0 && !REPLACEMENT_COLUMN.test(header) && !REP_COLUMN.test(header)) return explicit(turn, 'guidance', `what the “${unit.table.headers[replacement]}” column replaces`);
    if (PROSPECT_COLUMN.test(header) && !REP_COLUMN.test(header)) return explicit(turn, 'buyer', `in the “${header}” column`);
    if (REP_COLUMN.test(header)) evidence.push({ cue: `in the “${header}” column`, weight: 2.5 });
    if (SUBJECT_HEADING.test(header) || /^subject$/i.test(header.trim())) {
      turn.contexts.add('subject');
      turn.channel = 'subject';
    }
  }
  if (isSubjectList(unit) && DESCRIBES_SUBJECTS.test(text)) return explicit(turn, 'guidance', 'describes what subject lines should be');
  if (isSubjectList(unit)) {
    explicit(turn, 'rep', 'an item under a subject-lines heading');
    turn.speech = true;
    turn.contexts.add('subject');
    turn.channel = 'subject';
    return;
  }

  switch (unit.kind) {
    case 'fence':
      // A block holding Markdown headings is a page template (a brief, a scorecard), not a message.
      if (/^#{1,6}\s/m.test(unit.text)) return explicit(turn, 'guidance', 'a page template (it has its own headings)');
      evidence.push({ cue: 'a plain text block', weight: doc.showsMessages ? 2 : 1 });
      break;
    case 'blockquote':
      // "Draft review — Priya's follow-up": the lines a manager quotes to comment on are mentioned, not sent.
      if (path(sec).some((s) => s.title && REVIEW_HEAD.test(s.title))) return explicit(turn, 'guidance', 'a draft quoted in a review of it');
      evidence.push({ cue: 'a quote block', weight: 1.5 });
      if (ATTRIBUTION.test(text)) evidence.push({ cue: 'attributed to someone (a testimonial or quote)', weight: -4 });
      break;
    default:
      if (FULLY_QUOTED.test(text.split('\n', 1)[0])) evidence.push({ cue: 'a quoted line', weight: 2.5 });
      else if (besideTemplates && !inEmail && !unit.table) evidence.push({ cue: 'plain prose next to written-out templates', weight: -1.5 });
      else if (framesScript && !inEmail && !unit.table && turn.role === 'none') evidence.push({ cue: 'unlabelled prose above a script that labels its speakers', weight: -2 });
  }
  if (inEmail) evidence.push({ cue: 'inside an email (greeting to sign-off)', weight: 3 });
  if (leadIn === 'prompt') evidence.push({ cue: 'introduced as a prompt for an assistant', weight: -3 });
  if (leadIn === 'use') evidence.push({ cue: 'introduced as words to send or say', weight: 2 });
  const branch = BRANCH.exec(text);
  // "If they say "…":" alone on its line names the buyer's words; the rep's answer follows under its own label.
  if (branch && text.slice(branch[0].length).trim() === '') return explicit(turn, 'guidance', 'an “If they say …” line: the answer follows');
  if (branch) evidence.push({ cue: 'an “If they say …” branch of a script', weight: 3 });
  // A discovery bank is a list of the questions the rep asks ("## Discovery / - How do clients send you records?").
  if (unit.kind === 'list-item' && DISCOVERY_ITEM.test(text) && !ABOUT_THE_DEAL.test(text) && path(sec).some((s) => s.title && DISCOVERY_HEADING.test(s.title) && !s.anti)) evidence.push({ cue: 'a question in a discovery list', weight: 2 });
  const prior = named ? { cue: `the file is named “${named.title}”`, weight: 2 } : headingPrior(sec, doc, path);
  if (prior) evidence.push(prior);
  for (const c of textCues(text, inEmail)) evidence.push(c);
  // A question quoted inside other words ("Dropped the "Did you see my note?" touch") is mentioned, not asked.
  const asked = text.includes('?') ? withoutInnerQuotes(text) : '';
  if (/\?/.test(asked) && /\byou(?:r)?\b/i.test(asked) && !evidence.some((c) => c.weight < 0)) evidence.push({ cue: 'asks “you” a question', weight: 1 });
  // Words to a buyer address someone: with no "I", "we" or "you", a generic heading or a quote block alone is not enough.
  if (!inEmail && (prior?.weight ?? 0) < 2 && !ADDRESSES.test(text)) evidence.push({ cue: 'addresses no one (no “I”, “we” or “you”)', weight: -1 });

  const score = evidence.reduce((n, c) => n + c.weight, 0);
  if (score >= READ_AS_REP) {
    turn.voice = 'rep';
    turn.speech = true;
    turn.contexts.add('rep');
    // Words the page tells the rep to send are outreach whatever kind of page (coaching notes, a process) holds
    // them; so is a message written out (a greeting, a merge field) under a heading that names its channel
    // ("SMS cadence"), unless a heading says it is not outreach.
    const shaped = (inEmail || hasMessageShape(text)) && MESSAGE_CHANNELS.some((c) => turn.contexts.has(c));
    if (leadIn === 'use' || (shaped && !path(sec).some((s) => s.title && NOT_OUTREACH.test(s.title)))) turn.contexts.delete('process');
    turn.channel = channelOf(turn, inEmail, path);
    readAsWritten(turn, inEmail);
    // A message that gives its number twice, under no heading naming a written channel, is left on a machine.
    if (turn.channel === 'email' && !/^\s*subject\s*:/im.test(unit.text) && repeatsANumber(text) && nearestTitle(turn, path, WRITTEN_TITLE) === undefined) leftAsVoicemail(turn);
  }
}

/** The text less its "…" quotes that sit among other words on their line (a whole quoted line stays). Linear in the text. */
function withoutInnerQuotes(text: string): string {
  return text.replace(/"[^"\n]*"/g, (quote, at: number) => {
    const from = text.lastIndexOf('\n', at) + 1;
    const to = text.indexOf('\n', at + quote.length);
    const around = text.slice(from, at) + text.slice(at + quote.length, to < 0 ? text.length : to);
    return /\p{L}/u.test(around) ? '' : quote;
  });
}

/**
 * An email written out (greeting to sign-off) under a heading that names a call as well ("Touch 3 — call, then
 * email if no answer") is the email: the call's tags belong to the step's other touch, not to these words.
 */
function readAsWritten(turn: Turn, inEmail: boolean): void {
  if (inEmail && (turn.channel === 'email' || turn.channel === 'subject')) for (const t of CALL_TAGS) turn.contexts.delete(t);
}

/** A line naming the channel of the message under it and ending in a colon: "SMS — to a warm contact, the day before the call:". */
const CHANNEL_TITLE = /^\W*(?:sms|texts?|e-?mails?|linkedin|inmails?|voice-?mails?|vms?|notes?|messages?|dms?|whatsapp)\b[^\n]{0,100}:\s*$/i;

/** The unit's first line, ending at `lineEnd`, is a paragraph's title (wholly bold or italic, or naming a channel and ending in a colon), and more lines follow. */
export function isTitleLine(unit: Unit, lineEnd: number): boolean {
  if (unit.kind !== 'paragraph' || lineEnd >= unit.text.length) return false;
  const from = unit.text.length - unit.text.trimStart().length;
  let to = lineEnd;
  while (to > from && /\s/.test(unit.text[to - 1])) to--;
  return to > from && (unit.emphasis.some(([a, b]) => a <= from && b >= to) || CHANNEL_TITLE.test(unit.text.slice(from, to)));
}

/** The unit's first turn when it is a title line over the message below it ("**Note A**", "SMS — a week on:"). */
export function titleTurn(unit: Unit): Turn | undefined {
  const first = unit.turns[0];
  return unit.turns.length > 1 && first.a === 0 && isTitleLine(unit, first.b) ? first : undefined;
}

/** A heading naming a discovery or qualifying bank (bare "Questions" may be an FAQ). */
const DISCOVERY_HEADING = /\b(?:discovery|qualif\w*|spin|meddicc?|bant)\b/i;
/** A question for the rep about the deal ("Have you met the Economic Buyer?", "How can you leverage your Champion?"), not for the buyer. */
const ABOUT_THE_DEAL = /\b(?:economic buyers?|EBs?|champions?|decision[- ]makers?|the (?:prospect|buyer|customer|client)s?|prospects|deal|opportunity|pipeline|quota)\b/i;
/** A list item the rep would ask: a question, or an open prompt ("Walk me through…"). */
const DISCOVERY_ITEM = /\?\s*$|^\W*(?:walk me through|talk me through|tell me about|help me understand)\b/i;

/** An explicit marker (a speaker label, a heading, a header line) says whose words a turn is: it wins over scored evidence. */
function explicit(turn: Turn, voice: Voice, cue: string): void {
  turn.voice = voice;
  turn.evidence.push({ cue, weight: voice === 'rep' ? Infinity : -Infinity });
}

/** An explicit marker says the turn is the rep's words to the buyer. */
function speaks(turn: Turn, cue: string, inEmail: boolean, path: (s: SectionNode) => readonly SectionNode[]): void {
  explicit(turn, 'rep', cue);
  turn.speech = true;
  turn.contexts.add('rep');
  turn.channel = channelOf(turn, inEmail, path);
  readAsWritten(turn, inEmail);
}

/** What the headings above a turn say, weighed by how specific they are. */
function headingPrior(sec: SectionNode, doc: DocumentReading, path: (s: SectionNode) => readonly SectionNode[]): Cue | undefined {
  if (doc.declaredType && sec.customerFacing) return { cue: 'front matter names the playbook type', weight: 2.5 };
  if (!sec.customerFacing) return undefined;
  const named = path(sec).find((s) => s.title && NAMED_MESSAGE.test(s.title) && !TOPIC_HEAD.test(s.title) && !REVIEW_HEAD.test(s.title) && s.customerFacing);
  // "Voicemail drops", "Email templates": prose right under a heading that names several messages introduces them;
  // a message of its own there shows its shape (a greeting, "I" to "you").
  if (named === sec && SEVERAL_MESSAGES.test(sec.title ?? '')) return { cue: `heading “${named.title}” names several messages`, weight: 1.5 };
  if (named) return { cue: `heading “${named.title}” names a message`, weight: 2 };
  return { cue: `heading “${sec.title}”`, weight: doc.showsMessages ? 1.5 : 0.5 };
}

/** The channel of a turn read as the rep's: subject, email, voicemail, live call or another message. */
function channelOf(turn: Turn, inEmail: boolean, path: (s: SectionNode) => readonly SectionNode[]): Channel {
  const c = turn.contexts;
  if (c.has('subject')) return 'subject';
  // A page of "email and voicemail templates": the nearest heading that names one channel decides ("SMS" under
  // "Voicemails and texts" holds texts, even one that says "call me"), and a message written to be read (a
  // subject line, an email shape, no call words) is not a voicemail.
  if (c.has('voicemail') && (c.has('email') || c.has('sms') || inEmail)) {
    const nearest = nearestTitle(turn, path, VOICEMAIL_TITLE, WRITTEN_TITLE);
    const onlyVoicemail = nearest !== undefined && VOICEMAIL_TITLE.test(nearest) && !WRITTEN_TITLE.test(nearest);
    const onlyWritten = nearest !== undefined && WRITTEN_TITLE.test(nearest) && !VOICEMAIL_TITLE.test(nearest);
    const text = turn.unit.text.slice(turn.a, turn.b);
    if (onlyWritten || (!onlyVoicemail && (inEmail || /^\s*subject\s*:/im.test(turn.unit.text) || !SPOKEN_CUES.test(text)))) c.delete('voicemail');
  }
  // "If Priti picks up instead": the nearest heading that names a voicemail or a live answer decides; a live answer is a call.
  if (c.has('voicemail')) {
    const nearest = nearestTitle(turn, path, VOICEMAIL_TITLE, LIVE_TITLE);
    if (nearest !== undefined && LIVE_TITLE.test(nearest) && !VOICEMAIL_TITLE.test(nearest)) c.delete('voicemail');
  }
  if (c.has('voicemail')) return 'voicemail';
  if (c.has('sms') && !inEmail) {
    c.delete('email');
    return 'message';
  }
  // The nearest heading that names a channel wins over a generic one above it ("Script templates / Discovery
  // call / Close"); where it names both ("Touch 3 — Call (day 5)"), a speaker's turn is spoken.
  if (!inEmail && c.has('email') && CALL_TAGS.some((t) => c.has(t))) {
    const nearest = [...path(turn.unit.section)].reverse().find((s) => s.ownTags.includes('email') || CALL_TAGS.some((t) => s.ownTags.includes(t)));
    const onlyCall = nearest !== undefined && !nearest.ownTags.includes('email');
    const spokenStep = turn.unit.section.ownTags.includes('call-script') && turn.label !== undefined && turn.role === 'rep';
    if (onlyCall || spokenStep) {
      c.delete('email');
      return 'call';
    }
  }
  if (inEmail || c.has('email')) {
    c.add('email');
    return 'email';
  }
  if (CALL_TAGS.some((t) => c.has(t)) || turn.role === 'rep') return 'call';
  return 'message';
}

/** The title of the nearest heading above the turn that matches one of `kinds`. */
function nearestTitle(turn: Turn, path: (s: SectionNode) => readonly SectionNode[], ...kinds: RegExp[]): string | undefined {
  const secs = path(turn.unit.section);
  for (let i = secs.length - 1; i >= 0; i--) {
    const title = secs[i].title;
    if (title && kinds.some((re) => re.test(title))) return title;
  }
  return undefined;
}

const VOICEMAIL_TITLE = /\b(?:voice-?mails?|vms?)\b/i;
/** A heading for the call the buyer answers: "If Priti picks up instead", "When they answer", "Live call". */
const LIVE_TITLE = /\b(?:picks?|picked) up\b|\b(?:if|when|once) (?:[\w'’-]+ ){1,3}(?:answers?|gets? on the line)\b|\blive (?:call|conversation|answer)\b/i;
const WRITTEN_TITLE = /\b(?:e-?mails?|inmails?|linkedin|sms|texts?|dms?)\b/i;
const TEXT_TITLE = /\b(?:sms|texts?)\b/i;

/** A title line over the message ("**Text 2 — a week on**", "Email 3:") names its channel, nearer than any heading. */
function titleChannel(turn: Turn): void {
  const { unit } = turn;
  const title = titleTurn(unit);
  if (!title || title === turn) return;
  const text = unit.text.slice(0, title.b);
  const spoken = VOICEMAIL_TITLE.test(text);
  const written = WRITTEN_TITLE.test(text);
  if (spoken === written) return;
  const c = turn.contexts;
  if (spoken) {
    c.add('voicemail');
    c.delete('sms');
    return;
  }
  c.delete('voicemail');
  c.add(TEXT_TITLE.test(text) ? 'sms' : 'email');
}

/** Words a voicemail says and an email does not: calling, a call back, a phone number read out. */
const SPOKEN_CUES = /\b(?:calling|ringing|call(?:ed)? you|give me a (?:call|ring|shout|bell)(?: back)?|call me(?: back| on| at)?|call back|voicemail|left you a message)\b|\+?\d[\d\s().-]{7,}\d/i;

/** An item under a subject-lines heading that gives advice rather than a subject. */
const DESCRIBES_SUBJECTS = /^\W*(?:should|must|no|not|avoid|keep|use|don'?t|never|always|make|aim|try|under|fewer|less|short|lower-?case|\d+\s*(?:[-–]|to)\s*\d+ (?:words|characters))\b|\((?:e\.g\.|for example|like|such as)?\s*["“]/i;

/** Subject lines of meeting notes, calendar invites or tickets are naming conventions, not email subjects. */
const NOT_EMAIL_SUBJECTS = /\b(?:notes?|meetings?|calendar|invites?|events?|tickets?|issues?|merge requests?|commits?|slack|internal)\b/i;

function isSubjectList(unit: Unit): boolean {
  const title = unit.section.title ?? '';
  return unit.kind === 'list-item' && SUBJECT_HEADING.test(title) && !NOT_EMAIL_SUBJECTS.test(title);
}

/**
 * Units that belong to an email written out in the text: from a greeting (or
 * a `Subject:` line) to a sign-off, in prose blocks of one segment, or a
 * whole fence or quote that holds a greeting or a sign-off. Coaching after
 * the template ends the email even without a sign-off.
 */
export function emailRegions(units: readonly Unit[]): Set<Unit> {
  const out = new Set<Unit>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.kind === 'table-cell' || u.anti) continue;
    const lines = u.text.split('\n');
    if (u.kind === 'fence' || (u.kind === 'blockquote' && lines.length > 1)) {
      if (lines.some((l) => isGreetingLine(l) || GREETING_START.test(l)) || lines.slice(1).some(isSignOffLine)) out.add(u);
      continue;
    }
    const opens =
      isGreetingLine(lines[0]) ||
      GREETING_START.test(lines[0]) ||
      (SUBJECT_LINE.test(lines[0]) && u.turns[0]?.role === 'subject') ||
      (NAME_SALUTATION.test(lines[0]) && signedOffAfter(units, i));
    if (!opens) continue;
    // The email runs on while the next blocks are prose of the same kind, up to a sign-off.
    let greeted = !SUBJECT_LINE.test(lines[0]);
    // The last unit of this email; the scan goes on after it.
    let last = i;
    for (let j = i; j < units.length && j < i + 15; j++) {
      const v = units[j];
      if (j > i && !sameProse(v, u)) break;
      const first = v.text.split('\n', 1)[0];
      const greeting = isGreetingLine(first) || GREETING_START.test(first);
      if (j > i && ((greeting && greeted) || /^(?:subject(?: line)?)\s*:/i.test(v.text))) break; // the next email starts here
      greeted ||= greeting;
      // Coaching after a template ends it, unless a sign-off further down still closes this email.
      if (j > i && textCues(v.text).reduce((n, c) => n + c.weight, 0) <= -3 && !signedOffAfter(units, j)) break;
      out.add(v);
      last = j;
      if (holdsSignOff(v, j > i)) {
        // A name line after the sign-off ("Best,\nDana") may be its own paragraph.
        const next = units[j + 1];
        if (next && next.kind === v.kind && next.text.length < 60 && !/[.?!]$/.test(next.text.trim()) && next.section === v.section && !startsMessage(next.text)) {
          out.add(next);
          last = j + 1;
        }
        // A postscript below the sign-off is still the email ("P.S. …").
        const ps = units[last + 1];
        if (ps && sameProse(ps, v) && POSTSCRIPT.test(ps.text)) {
          out.add(ps);
          last += 1;
        }
        break;
      }
    }
    i = last;
  }
  return out;
}

const POSTSCRIPT = /^\s*(?:P\.\s?(?:P\.\s?)?S\.?|PS\b:?)/;

/** The first line starts a message: a subject line or a greeting (not the name under a sign-off). */
function startsMessage(text: string): boolean {
  const first = text.split('\n', 1)[0];
  return SUBJECT_LINE.test(first) || isGreetingLine(first) || GREETING_START.test(first);
}

/** `v` can carry on the prose of an email that `u` belongs to: same section, not a table, a fence or a bad example. */
function sameProse(v: Unit, u: Unit): boolean {
  // An email quoted block by block ("> Dear Mrs Adeyemi, …") runs on in quote blocks; plain prose between them is the
  // writer's comment on the draft, as in a manager's review.
  if (u.kind === 'blockquote' && v.kind !== 'blockquote') return false;
  return v.kind !== 'table-cell' && v.kind !== 'fence' && !v.anti && v.section === u.section;
}

/** A sign-off line in `v`; its first line counts only when `v` is not where the email starts. */
function holdsSignOff(v: Unit, afterStart: boolean): boolean {
  return v.text.split('\n').some((l, k) => (k > 0 || afterStart) && isSignOffLine(l));
}

/** A sign-off closes the prose that starts at `units[i]`, before another email starts. */
function signedOffAfter(units: readonly Unit[], i: number): boolean {
  for (let j = i; j < units.length && j < i + 15; j++) {
    if (j > i && !sameProse(units[j], units[i])) return false;
    // The next email starts before any sign-off.
    if (j > i && startsMessage(units[j].text)) return false;
    if (holdsSignOff(units[j], j > i)) return true;
  }
  return false;
}

/** Message shapes in a unit: a document that has any reads its generic headings with more trust. */
export function showsMessage(unit: Unit): boolean {
  if (unit.turns.some((t) => t.role === 'rep' || t.role === 'prospect' || t.role === 'subject' || t.role === 'structural')) return true;
  const first = unit.text.split('\n', 1)[0];
  if (isGreetingLine(first) || GREETING_START.test(first)) return true;
  return /\{\{[^}]{1,40}\}\}/.test(unit.text);
}
