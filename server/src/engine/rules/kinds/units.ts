/**
 * Shared helpers for the metric and structural kinds: email units (the body a
 * buyer reads as one message), message fields, and snippet fixes at a point.
 *
 * An email unit is the speech under one email section ("### Email 2 — Day 3"),
 * or one plain fence in an email section (several fences in one section are
 * alternative templates, measured one by one). Its body leaves out the
 * `Subject:` line, the greeting line ("Hi {{first_name}},") and the sign-off
 * from "Best," / "Thanks," on.
 */
import { startAt, endAt, type PlaybookModel, type SectionNode, type Turn, type Unit } from '../../read/model';
import { repMonologues, voicemailScripts, type Script } from '../../read/spoken';
import { firstIndex } from '../../parse/positions';
import { FOLLOWS_OWN_NOTE, INTRODUCES_SENDER, LETS_GO, readsAsColdPitch } from '../../read/thread';
import { GREETING_LINE as GREETING } from '../../read/opening';
import { GREETING_START } from '../../read/evidence';
import { titleTurn } from '../../read/voice';
import type { RuleContext } from './kind';
import type { FixTemplate } from '../rule-types';
import { toPlaceholderStyle, isSnippet } from '../../fixes/snippets';
import { buildInsertFixes } from '../../fixes/fix-builder';
import type { Fix } from '../../types';
import { countWords, type PlaceholderStyle } from '../../read/words';
import { fillMessage } from '../plural';

export type EmailStage = 'first-touch' | 'follow-up' | 'recap' | 'break-up' | 'other';

export interface BodyLine {
  turn: Turn;
  /** Range in `turn.unit.text`. */
  a: number;
  b: number;
}

export interface EmailUnit {
  section: SectionNode;
  turns: Turn[];
  subjects: Turn[];
  /** Body lines, greeting and sign-off left out. */
  lines: BodyLine[];
  /** Body text, lines joined by newlines. */
  text: string;
  words: number;
  stage: EmailStage;
  /** Original range of the body (whole unit when the body is empty). */
  start: number;
  end: number;
  contexts: ReadonlySet<string>;
  /** Heading titles from the document root to the email's section, joined by " / ". */
  path: string;
  /** Has the shape of a written email (a subject, a greeting or a sign-off), not just an email heading. */
  shaped: boolean;
}

const SIGN_OFF = /^\s*(?:best(?: regards| wishes)?|thanks(?: again| so much)?|thank you|cheers|regards|kind regards|warm regards|many thanks|talk soon|sincerely|all the best|speak soon|—|--|-)\s*[,.!]?\s*(?:\S.{0,40})?$/i;
/** A line that is only a name ("Tama", "Owen Hale", "{{sender_first_name}}"): the sender signing off. */
const SENDER_NAME = /^\s*(?:[—–-]\s*)?(?:\{\{\s*[\w.]*(?:sender|rep|my|name)[\w.]*\s*\}\}|\[(?:your|my|rep|sender)[^\]]{0,20}\]|\p{Lu}[\p{Ll}'’-]{1,20}(?:\s\p{Lu}[\p{Ll}'’.-]{0,20}){0,2})\s*$/u;
const FIRST_TOUCH = /\b(?:email 1|e-?mail #?1|touch 1|step 1|day [01]\b|first[- ]touch|cold e-?mail|initial (?:e-?mail|outreach)|intro(?:duction)? e-?mail)\b/i;
const RECAP = /\b(?:recap|summary|next steps|proposal|post-(?:call|demo|discovery|meeting)|after the (?:call|demo|meeting))\b/i;
const BREAK_UP = /\b(?:break-?up|closing (?:the )?loop|final (?:e-?mail|touch|note)|close (?:your|the) file|last (?:e-?mail|touch))\b/i;
/** Headings that name an email (not just "messaging" or "message house"). */
const EMAIL_HEADING = /\b(?:(?:e-?mail|inmail|touch|step|day|message)\s*#?\d+|(?:cold|follow[- ]?up|first[- ]touch|break-?up|recap|intro(?:duction)?|prospecting|outreach|nurture|referral|reply|sales|nudge|bump)\s+e-?mails?|e-?mail\s+(?:templates?|body|copy|drafts?|scripts?|sequence|\d+)|out[- ]of[- ]office|auto-?repl(?:y|ies))\b/i;
const LATER = /\b(?:email [2-9]|email \d{2}|touch [2-9]|step [2-9]|day (?:[2-9]|\d{2,}))\b/i;

export function sectionPath(model: PlaybookModel, section: SectionNode): SectionNode[] {
  const out: SectionNode[] = [];
  for (let s: SectionNode | undefined = section; s; s = s.parent === null ? undefined : model.sections[s.parent]) out.unshift(s);
  return out;
}

export function pathTitle(model: PlaybookModel, section: SectionNode): string {
  return sectionPath(model, section)
    .map((s) => s.title ?? '')
    .filter(Boolean)
    .join(' / ');
}

/** A heading that names the message a first touch ("Email 1", "Cold email"): an explicit marker that text evidence does not overrule. */
export function headedFirstTouch(model: PlaybookModel, section: SectionNode): boolean {
  return FIRST_TOUCH.test(pathTitle(model, section));
}

/** A heading that counts the attempts: "Voicemail C — third attempt", "Second try", "Attempt 3". */
const LATER_ATTEMPT = /\b(?:(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) (?:attempt|try|go)|attempt #?[2-9])\b/i;

/** The heading says earlier attempts came first: what the message says it mentioned before, it did. */
export function headedLaterAttempt(model: PlaybookModel, section: SectionNode): boolean {
  return LATER_ATTEMPT.test(pathTitle(model, section));
}

export function emailStage(path: string, contexts: ReadonlySet<string>): EmailStage {
  if (BREAK_UP.test(path)) return 'break-up';
  if (RECAP.test(path)) return 'recap';
  if (FIRST_TOUCH.test(path)) return 'first-touch';
  if (contexts.has('follow-up') || LATER.test(path)) return 'follow-up';
  return 'other';
}

/** A subject line that names a recap: "Recap: …", "Summary of Tuesday's call", "Next steps for …", "Notes from …". */
const RECAP_SUBJECT = /^\s*(?:subject\s*:\s*)?(?:recap|summary|notes from|next steps)\b/i;

/**
 * A subject that introduces the sender or their product: "Introducing The Foundry Suite", "A brief hello from Harbourside".
 * "Intro: Hana <> Tomás" introduces two people to each other, and needs no ask of its own.
 */
const INTRO_SUBJECT = /^\s*(?:subject\s*:\s*)?(?:introducing\b|(?:a )?(?:quick |brief |short )?(?:hello|hi|greetings)(?: again)? from\b)(?!.*<>)/i;

function stageFromText(stage: EmailStage, text: string, subjects: readonly Turn[], answersBuyer: boolean): EmailStage {
  if (stage !== 'other' && stage !== 'follow-up') return stage;
  if (LETS_GO.test(text)) return 'break-up';
  if (stage !== 'other') return stage;
  if (INTRODUCES_SENDER.test(text)) return 'first-touch';
  if (FOLLOWS_OWN_NOTE.test(text)) return 'follow-up';
  // A "Re:" that answers the buyer's own email is a reply, not a chase of the rep's earlier note.
  // A subject that names a recap ("Recap: BSC plan for the Hoffman building") places the email like a "Recap" heading.
  if (subjects.some((s) => RECAP_SUBJECT.test(s.unit.text.slice(s.a, s.b)))) return 'recap';
  if (answersBuyer) return stage;
  if (subjects.some((s) => s.contexts.has('thread-reply'))) return 'follow-up';
  const intro = subjects.map((s) => s.unit.text.slice(s.a, s.b)).find((t) => INTRO_SUBJECT.test(t));
  if (intro) return /\bagain\b/i.test(intro) ? 'follow-up' : 'first-touch';
  // The shape of a cold first email: signs of a stranger's first touch, a trigger noticed, a pitch (read/thread.ts).
  if (readsAsColdPitch(text)) return 'first-touch';
  return stage;
}

/** Is this turn part of an email's text (body or subject)? */
export function isEmailTurn(t: Turn): boolean {
  return t.speech && (t.contexts.has('email') || t.contexts.has('subject')) && !t.contexts.has('voicemail') && !t.unit.anti;
}

export function emailUnits(model: PlaybookModel): EmailUnit[] {
  const groups = new Map<object, Turn[]>();
  // Prose emails of a section, one after another: a second greeting (or subject) starts the next one.
  const proseEmail = new Map<SectionNode, { key: object; opened: boolean }>();
  for (const t of model.turns) {
    if (!isEmailTurn(t)) continue;
    // A subject-line option list is not an email.
    if (t.unit.kind === 'list-item' && t.contexts.has('subject')) continue;
    // A fence or a quote block is one message; several in a section are alternatives, measured one by one.
    let key: object;
    if (t.unit.kind === 'fence') key = t.unit;
    else if (t.unit.quote) key = t.unit.quote;
    else {
      // A subject line opens an email wherever it sits (under a pasted thread's From: and Date: lines too).
      // So does a greeting, and the first line under a title line ("**Note 3 (Sinéad)**").
      const opens = t.role === 'subject' || (t.a === 0 && GREETING.test(t.unit.text.split('\n', 1)[0])) || (t.unit.turns[1] === t && titleTurn(t.unit) !== undefined);
      let cur = proseEmail.get(t.unit.section);
      if (!cur || (opens && cur.opened && !(t.role !== 'subject' && groups.get(cur.key)?.every((g) => g.role === 'subject')))) {
        cur = { key: {}, opened: false };
        proseEmail.set(t.unit.section, cur);
      }
      cur.opened ||= opens;
      key = cur.key;
    }
    const g = groups.get(key);
    if (g) g.push(t);
    else groups.set(key, [t]);
  }
  const out: EmailUnit[] = [];
  for (const turns of groups.values()) {
    const section = turns[0].unit.section;
    const subjects = turns.filter((t) => t.role === 'subject');
    const bodyTurns = turns.filter((t) => t.role !== 'subject');
    const raw: BodyLine[] = [];
    for (const t of bodyTurns) {
      const text = t.unit.text;
      let at = t.a;
      while (at <= t.b) {
        let nl = text.indexOf('\n', at);
        if (nl < 0 || nl > t.b) nl = t.b;
        if (text.slice(at, nl).trim()) raw.push({ turn: t, a: at, b: nl });
        at = nl + 1;
      }
    }
    let lines = raw;
    if (lines.length > 1 && GREETING.test(lineText(lines[0]))) lines = lines.slice(1);
    else if (lines.length > 0) {
      // "Hi Ana, just giving this a nudge…": the greeting shares its line with the body and is no more counted than alone.
      const greeting = GREETING_START.exec(lineText(lines[0]));
      const rest = greeting ? lineText(lines[0]).slice(greeting[0].length) : '';
      if (greeting && rest.trim()) lines = [{ ...lines[0], a: lines[0].b - rest.trimStart().length }, ...lines.slice(1)];
    }
    const signOff = lines.findIndex((l, i) => i > 0 && i >= lines.length - 4 && SIGN_OFF.test(lineText(l)) && countWords(lineText(l)) <= 6);
    if (signOff > 0) lines = lines.slice(0, signOff);
    // The sender's name alone on the last line ("Tama") signs off like "Cheers, Tama".
    else if (lines.length > 1 && SENDER_NAME.test(lineText(lines[lines.length - 1]))) lines = lines.slice(0, -1);
    const greeted = raw.length > 1 && GREETING.test(lineText(raw[0]));
    const path = pathTitle(model, section);
    const docType = model.frontMatter.type ?? '';
    // Only text that reads as an email: a named email heading, a subject, a greeting or a sign-off.
    // A fence holding Markdown headings is a document template (a scorecard, a brief), not an email.
    const emailLike = EMAIL_HEADING.test(path) || /^(?:email|email-sequence)$/.test(docType) || subjects.length > 0 || greeted || signOff > 0;
    if (!emailLike || turns.some((t) => t.unit.kind === 'fence' && /^#{1,6}\s/m.test(t.unit.text))) continue;
    // A bulleted list under an email heading, with no subject, is alternatives or notes about the email, not one email.
    if (subjects.length === 0 && lines.length > 0 && lines.every((l) => l.turn.unit.kind === 'list-item')) continue;
    const text = lines.map(lineText).join('\n');
    const first = lines[0];
    const last = lines[lines.length - 1];
    const startTurn = turns[0];
    const endTurn = turns[turns.length - 1];
    const contexts = (bodyTurns[0] ?? turns[0]).contexts;
    out.push({
      section,
      turns,
      subjects,
      lines,
      text,
      words: countWords(text),
      stage: stageFromText(emailStage(path, contexts), text, subjects, quotesBuyerBelow(model, endTurn.unit)),
      start: first ? startAt(first.turn.unit, first.a) : startAt(startTurn.unit, startTurn.a),
      end: last ? endAt(last.turn.unit, last.b - 1) : endAt(endTurn.unit, endTurn.b - 1),
      contexts,
      path,
      shaped: subjects.length > 0 || greeted || signOff > 0,
    });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Whether the block right after a message is the buyer's earlier email, quoted under the reply ("On 14 Apr, Priya wrote:"). */
function quotesBuyerBelow(model: PlaybookModel, last: Unit): boolean {
  const units = model.units;
  const next = units[firstIndex(units.length, (i) => units[i].start > last.start)];
  return next !== undefined && next.section === last.section && next.kind === 'blockquote' && next.turns.length > 0 && next.turns.every((t) => t.voice === 'buyer');
}

export function lineText(l: BodyLine): string {
  return l.turn.unit.text.slice(l.a, l.b);
}

/** Original range of `[a, b)` in a turn's unit text. */
export function rangeIn(turn: Turn, a: number, b: number): { start: number; end: number } {
  const u = turn.unit;
  return { start: startAt(u, a), end: endAt(u, Math.max(a, b - 1)) };
}

/** Replaces `{field}` in a message with figures, `{field:noun}` with the figure and the noun in the right number. */
export function fill(message: string, fields: Record<string, string | number>): string {
  return fillMessage(message, fields);
}

/** A numeric option, or `fallback` when the value is not a finite number. */
export function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

/**
 * The rule's `insert-after` fix templates as edits inserting at `at` (an
 * original offset), in the document's placeholder style. `only` keeps the
 * templates whose title starts with one of the given words.
 */
export function insertFixes(templates: readonly FixTemplate[] | undefined, at: number, style: PlaceholderStyle, contexts?: ReadonlySet<string>, only?: (t: FixTemplate) => boolean, place?: { turn: Turn; model: PlaybookModel }): Fix[] {
  // With the turn it lands in, the text is chosen and filled for its place (channel, stage, facts).
  if (place) return buildInsertFixes(templates, { turn: place.turn, at, placeholderStyle: style, source: place.model.text, frontMatter: place.model.frontMatter }, only);
  const out: Fix[] = [];
  for (const t of templates ?? []) {
    if (t.action !== 'insert-after' || t.text === undefined) continue;
    if (t.contexts && contexts && !t.contexts.some((c) => contexts.has(c))) continue;
    if (only && !only(t)) continue;
    const text = ' ' + toPlaceholderStyle(t.text, style);
    out.push({ title: t.title, kind: t.kind, snippet: isSnippet(text), edits: [{ start: at, end: at, text }] });
  }
  return out;
}

/** Sentences with a question mark, ignoring URLs. */
export function countQuestions(text: string): number {
  return (text.replace(/\bhttps?:\/\/\S+/g, '').match(/\?+/g) ?? []).length;
}

const QUOTED_LINE = /^\s*["“'‘]/;

/**
 * Whether a group of turns is clearly the rep talking, not handbook prose
 * under a "pitch" or "intro" heading: a labelled rep (or structural) line, a
 * blockquote, a plain fence, or a quoted line (rules catalog §5.4).
 */
export function clearlySpoken(turns: readonly Turn[]): boolean {
  return turns.some((t) => t.role === 'rep' || t.role === 'structural' || t.role === 'positive' || t.unit.kind === 'blockquote' || t.unit.kind === 'fence' || QUOTED_LINE.test(t.unit.text.slice(t.a, t.b)));
}

/** A piece of the buyer-facing text a metric reads: one email, one voicemail script or one rep monologue. */
export interface MeasuredUnit {
  start: number;
  end: number;
  text: string;
  words: number;
  contexts: ReadonlySet<string>;
  turns: readonly Turn[];
}

/*
 * The one walk over what the metric kinds measure, with the one scope test
 * for each: an email or a voicemail script is in scope when any of its turns
 * is; a rep monologue when its first turn is and it is clearly spoken.
 */

/** Emails in the rule's scope. */
export function emailsInScope(ctx: RuleContext): EmailUnit[] {
  return emailUnits(ctx.model).filter((e) => e.turns.some((t) => ctx.inScope(t)));
}

/** Voicemail scripts in the rule's scope. */
export function voicemailsInScope(ctx: RuleContext): Script[] {
  return voicemailScripts(ctx.model).filter((s) => s.turns.some((t) => ctx.inScope(t)));
}

/** Clearly spoken rep monologues in the rule's scope. */
export function monologuesInScope(ctx: RuleContext): Script[] {
  return repMonologues(ctx.model).filter((s) => ctx.inScope(s.turns[0]) && clearlySpoken(s.turns));
}

/** Emails, voicemail scripts and clearly spoken rep monologues that are in the rule's scope. */
export function measuredUnits(ctx: RuleContext): MeasuredUnit[] {
  const spoken = (s: Script): MeasuredUnit => ({ ...s, contexts: s.turns[0].contexts });
  return [...emailsInScope(ctx), ...voicemailsInScope(ctx).map(spoken), ...monologuesInScope(ctx).map(spoken)];
}
