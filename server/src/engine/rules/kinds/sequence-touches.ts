/**
 * sequence-touches: checks across the touches of one sequence (see
 * `sequences`), each finding on the later touch's heading and naming the
 * earlier touch (related information):
 * - `repeatedAsk`: the same call to action as an earlier touch;
 * - `repeatedOpener`: the same first line as an earlier touch;
 * - `repeatedValue`: a sentence of the body (the value proposition, a proof
 *   point) said again from an earlier touch;
 * - `reminderOnly`: a follow-up whose every sentence only points back;
 * - `pressure` / `breakup`: guilt or pressure in a later touch (or the break-up) when the first touch had none;
 *   a sentence is a reminder or pressure by this rule's words or the phrase rules' judgement (`makesAnyMove`);
 * - `cadence`: three touches on three different days within `minDaysForThree` (3) days.
 * One finding per touch; the first check that fires wins. A second version of
 * the same numbered touch ("Email 2, rewritten") is compared only with the
 * touches before it, never with its other version.
 */
import type { RelatedLocation } from '../../types';
import type { RuleKind } from './kind';
import { LETS_GO } from '../../read/thread';
import { sequences, touchesBefore, type Touch } from './playbook-reading';
import { makesAnyMove } from './phrase';
import { GREETING_WORD } from '../../read/evidence';
import { fill, num, str } from './units';

const SENTENCES = /[^.!?\n]+[.!?]*/g;
const REMINDER = /\b(?:(?:just )?following up|follow(?:ing)? up on|circl\w+ back|bump\w*|nudg\w* (?:this|it|my)|float\w* (?:this|it)|(?:bring|bringing|move|moving|bubbl\w+) (?:this|it) (?:back )?(?:up )?to the top|did you (?:see|get|have) (?:a chance|my)|in case (?:you missed|it (?:got (?:buried|lost)|slipped))|(?:just )?checking in|touch(?:ing)? base|any (?:updates?|thoughts)|wanted to make sure you (?:saw|got)|resurfac\w+|my (?:last|previous|earlier) (?:e-?mail|note|message)|(?:see|re:?) below|haven'?t heard back)\b/i;
const PRESSURE = /\b(?:haven'?t heard (?:back|from you)|(?:you )?haven'?t (?:replied|responded|gotten back)|no (?:response|reply) (?:yet|from you)|ignor(?:e|ed|ing) (?:my|me|this)|(?:tried|reached out|emailed|called|written) (?:to you |you )?(?:several|multiple|many|a few|a number of|\d+|three|four|five) times|must be (?:really |very )?busy|surprised (?:I|we|that I|that we) haven'?t|disappointed|last chance|final (?:chance|offer|notice|warning)|before it'?s too late|(?:missing|losing) out|falling behind|your competitors (?:are|have|already)|still waiting|I guess (?:you'?re|you are) not|you (?:clearly|obviously) (?:don'?t|aren'?t|have)|too busy to (?:reply|respond))\b/i;
/** The phrase rules whose move makes a sentence pressure, or only a reminder (judged as those rules judge it). */
const PRESSURE_MOVES = ['no-passive-aggressive-reminder', 'no-decision-pressure-follow-up', 'no-false-urgency'];
const REMINDER_MOVES = ['no-empty-check-in', 'no-presence-reminder'];

const isPressure = (s: string) => PRESSURE.test(s) || makesAnyMove(PRESSURE_MOVES, s);
const isReminder = (s: string) => REMINDER.test(s) || makesAnyMove(REMINDER_MOVES, s);
/** A greeting that starts a sentence quoted whole ("Hi Ines, I'd need…"). */
const LEADING_GREETING = new RegExp(String.raw`^${GREETING_WORD}\s+[^,.!?]{1,30},\s*`, 'i');
/** A sentence that only says who is writing ("G'day Sam, Jess again from Sunvale."): it adds nothing, and takes nothing away from a reminder. */
const SENDER_ONLY = new RegExp(String.raw`^(?:${GREETING_WORD}\s+[^,.!?]{1,30},\s*)?(?:it['’]?s |this is )?[\p{L}'’-]+(?: [\p{L}'’-]+)?(?: again| here)?,? (?:from|at|@|with) [^,.!?]{1,40}?(?: again| here)?[.!]*$`, 'iu');

const ASK = /\?|\b(?:worth a|open to|would you|are you free|grab (?:a|some) time|book (?:a|some) time|calendar|let me know|reply (?:with|yes)|15[- ]minute|20[- ]minute|30[- ]minute|quick call|chat)\b/i;
const STOP = new Set(['a', 'an', 'the', 'to', 'of', 'and', 'or', 'for', 'in', 'on', 'at', 'is', 'it', 'be', 'this', 'that', 'you', 'your', 'i', 'we', 'me', 'us', 'my', 'our', 'just', 'so', 'if', 'with']);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/\{\{[^}]*\}\}|\[[^\]]*\]|\{[^}]*\}/g, ' ')
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w))
    .map(stem);
}

/** A light stem so "helps" and "help", "waits" and "waiting" count as one word. */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Share of words in common (Jaccard) of two lines, 0–1. */
export function similarity(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

function sentencesOf(t: Touch): string[] {
  return t.lines.flatMap((l) => l.match(SENTENCES) ?? []).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
}

/** The touch's call to action: its last sentence that asks for something. */
export function askOf(t: Touch): string | undefined {
  return [...sentencesOf(t)].reverse().find((s) => ASK.test(s));
}

function quote(s: string): string {
  const t = s.trim().replace(LEADING_GREETING, '');
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

export const sequenceTouchesKind: RuleKind<null> = {
  name: 'sequence-touches',
  reach: 'document', // touches are sections of their own
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const o = ctx.options;
    const messages = (o.messages ?? {}) as Record<string, string>;
    const minSim = num(o.minSimilarity, 0.8);
    const minWords = num(o.minWords, 4);
    const minDays = num(o.minDaysForThree, 3);
    const valueSim = num(o.minValueSimilarity, 0.6);
    const valueWords = num(o.minValueWords, 6);
    const contexts = new Set(['email', 'follow-up']);
    for (const touches of sequences(model)) {
      touches.forEach((t, i) => {
        const before = touchesBefore(touches, i).filter((e) => e.lines.length > 0);
        if (before.length === 0 || t.lines.length === 0) return;
        const here = t.anchor;
        const report = (key: string, earlier: Touch, fields: Record<string, string | number>, relatedMessage: string) => {
          const there = earlier.anchor;
          const related: RelatedLocation[] = [{ ...there, message: relatedMessage }];
          ctx.report({ ...here, message: fill(str(messages[key], ctx.rule.message), { touch: t.label, earlier: earlier.label, ...fields }), related, contexts });
        };
        const sentences = sentencesOf(t);
        // Guilt or pressure that the first touch did not have.
        const opening = before[0];
        // Noting the silence in the sentence that lets the buyer go ("I haven't heard back, so I'll assume…") is a release, not guilt.
        const pressure = sentences.find((s) => isPressure(s) && !(t.breakup && LETS_GO.test(s.replace(/[’‘]/g, "'"))));
        if (pressure && !sentencesOf(opening).some(isPressure)) return report(t.breakup ? 'breakup' : 'pressure', opening, { match: quote(PRESSURE.exec(pressure)?.[0] ?? pressure) }, `${opening.label}: the first touch, without this pressure`);
        // Only a reminder of an earlier touch.
        const previous = before[before.length - 1];
        if (sentences.length > 0 && sentences.every((s) => words(s).length < 3 || SENDER_ONLY.test(s) || isReminder(s)) && sentences.some(isReminder))
          return report('reminderOnly', previous, {}, `${previous.label}: the touch it points back to`);
        // The same ask or the same opener as an earlier touch.
        const ask = askOf(t);
        if (ask && words(ask).length >= minWords) {
          const same = before.find((e) => {
            const other = askOf(e);
            return other !== undefined && similarity(ask, other) >= minSim;
          });
          if (same) return report('repeatedAsk', same, { ask: quote(ask) }, `${same.label}: the same ask`);
        }
        const opener = sentences[0];
        if (opener && words(opener).length >= minWords && opener !== ask) {
          const same = before.find((e) => {
            const other = sentencesOf(e)[0];
            return other !== undefined && similarity(opener, other) >= minSim;
          });
          if (same) return report('repeatedOpener', same, { opener: quote(opener) }, `${same.label}: the same opening line`);
        }
        // The same value proposition (a body sentence said again).
        for (const s of sentences) {
          if (s === ask || words(s).length < valueWords || REMINDER.test(s)) continue;
          const same = before.find((e) => sentencesOf(e).some((o) => o !== askOf(e) && similarity(s, o) >= valueSim));
          if (same) return report('repeatedValue', same, { value: quote(s) }, `${same.label}: where this was first said`);
        }
        // Three touches on different days within too few days.
        if (before.length >= 2) {
          const a = before[before.length - 2];
          const b = before[before.length - 1];
          if (a.day !== undefined && b.day !== undefined && t.day !== undefined && a.day < b.day && b.day < t.day && t.day - a.day < minDays) {
            report('cadence', a, { days: t.day - a.day + 1, from: a.day, to: t.day }, `${a.label}: the first of the three`);
          }
        }
      });
    }
  },
};
