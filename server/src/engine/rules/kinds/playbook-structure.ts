/**
 * playbook-structure: a playbook of a known type (front matter `type`, or a
 * title naming the type backed by its content) that lacks a required part →
 * one finding per missing part on the title (or the top of the file), with a
 * quick fix appending a skeleton section in the document's heading level,
 * speaker-label and placeholder style. Types and their parts come from the
 * `types` option, which the config file's `structure:` block extends.
 */
import { toPlaceholderStyle } from '../../fixes/snippets';
import { countPhoneNumbers } from '../../read/phone-numbers';
import type { PlaybookModel } from '../../read/model';
import type { Fix } from '../../types';
import type { RuleKind } from './kind';
import { callDialogues, isRepVoice, objectionPairs, objectionRoots, sectionAnchor, sequences, turnText } from './playbook-reading';
import { fill, str } from './units';

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

const INTRO = /\b(?:hi|hey|hello|good (?:morning|afternoon)|this is|it'?s|my name is)\b|\{\{\s*(?:rep|your|my)[\w.]*\s*\}\}|\[(?:your|rep|my) ?name\]/i;
const NAME = /\b(?:this is|it'?s|my name is|I'?m)\s+(?:\p{Lu}\w+|\{\{[^}]+\}\}|\[[^\]]+\]|\{[^}]+\})|\{\{\s*(?:rep|your|my|sender)_?name\s*\}\}|\[(?:your|rep|my) ?name\]/iu;
const REASON = /\b(?:reason (?:for my call|I'?m calling|I called)|I'?m calling (?:because|about|since|regarding|to)|calling (?:because|about)|(?:saw|noticed|read|heard|mentioned|announced|congrat\w*)\b|your (?:10-?k|post|announcement|launch|job posting|press release))|\{\{\s*[\w.]*(?:trigger|reason|event)[\w.]*\s*\}\}|\[[^\]]*(?:trigger|reason)[^\]]*\]/i;
const NEXT_STEP_HEADING = /\b(?:next steps?|close|closing|booking|book(?:ing)? the meeting|call to action|cta|the ask)\b/i;
const NEXT_STEP = /\b(?:calendar|next step|book\w*|schedule|(?:mon|tues|wednes|thurs|fri)day|tomorrow|next week|\d+[- ]minute|send (?:you )?(?:an? )?invite)\b/i;
const CALL_TITLE = /\b(?:cold[- ]call|call|phone|talk[- ]track) scripts?\b|\bcold[- ]call\b/i;
const SEQUENCE_TITLE = /\b(?:e-?mail sequence|e-?mail cadence|outreach sequence|follow[- ]?up sequence)\b/i;

/** The playbook's type: front matter, else a title naming it with the content to match (strong evidence only). */
export function playbookType(model: PlaybookModel, types: Record<string, unknown>): string | undefined {
  const declared = model.frontMatter.type;
  if (declared) return declared in types ? declared : undefined;
  const h1 = model.sections.find((s) => s.depth === 1);
  if (!h1?.title) return undefined;
  if (CALL_TITLE.test(h1.title) && callDialogues(model).some((d) => d.rep.length >= 2 && d.buyer.length >= 1)) return 'call-script';
  if (SEQUENCE_TITLE.test(h1.title) && sequences(model).length > 0) return 'email-sequence';
  return undefined;
}

/** Does the playbook have this part? */
export function hasPart(model: PlaybookModel, part: string): boolean {
  const rep = model.turns.filter(isRepVoice);
  const repText = rep.map(turnText).join('\n');
  const titled = (re: RegExp) => model.sections.some((s) => s.title && re.test(s.title));
  switch (part) {
    case 'opener':
      return model.sections.some((s) => s.ownTags.includes('opener')) || (rep.length > 0 && INTRO.test(turnText(rep[0])));
    case 'reason-for-call':
      return REASON.test(repText) || rep.some((t) => /^reason\b/i.test(t.label ?? ''));
    case 'discovery':
      return model.sections.some((s) => s.ownTags.includes('discovery')) || (repText.match(/\?/g) ?? []).length >= 2;
    case 'next-step':
      return titled(NEXT_STEP_HEADING) || NEXT_STEP.test(repText);
    case 'objections':
      return objectionRoots(model).some((r) => objectionPairs(model, r).length > 0);
    case 'touches':
      return sequences(model).some((s) => s.length >= 2);
    case 'break-up':
      return sequences(model).some((s) => s.some((t) => t.breakup)) || titled(/\b(?:break-?up|closing (?:the )?loop)\b/i);
    case 'name':
      return NAME.test(repText);
    case 'callback-number':
      return countPhoneNumbers(repText) > 0;
    case 'questions':
      return (model.text.match(/\?\s*$/gm) ?? []).length >= 3;
    default:
      return true; // an unknown part name is reported by the config schema
  }
}

function skeletonFix(model: PlaybookModel, part: string, style: Parameters<typeof toPlaceholderStyle>[1]): Fix[] {
  const sk = SKELETONS[part];
  if (!sk) return [];
  const text = model.text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  // The level of the document's sections below its title (## when it has none).
  const sub = model.sections.filter((s) => s.depth > 1).map((s) => s.depth);
  const level = sub.length ? Math.min(...sub) : 2;
  const boldLabels = /\*\*(?:rep|you|sdr|ae)\s*:\*\*/i.test(text);
  const label = /^\s*(?:\*\*)?(?:rep|you|sdr|ae)\b/im.test(text) ? (boldLabels ? '**Rep:** ' : 'Rep: ') : '';
  const body = sk.body.replace('{rep}', label);
  const lead = text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol;
  const insert = toPlaceholderStyle(`${lead}${'#'.repeat(level)} ${sk.title}${eol}${eol}${body.replace(/\n/g, eol)}${eol}`, style);
  return [{ title: `Add a "${sk.title.replace(/\$\{\d+:([^}]*)\}/g, '$1')}" section`, kind: 'rewrite', snippet: true, edits: [{ start: text.length, end: text.length, text: insert }] }];
}

export const playbookStructureKind: RuleKind<null> = {
  name: 'playbook-structure',
  reach: 'document', // parts are anywhere in the file
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const user = (ctx.options.types ?? {}) as Record<string, { require?: unknown } | readonly string[]>;
    const types: Record<string, readonly string[]> = { ...DEFAULT_TYPES };
    for (const [k, v] of Object.entries(user)) {
      const list = Array.isArray(v) ? v : (v as { require?: unknown })?.require;
      if (Array.isArray(list)) types[k] = list.filter((x): x is string => typeof x === 'string');
    }
    const type = playbookType(model, types);
    if (!type) return;
    const anchor = sectionAnchor(model, model.sections[0]);
    const contexts = new Set(['document']);
    for (const part of types[type] ?? []) {
      if (hasPart(model, part)) continue;
      ctx.report({ ...anchor, message: fill(str(undefined, ctx.rule.message), { type: type.replace(/-/g, ' '), part: PART_NAMES[part] ?? part }), fixes: skeletonFix(model, part, ctx.placeholderStyle), contexts });
    }
  },
};
