/**
 * playbook-structure: a playbook of a known type (front matter `type`, or a
 * file that the reading layer reads as mostly that content) that lacks a required part →
 * one finding per missing part on the title (or the top of the file), with a
 * quick fix inserting a skeleton section in the document's heading level,
 * speaker-label and placeholder style. Types and their parts come from the
 * `types` option, which the config file's `structure:` block extends.
 */
import { toPlaceholderStyle } from '../../fixes/snippets';
import { isReasonLabel, opensCall, statesReason } from '../../read/call-reason';
import { countPhoneNumbers } from '../../read/phone-numbers';
import { startAt, subtree, type PlaybookModel, type Turn } from '../../read/model';
import { countWords } from '../../read/words';
import type { Fix } from '../../types';
import type { RuleKind } from './kind';
import { callDialogues, isConversation, isRepVoice, objectionPairs, objectionRoots, oncePerModel, sectionAnchor, sequences, turnText, voiceShare, type Dialogue, type Touch } from './playbook-reading';
import { fill, pathTitle, str } from './units';
import { isCaller } from '../../read/voice';

export const DEFAULT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'call-script': ['opener', 'reason-for-call', 'discovery', 'next-step'],
  'email-sequence': ['touches', 'break-up'],
  voicemail: ['name', 'reason-for-call', 'callback-number'],
  'objection-handling': ['objections'],
  'discovery-guide': ['questions', 'next-step'],
};

const PART_NAMES: Record<string, string> = {
  opener: 'opener',
  'reason-for-call': 'reason for the call',
  discovery: 'discovery questions',
  'next-step': 'next step',
  objections: 'objection → answer pairs',
  touches: 'second touch',
  'break-up': 'break-up email',
  name: 'rep name',
  'callback-number': 'call-back number',
  questions: 'questions for the buyer',
};

const SKELETONS: Record<string, { title: string; body: string }> = {
  opener: { title: 'Opener', body: '{rep}Hi {{first_name}}, it\'s {{rep_name}} from {{company_name}}. ${1:why you are calling}' },
  'reason-for-call': { title: 'Reason for the call', body: '{rep}The reason for my call is ${1:specific trigger} at {{company}}.' },
  discovery: { title: 'Discovery questions', body: '- ${1:How do you handle … today?}\n- ${2:What happens when …?}\n- ${3:Who else is involved in …?}' },
  'next-step': { title: 'Next step', body: '{rep}Would ${1:day and time} work to ${2:specific next step} with ${3:who should join}?' },
  objections: { title: 'Objection handling', body: '| Objection | Response |\n| --- | --- |\n| "${1:objection}" | "${2:acknowledge}. ${3:question}?" |' },
  touches: { title: 'Email 2 — Day ${1:4}', body: 'Subject: ${2:subject}\n\n${3:something new for the buyer: an insight, a case, a question}' },
  'break-up': { title: 'Break-up email', body: 'Subject: ${1:closing the loop}\n\n${2:I\'ll stop reaching out for now.} If ${3:topic} becomes a priority, I\'m one reply away.' },
  name: { title: 'Voicemail', body: 'Hi {{first_name}}, it\'s {{rep_name}} from {{company_name}}. ${1:reason}' },
  'callback-number': { title: 'Call-back number', body: 'You can reach me at {{rep_phone}} — again, {{rep_phone}}.' },
  questions: { title: 'Questions', body: '- ${1:How do you handle … today?}\n- ${2:What would change if …?}' },
};

const NAME = /\b(?:this is|it'?s|my name is|I'?m)\s+(?:\p{Lu}\w+|\{\{[^}]+\}\}|\[[^\]]+\]|\{[^}]+\})|\{\{\s*(?:rep|your|my|sender)_?name\s*\}\}|\[(?:your|rep|my) ?name\]/iu;
const NEXT_STEP_HEADING = /\b(?:next steps?|close|closing|booking|book(?:ing)? the meeting|call to action|cta|the ask)\b/i;
const NEXT_STEP = /\b(?:calendar|next step|book\w*|schedule|(?:mon|tues|wednes|thurs|fri)day|tomorrow|next week|\d+[- ]minute|send (?:you )?(?:an? )?invite)\b/i;
/** Share of a file's words (bad examples aside) that must be the rep's or the buyer's for its content to name its type. */
const SPOKEN_SHARE = 0.6;
/** Touches a sequence read from content needs to be a whole one: two emails are a message and its follow-up. */
const WHOLE_SEQUENCE = 3;
/** A heading that names one moment of a call rather than the call. */
const CALL_MOMENT = /\b(?:openers?|opening|intro(?:duction)?|first (?:\d+|few|thirty|ten) (?:seconds|minutes)|gatekeepers?|objections?|pushback|closes?|closing|voicemails?|pitch|elevator)\b/i;

/**
 * The playbook's type. Front matter `type:` names it; otherwise only the
 * content can, as the reading layer reads it, and only when the file is
 * mostly that content (a heading word never does):
 * - a call script: a conversation of labelled rep and buyer turns on a call
 *   (see `isConversation`), and most of the file's words spoken by the two;
 *   a call between named people (a transcript, a call log) is a record, not a script;
 * - an email sequence: two or more touches holding the rep's messages, at least half of them emails, and
 *   most of the file's words in them.
 * Voicemails, objection guides and discovery guides are named in front
 * matter only (voicemail-essentials and objection-handling judge the text).
 *
 * Read from content, the text must also be a whole playbook, not a moment of
 * one (a gatekeeper exchange, the first minutes of a call, an email and its
 * follow-up): a call with at least as many rep turns as the script has parts,
 * or laid out in two or more sections, and not only under headings that name
 * one moment of a call (an opener, a gatekeeper, a close); a sequence of three
 * touches or more.
 * Parts missing from an excerpt are not missing from the playbook.
 */
export function playbookType(model: PlaybookModel, types: Record<string, readonly string[] | unknown>): string | undefined {
  const declared = model.frontMatter.type;
  if (declared) return declared in types ? declared : undefined;
  // Without a declared type the answer depends only on how many parts a call script has: the lint and this rule share it.
  const callParts = types['call-script'];
  const parts = Array.isArray(callParts) ? callParts.length : DEFAULT_TYPES['call-script'].length;
  return oncePerModel(model, `playbookType:${parts}`, () => typeFromContent(model, parts));
}

function typeFromContent(model: PlaybookModel, parts: number): string | undefined {
  const { all } = voiceShare(model);
  if (all === 0) return undefined;
  // A call between named people, the rep known by introducing themselves ("Dev (Kestrel): …"), is a record of one call, not a script reps reuse.
  const recorded = (d: Dialogue) => d.rep.every((t) => isCaller(model.reading, t.label));
  const dialogues = callDialogues(model).filter((d) => isConversation(d) && !recorded(d));
  const turns = dialogues.flatMap((d) => [...d.rep, ...d.buyer]);
  const spoken = voiceShare(model, turns).spoken;
  const repTurns = dialogues.reduce((n, d) => n + d.rep.length, 0);
  const sectionsWithTurns = new Set(turns.map((t) => t.unit.section)).size;
  // Turns only under headings that name one moment of a call ("Cold call opener", "Gatekeeper") are an excerpt.
  const momentOnly = turns.length > 0 && turns.every((t) => CALL_MOMENT.test(pathTitle(model, t.unit.section)));
  if (dialogues.length > 0 && spoken >= SPOKEN_SHARE * all && (repTurns >= parts || sectionsWithTurns >= 2) && !momentOnly) return 'call-script';
  // A run of texts or LinkedIn notes is a sequence too, but not an email sequence: its parts (a break-up email) are not asked of it.
  const byEmail = (t: Touch) => !t.section.tags.some((tag) => tag === 'sms' || tag === 'linkedin') && subtree(model, t.section).some((g) => g.turns.some((u) => isRepVoice(u) && (u.channel === 'email' || u.channel === 'subject')));
  const touches = sequences(model).filter((ts) => ts.filter((t) => t.lines.length > 0).length >= 2 && ts.filter(byEmail).length * 2 >= ts.length);
  const sequenceWords = touches.flat().reduce((n, t) => n + t.lines.reduce((m, l) => m + countWords(l), 0), 0);
  const longest = Math.max(0, ...touches.map((ts) => ts.filter((t) => t.lines.length > 0).length));
  if (touches.length > 0 && sequenceWords >= SPOKEN_SHARE * all && longest >= WHOLE_SEQUENCE) return 'email-sequence';
  return undefined;
}

/** The rep's words the parts of a type are looked for in: the call's turns for a script, the message's for a voicemail. */
function repTurnsFor(model: PlaybookModel, type: string): Turn[] {
  const rep = model.turns.filter(isRepVoice);
  if (type === 'call-script' || type === 'discovery-guide') {
    const call = rep.filter((t) => t.channel === 'call' || t.channel === 'message');
    return call.length > 0 ? call : rep;
  }
  if (type === 'voicemail') {
    const vm = rep.filter((t) => t.channel === 'voicemail');
    return vm.length > 0 ? vm : rep;
  }
  return rep;
}

/**
 * Does the playbook have this part (in the rep's words the reading layer
 * found)? A team's own part (`custom`: its words) is there when one of its
 * words is in the rep's lines or in the title of a section holding them.
 */
export function hasPart(model: PlaybookModel, part: string, type = '', custom?: readonly string[]): boolean {
  const rep = repTurnsFor(model, type);
  const repText = rep.map(turnText).join('\n');
  const sectionsWithRep = new Set(rep.map((t) => t.unit.section));
  const titledWithWords = (re: RegExp) => [...sectionsWithRep].some((s) => s.title && re.test(s.title));
  if (custom) {
    const texts = [repText, ...[...sectionsWithRep].map((x) => x.title ?? '')].map((t) => ` ${t.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ')} `);
    return custom.some((w) => {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w.toLowerCase().trim())}(?![\\p{L}\\p{N}])`, 'u');
      return texts.some((t) => re.test(t));
    });
  }
  switch (part) {
    case 'opener':
      return [...sectionsWithRep].some((s) => s.ownTags.includes('opener')) || (rep.length > 0 && opensCall(turnText(rep[0])));
    case 'reason-for-call':
      return statesReason(repText) || rep.some((t) => isReasonLabel(t.label));
    case 'discovery':
      return [...sectionsWithRep].some((s) => s.ownTags.includes('discovery') && rep.some((t) => t.unit.section === s && /\?/.test(turnText(t)))) || (repText.match(/\?/g) ?? []).length >= 2;
    case 'next-step':
      return titledWithWords(NEXT_STEP_HEADING) || NEXT_STEP.test(repText);
    case 'objections':
      return objectionRoots(model).some((r) => objectionPairs(model, r).length > 0);
    case 'touches':
      return sequences(model).some((s) => s.filter((t) => t.lines.length > 0).length >= 2);
    case 'break-up':
      return sequences(model).some((s) => s.some((t) => t.breakup && t.lines.length > 0)) || titledWithWords(/\b(?:break-?up|closing (?:the )?loop)\b/i);
    case 'name':
      return NAME.test(repText);
    case 'callback-number':
      return countPhoneNumbers(repText) > 0;
    case 'questions':
      return rep.reduce((n, t) => n + (turnText(t).match(/\?/g) ?? []).length, 0) >= 3;
    default:
      return true; // an unknown part name is reported by the config schema
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A team part's name as words ("pricing-slide" → "pricing slide"). */
const partWords = (part: string) => part.replace(/-/g, ' ');

/** Parts that open a playbook: their skeleton goes before the first section below the title, the others at the end. */
const EARLY_PARTS = new Set(['opener', 'reason-for-call', 'name']);

/**
 * A skeleton section for a missing part, written in the document's style:
 * its heading level below the title, the rep's speaker label as the script
 * writes it (`**SDR:**`, `You:`), and its placeholder style. An opening part
 * goes before the first section below the title; the others go at the end,
 * above a closing "what not to say" section.
 */
function skeletonFix(model: PlaybookModel, part: string, style: Parameters<typeof toPlaceholderStyle>[1]): Fix[] {
  const words = partWords(part);
  const sk = SKELETONS[part] ?? { title: words.charAt(0).toUpperCase() + words.slice(1), body: `{rep}\${1:what the rep says for the ${words}}` };
  const text = model.text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const h1 = model.sections.find((s) => s.depth === 1);
  const below = model.sections.filter((s) => s.depth > (h1 ? 1 : 0));
  const level = below.length ? Math.min(...below.map((s) => s.depth)) : h1 ? 2 : 2;
  const body = sk.body.replace('{rep}', repLabel(model));
  let at = text.length;
  if (EARLY_PARTS.has(part)) {
    const first = below.find((s) => s.depth === level);
    if (first) at = first.headingStart;
  } else {
    // Above the closing run of "what not to say" sections.
    let k = model.sections.length;
    while (k > 1 && model.sections[k - 1].anti) k--;
    if (k < model.sections.length && model.sections[k].depth > 0) at = model.sections[k].headingStart;
  }
  const section = `${'#'.repeat(level)} ${sk.title}${eol}${eol}${body.replace(/\n/g, eol)}${eol}`;
  let insert: string;
  if (at === text.length) insert = `${text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol}${section}`;
  else insert = `${section}${eol}`;
  insert = toPlaceholderStyle(insert, style);
  return [{ title: `Add a "${sk.title.replace(/\$\{\d+:([^}]*)\}/g, '$1')}" section`, kind: 'rewrite', snippet: true, edits: [{ start: at, end: at, text: insert }] }];
}

/** The rep's speaker label as the script writes it ("**Rep:** ", "SDR: "), or nothing when the rep's words are unlabelled. */
function repLabel(model: PlaybookModel): string {
  const t = model.turns.find((x) => isRepVoice(x) && x.role === 'rep' && x.label !== undefined);
  if (!t) return '';
  const at = startAt(t.unit, t.a) ?? t.unit.start;
  const lineStart = model.text.lastIndexOf('\n', at - 1) + 1;
  const written = model.text.slice(lineStart, at);
  const bold = /\*\*[^*]*:\s*\*\*|\*\*[^*]*\*\*\s*:/.test(written);
  return bold ? `**${t.label}:** ` : `${t.label}: `;
}

export const playbookStructureKind: RuleKind<null> = {
  name: 'playbook-structure',
  reach: 'document', // parts are anywhere in the file
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const user = (ctx.options.types ?? {}) as Record<string, { require?: unknown; parts?: unknown } | readonly string[]>;
    const types: Record<string, readonly string[]> = { ...DEFAULT_TYPES };
    const teamParts: Record<string, Record<string, readonly string[]>> = {};
    for (const [k, v] of Object.entries(user)) {
      const list = Array.isArray(v) ? v : (v as { require?: unknown })?.require;
      if (Array.isArray(list)) types[k] = list.filter((x): x is string => typeof x === 'string');
      const parts = Array.isArray(v) ? undefined : (v as { parts?: unknown })?.parts;
      if (parts && typeof parts === 'object') teamParts[k] = parts as Record<string, readonly string[]>;
    }
    const type = playbookType(model, types);
    if (!type) return;
    const anchor = sectionAnchor(model, model.sections[0]);
    const contexts = new Set(['document']);
    for (const part of types[type] ?? []) {
      const custom = teamParts[type]?.[part];
      if (hasPart(model, part, type, Array.isArray(custom) ? custom.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : undefined)) continue;
      ctx.report({ ...anchor, message: fill(str(undefined, ctx.rule.message), { type: type.replace(/-/g, ' '), part: PART_NAMES[part] ?? partWords(part) }), fixes: skeletonFix(model, part, ctx.placeholderStyle), contexts });
    }
  },
};
