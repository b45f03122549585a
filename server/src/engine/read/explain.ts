/**
 * The reading made visible: each piece of text with the voice and channel it
 * was given and the evidence behind them, so a user can see why text was or
 * was not linted and mark it otherwise (`playbook-lint --explain FILE`).
 */
import { lineOf, type PlaybookModel } from './model';
import { startAt } from './model';

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
