/**
 * you-focus-ratio: in an email body, a voicemail or a rep turn of at least
 * `minWords` words, self-references (I, we, our…) outnumber references
 * to the buyer (you, your, {{company}}…). Inclusive "we" ("can we", "let's"),
 * "thank you", "see you" and filler "you know" do not count.
 * Options: minWords, minSelf, maxRatio.
 * Option defaults are declared once, in server/rules/you-focus-ratio.yaml.
 */
import { findPlaceholders } from '../../read/words';
import type { RuleKind } from './kind';
import { fill, measuredUnits } from './units';

const SELF = /\b(?:I|I'm|I've|I'd|I'll|me|my|mine|we|we're|we've|we'd|we'll|our|ours|us)\b/gi;
const YOU = /\b(?:you|your|yours|you're|you've|you'd|you'll|yourself)\b/gi;
const INCLUSIVE = /\b(?:(?:can|could|shall|should)\s+we|let\s+us)\b/gi;
const NOT_YOU = /\b(?:thank\s+you|thanks\s+to\s+you|see\s+you|you\s+know)\b/gi;
const BUYER_PLACEHOLDER = /^(?:company|first[ _]?name|name|prospect|their|your|contact|account|title|role|last[ _]?name)/i;

export function pronounCounts(text: string): { self: number; you: number } {
  const fold = text.replace(/[’]/g, "'");
  const count = (re: RegExp) => (fold.match(re) ?? []).length;
  const self = count(SELF) - count(INCLUSIVE);
  let you = count(YOU) - count(NOT_YOU);
  you += findPlaceholders(fold).filter((p) => BUYER_PLACEHOLDER.test(p.name.trim())).length;
  return { self: Math.max(0, self), you: Math.max(0, you) };
}

export const youFocusRatioKind: RuleKind<null> = {
  name: 'you-focus-ratio',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const minWords = o.minWords as number;
    const minSelf = o.minSelf as number;
    const maxRatio = o.maxRatio as number;
    const units = measuredUnits(ctx);
    for (const u of units) {
      if (u.words < minWords) continue;
      const { self, you } = pronounCounts(u.text);
      if (self < minSelf || self / Math.max(you, 1) <= maxRatio) continue;
      ctx.report({ start: u.start, end: u.end, message: fill(ctx.rule.message, { self, you }), metrics: { self, you }, contexts: u.contexts });
    }
  },
};
