/**
 * readability: Flesch–Kincaid grade of an email body, a voicemail or a rep
 * turn of at least `minWords` words, with placeholders read as a short
 * neutral name; and any sentence longer than `maxSentenceWords` in a
 * message reported for its grade. The
 * message names the drivers (longest sentence, longest words), because the
 * formula alone is a weak guide on short texts.
 * Options: maxGrade, margin, spokenMargin, minWords, maxSentenceWords, sentenceMessage.
 * Option defaults are declared once, in server/rules/readability.yaml.
 */
import { countWords, maskPlaceholders, sentencesIn } from '../../read/words';
import { startAt, endAt, type Turn } from '../../read/model';
import type { RuleKind } from './kind';
import { emailsInScope, fill, measuredUnits, num } from './units';
import { listOf } from '../plural';

const WORD = /[\p{L}]+(?:['’][\p{L}]+)*/gu;
/** A web or email address ("centralohiopower.com/rebates", "dana@acme.co") is read as one short word, not as hard words. */
const ADDRESS = /(?:https?:\/\/|\bwww\.)[^\s<>()]*[^\s<>().,;:!?'"]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,}\/[^\s<>()]*[^\s<>().,;:!?'"]|(?:com|org|net|io|co|dev|ai|app)\b)/gi;

/** Syllables in an English word, by vowel groups with the usual corrections (silent e, -es, -ed; -le keeps its e). */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/['’]/g, '');
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 1);
}

export interface Readability {
  grade: number;
  words: number;
  sentences: number;
  longestSentence: number;
  longWords: string[];
}

export function readabilityOf(text: string): Readability {
  const plain = maskPlaceholders(text).replace(/\uFFFC+/g, 'Dana').replace(ADDRESS, 'link');
  const spans = sentencesIn(plain, 0, plain.length);
  let words = 0;
  let syl = 0;
  let longestSentence = 0;
  const all: string[] = [];
  for (const s of spans) {
    const ws = plain.slice(s.a, s.b).match(WORD) ?? [];
    words += ws.length;
    longestSentence = Math.max(longestSentence, ws.length);
    for (const w of ws) {
      syl += syllables(w);
      all.push(w);
    }
  }
  const sentences = Math.max(1, spans.filter((s) => (plain.slice(s.a, s.b).match(WORD) ?? []).length > 0).length);
  const grade = words === 0 ? 0 : Math.round((0.39 * (words / sentences) + 11.8 * (syl / words) - 15.59) * 10) / 10;
  const longWords = [...new Set(all.filter((w) => syllables(w) >= 3).sort((x, y) => syllables(y) - syllables(x) || y.length - x.length))].slice(0, 3);
  return { grade, words, sentences, longestSentence, longWords };
}

export const readabilityKind: RuleKind<null> = {
  name: 'readability',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const maxGrade = o.maxGrade as number;
    // Grade formulas are rough on a text of a hundred words: speak only past that error.
    const margin = num(o.margin, 0);
    const minWords = o.minWords as number;
    const maxSentence = o.maxSentenceWords as number;
    // A voicemail or a call turn is heard, not read: the formula was made for reading, so spoken
    // words are reported only past a wider margin (`spokenMargin`).
    const spokenMargin = num(o.spokenMargin, margin);
    const emails = new Set<object>(emailsInScope(ctx).map((e) => e.turns[0]));
    const units = measuredUnits(ctx);
    // A long sentence in a message that otherwise reads plainly is no burden
    // on the buyer, and on a short or borderline message the grade is within the
    // formula's own error: sentences are pointed out only in messages reported here.
    const hard: typeof units = [];
    for (const u of units) {
      if (u.words < minWords) continue;
      const r = readabilityOf(u.text);
      if (r.grade > maxGrade + (emails.has(u.turns[0]) ? margin : spokenMargin)) {
        hard.push(u);
        ctx.report({
          start: u.start,
          end: u.end,
          // A whole school grade, rounded up: 8.3 is past grade 8, so it reads "grade 9; aim for 8 or lower".
          message: fill(ctx.rule.message, {
            grade: Math.ceil(r.grade),
            limit: maxGrade,
            longest: r.longestSentence,
            longWords: r.longWords.length ? listOf(r.longWords.map((w) => `“${w}”`)) : 'none',
            examples: r.longWords.length ? ` such as ${listOf(r.longWords.map((w) => `“${w}”`))}` : '',
          }),
          metrics: { grade: r.grade, limit: maxGrade, words: r.words, sentences: r.sentences, longestSentence: r.longestSentence },
          contexts: u.contexts,
        });
      }
    }
    // Long sentences, located exactly, in the emails, voicemails and rep turns measured above.
    const seen = new Set<Turn>();
    for (const t of hard.flatMap((u) => u.turns)) {
      if (seen.has(t) || !ctx.inScope(t) || t.role === 'subject') continue;
      seen.add(t);
      const text = t.unit.text;
      for (const s of sentencesIn(text, t.a, t.b)) {
        const n = countWords(text.slice(s.a, s.b));
        if (n <= maxSentence) continue;
        ctx.report({
          start: startAt(t.unit, s.a),
          end: endAt(t.unit, s.b - 1),
          // A pointer inside a message already reported, not a finding of its own.
          severity: 'hint',
          message: fill((o.sentenceMessage as string), { words: n, limit: maxSentence }),
          metrics: { words: n, limit: maxSentence },
          contexts: t.contexts,
        });
      }
    }
  },
};
