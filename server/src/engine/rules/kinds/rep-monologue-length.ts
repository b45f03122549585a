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
import type { RuleKind } from './kind';
import { fill, monologuesInScope } from './units';

const SELF = /\b(?:I|I'm|I've|we|we're|we've|our|us|my|me)\b/gi;

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
        fixes: buildFixes(ctx.rule.fixes, { turn: last, a: Math.max(last.a, last.b - 1), b: last.b, placeholderStyle: ctx.placeholderStyle, source: ctx.model.text, frontMatter: ctx.model.frontMatter }).filter(() => lastText.length > 0),
        contexts: tags,
      });
    }
  },
};
