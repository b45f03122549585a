/**
 * rep-monologue-length: a rep turn that talks past its budget without asking
 * anything. Budgets in words by section (`openerWords`, `callScriptWords`,
 * `discoveryWords`); any turn over `hardMaxWords` is flagged even with a
 * question, and so is a company overview (at least `overviewSelfReferences`
 * self-references in more than `overviewWords` words). Option defaults are
 * declared once, in server/rules/rep-monologue-length.yaml. Only clearly spoken turns count
 * (labelled, quoted, blockquoted or fenced): unlabelled prose under a "Pitch"
 * heading is usually handbook text about the pitch.
 */
import { buildFixes } from '../../fixes/fix-builder';
import { spokenSeconds } from '../../read/spoken';
import type { RuleContext, RuleKind } from './kind';
import { endAt, type Turn } from '../../read/model';
import { countWords, sentencesIn } from '../../read/words';
import { plural } from '../plural';
import type { Fix } from '../../types';
import { fill, monologuesInScope } from './units';

/** Words to leave for the question a cut turn ends on. */
const QUESTION_ROOM = 10;

const SELF = /\b(?:I|I'm|I've|we|we're|we've|our|us|my|me)\b/gi;

/**
 * The fixes: end the turn with a question. A company overview or an
 * over-long turn is also cut: its first sentences within the budget are
 * kept and the rest becomes the question ("Cut to the first 38 words, then
 * ask how it compares"); when its first sentence alone is over the budget,
 * no fix is offered.
 */
function handOver(ctx: RuleContext, turns: readonly Turn[], budget: number, cut: boolean): Fix[] {
  const last = turns[turns.length - 1];
  const site = { turn: last, a: Math.max(last.a, last.b - 1), b: last.b, placeholderStyle: ctx.placeholderStyle, source: ctx.model.text, frontMatter: ctx.model.frontMatter };
  if (!cut) return buildFixes(ctx.rule.fixes, site);
  let kept = 0;
  let cutFrom: number | undefined;
  done: for (const t of turns) {
    for (const s of sentencesIn(t.unit.text, t.a, t.b)) {
      const n = countWords(t.unit.text.slice(s.a, s.b));
      if (cutFrom !== undefined && kept + n > budget) break done;
      kept += n;
      cutFrom = endAt(t.unit, s.b - 1);
    }
  }
  // Without a clean place to cut (a first sentence already over the budget), a question at the end would leave the turn as long: no fix.
  const cutFixes = cutFrom === undefined || kept > budget ? [] : buildFixes(ctx.rule.fixes, { ...site, cutFrom });
  return cutFixes.map((f) => ({ ...f, title: `Cut to the first ${plural(kept, 'word')}, then ${f.title.replace(/^Hand over: /, '')}` }));
}

export const repMonologueLengthKind: RuleKind<null> = {
  name: 'rep-monologue-length',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const wpm = o.wordsPerMinute as number;
    for (const m of monologuesInScope(ctx)) {
      const first = m.turns[0];
      const tags = first.contexts;
      const budget = tags.has('opener') ? (o.openerWords as number) : tags.has('discovery') ? (o.discoveryWords as number) : (o.callScriptWords as number);
      const asks = m.text.includes('?');
      const selfRefs = (m.text.match(SELF) ?? []).length;
      const overview = selfRefs >= (o.overviewSelfReferences as number) && m.words > (o.overviewWords as number);
      const hard = m.words > (o.hardMaxWords as number);
      const aboutUs = selfRefs >= (o.overviewSelfReferences as number) && m.words + QUESTION_ROOM > (o.overviewWords as number);
      if (!hard && !overview && (asks || m.words <= budget)) continue;
      const seconds = spokenSeconds(m.words, m.phoneNumbers, wpm);
      const last = m.turns[m.turns.length - 1];
      const lastText = last.unit.text;
      let message = ctx.rule.message;
      if (overview) message = o.overviewMessage as string;
      ctx.report({
        start: m.start,
        end: m.end,
        message: fill(message, { seconds, words: m.words, limit: budget, limitSeconds: Math.round((budget / wpm) * 60) }),
        metrics: { words: m.words, seconds, wpm, limit: budget, selfReferences: selfRefs },
        // A cut overview must come out under the overview length too, with room for the question it ends on; so must
        // a turn about the sender that the question alone would carry over that length.
        fixes: lastText.length > 0 ? handOver(ctx, m.turns, aboutUs ? Math.min(budget, (o.overviewWords as number) - QUESTION_ROOM) : budget, aboutUs || hard) : [],
        contexts: tags,
      });
    }
  },
};
