/**
 * Speaker labels at the start of a line: `Rep:`, `**Prospect:**`, `[SDR]:`,
 * `- **Dana:**` (rules catalog §5.4). Markup is already gone from unit text, so
 * the label is plain words followed by a colon.
 */
import type { SpeakerConfig } from '../parse/front-matter';
export type SpeakerRole =
  | 'rep' // the seller: linted
  | 'prospect' // the buyer: never linted as the rep
  | 'other' // a persona or third party: not linted
  | 'structural' // "Opening:", "Ask:" inside a script: the rep's words
  | 'guidance' // "Note:", "Tip:": instructions, not speech
  | 'anti' // "Bad:", "Don't:", "Instead of:": a quoted bad example
  | 'positive' // "Good:", "Try:", "Instead, say:": an example to use, linted
  | 'subject'; // "Subject:": an email subject line

const DEFAULT_LABELS: Record<Exclude<SpeakerRole, 'other'>, string[]> = {
  rep: ['rep', 'you', 'me', 'seller', 'salesperson', 'sales rep', 'sdr', 'bdr', 'ae', 'am', 'csm', 'caller', 'agent', 'account executive', 'account manager', 'rep_name', 'your name', 'sales'],
  prospect: ['prospect', 'buyer', 'customer', 'client', 'lead', 'them', 'they', 'gatekeeper', 'receptionist', 'assistant', 'decision maker', 'champion', 'cfo', 'ceo', 'cto', 'vp', 'contact', 'recipient'],
  structural: ['opening', 'opener', 'value', 'value prop', 'pitch', 'ask', 'close', 'bridge', 'reason', 'voicemail', 'script', 'say', 'response', 'rebuttal', 'reply', 'hook', 'intro', 'cta', 'body', 'message', 'p.s', 'ps'],
  guidance: ['note', 'notes', 'tip', 'tips', 'why', 'goal', 'goals', 'trigger', 'timing', 'purpose', 'stat', 'source', 'expected', 'reality', 'context', 'when', 'who', 'objective', 'outcome', 'result', 'example', 'examples', 'rule', 'principle', 'tone', 'length', 'channel', 'step', 'owner', 'if yes', 'if no', 'signal', 'watch for', 'key', 'remember', 'important', 'warning', 'caution', 'insight', 'takeaway', 'what', 'how', 'listen for', 'do'],
  anti: ['bad', "don't", 'dont', 'do not', 'avoid', 'instead of', 'before', 'weak', 'wrong', 'never', 'not this', 'never say', "don't say", 'poor', 'bad example', 'weak version', 'cringe'],
  positive: ['good', 'after', 'instead', 'instead say', 'instead, say', 'try', 'better', 'strong', 'good example', 'say this', 'do this', 'use'],
  subject: ['subject', 'subject line', 'subj', 'email subject', 'email subject line', 'subject line option'],
};

export type { SpeakerConfig };

export interface SpeakerLabel {
  label: string;
  role: SpeakerRole;
  /** Index in the line where the label starts and where the text after `:` starts. */
  labelStart: number;
  textStart: number;
}

// A label: an optional list marker, an optional "[0:00]" time stamp, up to four
// words (letters, digits, spaces, ' & . - _ and {{ }}), then a colon and a space.
const LABEL = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–—]?\s*)?)\[?((?:\{\{\s*)?[\p{L}][\p{L}\p{N} .'&_-]{0,30}?(?:\s*\}\})?)\]?\s*(?:\(([^)]{0,30})\))?\s*:(?:\s+|$)/u;
const PART_LABEL = /^(?:part|step) \d+\b/i;
/** A header the message itself carries ("Flash offer:", "Quick update:", "Reminder:"): the sender's words, not a persona. */
const MESSAGE_HEADER = /(?:^|\s)(?:offer|promo|promotion|deal|sale|update|reminder|news|announcement|alert|heads[- ]?up|fyi|bonus|invitation|invite|save the date|last call|final call)$/i;
const REP_WORD = /\b(?:rep|sdr|bdr|ae|seller|sales)\b/;
/** A message's title by its channel and place in a sequence ("SMS 3:", "Email 2:", "LinkedIn note:", "VM 1:"): the message follows. */
const CHANNEL_TITLE = /^(?:(?:sms|text|txt|e-?mail|vm|voice-?mail|linkedin|inmail|dm|whatsapp|follow[- ]?up|bump|touch) ?(?:#\s?)?(?:\d{1,2}[a-z]?|one|two|three|four|five|six|[a-e])|linkedin (?:message|note|dm|inmail|connection note))$/;

/** The name a speaker label gives its speaker: its first word ("Dev (Kestrel)" → "Dev"). */
export function speakerName(label: string): string {
  return label.trim().split(/\s+/)[0];
}

export function createSpeakerClassifier(extra: SpeakerConfig = {}): (line: string) => SpeakerLabel | undefined {
  const roles = new Map<string, SpeakerRole>();
  for (const [role, labels] of Object.entries(DEFAULT_LABELS)) for (const l of labels) roles.set(l, role as SpeakerRole);
  for (const l of extra.rep ?? []) roles.set(l.toLowerCase(), 'rep');
  for (const l of extra.prospect ?? []) roles.set(l.toLowerCase(), 'prospect');
  for (const l of extra.other ?? []) roles.set(l.toLowerCase(), 'other');

  return (line) => {
    const m = LABEL.exec(line);
    if (!m) return undefined;
    const raw = m[2].trim();
    const key = raw.replace(/^\{\{\s*|\s*\}\}$/g, '').toLowerCase();
    const words = key.split(/\s+/);
    if (words.length > 4) return undefined;
    let role = roles.get(key);
    // A role in brackets after a name says who speaks: "Kieran (Rep):", "Priya (Prospect):".
    const note = m[3]?.trim().toLowerCase();
    if (!role && note) {
      const said = roles.get(note) ?? (REP_WORD.test(note) ? 'rep' : undefined);
      if (said === 'rep' || said === 'prospect') role = said;
    }
    if (!role && (PART_LABEL.test(key) || MESSAGE_HEADER.test(key) || CHANNEL_TITLE.test(key))) role = 'structural';
    // A step's run-in title, then the cue: "Intro. Say:", "Permission — ask:": the cue says whose words follow.
    if (!role && STEP_THEN_CUE.test(key)) role = 'structural';
    if (!role && REP_WORD.test(key)) role = 'rep';
    if (!role) {
      // Persona names are capitalised ("Dana:", "VP Ops:"); lower-case words
      // before a colon are ordinary prose ("the reason is simple: ...").
      if (!/^[\p{Lu}{]/u.test(raw) || words.length > 3) return undefined;
      role = 'other';
    }
    // "Rep: Lauren Ortiz, Coolpath. Prospect: Victor Hale, property manager." names the people, and "Caller: Marcus
    // (AE). Target: practice owner." briefs the call: a field list, not a turn.
    if (role === 'rep' || role === 'prospect') {
      for (const other of line.slice(m[0].length).matchAll(SECOND_LABEL)) {
        const r = roles.get(other[1].toLowerCase());
        if (r === 'rep' || r === 'prospect' || BRIEF_FIELD.test(other[1])) return { label: raw, role: 'guidance', labelStart: m[1].length, textStart: m[0].length };
      }
    }
    return { label: raw, role, labelStart: m[1].length, textStart: m[0].length };
  };
}

/** A step's title, a stop, then the cue to speak: "intro. say", "permission — ask". */
const STEP_THEN_CUE = /^[\p{L}][\p{L} '&-]{0,30}[.—–-]\s*(?:say|ask|script|read)$/u;

/** Fields of a call brief, next to the caller's name: who the call is for, what it is for, how long it runs. */
const BRIEF_FIELD = /^(?:target|goal|objective|aim|purpose|duration|length|persona|audience|context|scenario|setting|stage|channel|outcome|account|company|industry|date|time)$/i;

/** Another speaker's label further along the same line, after the end of a sentence or a field. */
const SECOND_LABEL = /[.;|]\s+(\p{Lu}[\p{L} ]{0,30}?):\s/gu;
