/**
 * rep-monologue-length: a rep turn that talks past its budget without asking
 * anything. Budgets in words by section: opener 45 (~18 s), call script 70
 * (~28 s), discovery 150 (~60 s); any turn over `hardMaxWords` (300, ~2 min)
 * is flagged even with a question, and so is a company overview (≥ 8
 * self-references in more than 120 words). Only clearly spoken turns count
 * (labelled, quoted, blockquoted or fenced): unlabelled prose under a "Pitch"
 * heading is usually handbook text about the pitch.
 */
import { buildFixes } from '../../fixes/fix-builder';
import { repMonologues, spokenSeconds } from '../../read/spoken';
import type { RuleKind } from './kind';
import { clearlySpoken, fill } from './units';
import { num } from './voicemail-length';

const SELF = /\b(?:I|I'm|I've|we|we're|we've|our|us|my|me)\b/gi;

export const repMonologueLengthKind: RuleKind<null> = {
  name: 'rep-monologue-length',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const wpm = num(o.wordsPerMinute, 150);
    for (const m of repMonologues(ctx.model)) {
      const first = m.turns[0];
      if (!ctx.inScope(first) || !clearlySpoken(m.turns)) continue;
      const tags = first.contexts;
      const budget = tags.has('opener') ? num(o.openerWords, 45) : tags.has('discovery') ? num(o.discoveryWords, 150) : num(o.callScriptWords, 70);
      const asks = m.text.includes('?');
      const selfRefs = (m.text.match(SELF) ?? []).length;
      const overview = selfRefs >= num(o.overviewSelfReferences, 8) && m.words > num(o.overviewWords, 120);
      const hard = m.words > num(o.hardMaxWords, 300);
      if (!hard && !overview && (asks || m.words <= budget)) continue;
      const seconds = spokenSeconds(m.words, m.phoneNumbers, wpm);
      const last = m.turns[m.turns.length - 1];
      const lastText = last.unit.text;
      let message = ctx.rule.message;
      if (overview) message = String(o.overviewMessage ?? message);
      ctx.report({
        start: m.start,
        end: m.end,
        message: fill(message, { seconds, words: m.words, limit: budget, limitSeconds: Math.round((budget / wpm) * 60) }),
        metrics: { words: m.words, seconds, limit: budget, selfReferences: selfRefs },
        fixes: buildFixes(ctx.rule.fixes, { turn: last, a: Math.max(last.a, last.b - 1), b: last.b, placeholderStyle: ctx.placeholderStyle, source: ctx.model.text }).filter(() => lastText.length > 0),
        contexts: tags,
      });
    }
  },
};
