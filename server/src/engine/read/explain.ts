/**
 * The reading made visible: each piece of text with the voice and channel it
 * was given and the evidence behind them, so a user can see why text was or
 * was not linted and mark it otherwise (`playbook-lint --explain FILE`).
 */
import { endAt, lineOf, startAt, type PlaybookModel, type Turn } from './model';

export interface ReadingLine {
  /** 0-based line of the turn's first character. */
  line: number;
  /** The first words of the turn. */
  excerpt: string;
  voice: 'rep' | 'buyer' | 'guidance';
  channel: string;
  /** The heading path the text sits under, or '' at the top of the file. */
  section: string;
  /** Cues with their weights, strongest first: "+3 opens with a greeting". */
  evidence: string[];
  linted: boolean;
}

export function explainReading(model: PlaybookModel): ReadingLine[] {
  const out: ReadingLine[] = [];
  for (const t of model.turns) {
    const text = t.unit.text.slice(t.a, t.b).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const at = startAt(t.unit, t.a) ?? t.unit.start;
    out.push({
      line: lineOf(model.lineStarts, at),
      excerpt: text.length > 60 ? `${text.slice(0, 57)}…` : text,
      voice: t.voice,
      channel: t.channel,
      section: t.unit.section.title ?? '',
      evidence: [...t.evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).map((c) => `${weightText(c.weight)} ${c.cue}`),
      linted: t.speech,
    });
  }
  return out;
}

const CHANNEL_NAMES: Record<string, string> = { email: 'an email', subject: 'a subject line', voicemail: 'a voicemail', call: 'words said on a call', message: 'a message' };

/**
 * Where a finding sits, in a user's words: "In the email under “Email 2 —
 * Day 3”, read as your words to the buyer (opens with a greeting; inside an
 * email)". The hover shows it so a user can see why the text was checked.
 */
export function describeReading(turn: Turn): string {
  const channel = CHANNEL_NAMES[turn.channel] ?? 'text';
  const title = turn.unit.section.title;
  const why = turn.evidence
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 2)
    .map((c) => c.cue);
  return `Read as ${channel}${title ? ` under “${title}”` : ''}, your words to the buyer${why.length ? ` (${why.join('; ')})` : ''}.`;
}

/** The turn holding `offset` among turns in document order, by binary search. */
/** Where a turn starts in the document; an empty turn at the end of its unit ("Rep:" with nothing after) starts where the unit ends. */
export function turnStart(t: Turn): number {
  return startAt(t.unit, t.a) ?? (t.a > 0 ? endAt(t.unit, t.a - 1) : t.unit.start);
}

export function turnAt(turns: readonly Turn[], offset: number): Turn | undefined {
  let lo = 0;
  let hi = turns.length - 1;
  let found: Turn | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = turns[mid];
    if (turnStart(t) <= offset) {
      found = t;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function weightText(w: number): string {
  if (w === Infinity) return 'marked';
  if (w === -Infinity) return 'marked';
  return `${w > 0 ? '+' : ''}${w}`;
}

/**
 * Said when nothing in a document reads as words to a buyer, so that a score
 * of 100 never means "nothing was read".
 */
export const NOTHING_READ =
  'Nothing in this file reads as words to a buyer, so nothing was checked. If it holds scripts or emails, say so: add `type: call-script` (or email-sequence, voicemail) to its front matter, put `<!-- section: email -->` above a template, or give it a heading such as “Follow-up email”.';
