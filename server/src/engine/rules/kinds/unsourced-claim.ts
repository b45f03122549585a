/**
 * unsourced-claim: a number claimed to the buyer in the rep's words ("cut
 * onboarding time by 40%", "3x faster", "saved $2M") with no link or footnote
 * in the same unit → info on the figure. Questions, placeholders ("[X]%")
 * figures without a result word (a price, a date) and figures with a named source in parentheses ("(Gong, 2024)") are not claims; nor is text that claims nothing for the seller or its customers.
 */
import type { Turn } from '../../read/model';
import type { RuleKind } from './kind';
import { isRepVoice, objectionPairs, objectionRoots, turnRange, turnText, unitSource } from './playbook-reading';
import { fill } from './units';
import { sentencesIn } from '../../read/words';

/** A percentage or a multiplier. */
const FIGURE = /(?<![\w.$])(?:\d{1,3}(?:[.,]\d+)?\s?(?:%|per ?cent\b|x\b|×)|\d+(?:\.\d+)?\s?(?:times)\s(?:faster|more|higher|better))/giu;
/** A money amount. */
const MONEY = /(?<![\w.$£€])[$£€]\d[\d,.]*\s?(?:[km]\b|million\b|billion\b|mm\b)?/giu;
/** A result claimed for a percentage: a change, a saving, a comparison, a performance rate ("our fill rate is 97%"). */
const RESULT = /\b(?:cut|cuts|cutting|reduc\w*|increas\w*|boost\w*|sav(?:e|ed|es|ing|ings)|grow\w*|grew|improv\w*|lift\w*|doubl\w*|tripl\w*|faster|quicker|more|less|fewer|higher|lower|longer|shorter|greater|drop\w*|(?:fall(?:s|ing|en)?|fell|shr[iu]nk\w*|shrank) by|halv\w*|decreas\w*|shorten\w*|sped|speed\w*|roi|return|gain\w*|jump\w*|slash\w*|uplift|win rates?|conversion|win(?:s|ning)? back|won back|recover\w*|climb\w*|ris(?:e|es|ing)|rose|soar\w*|(?:fill|success|retention|renewal|response|show|attendance|completion|satisfaction|approval|pass|placement|close|answer|on-time)[- ]rates?|uptime|accuracy|satisfaction|retention)\b/i;
/** A result claimed for a money amount: saved, returned, generated. */
const MONEY_RESULT = /\b(?:sav(?:e|ed|es|ing|ings)|return\w*|roi|generat\w*|recover\w*|add(?:ed|s)? [$£€]|in (?:new )?(?:revenue|pipeline|savings))\b/i;
/** Who the result is claimed for: the seller's company or its customers ("We helped…", "Clients see…", "Acme cut…"). */
const CLAIMANT = /\b(?:we|we've|we're|our|us|clients?|customers?|users|teams like|companies like|[\p{L}-]+ like (?:yours|you))\b/iu;
/** A named customer with its result: "Acme cut…", "when Acme switched…". */
const NAMED_RESULT = /\b(?:[Ww]hen|[Aa]fter) \p{Lu}\w+ (?:switched|moved|started|rolled)\b|\b\p{Lu}\w+ (?:cut|saw|reduced|increased|booked|grew|saved|doubled|tripled)\b/u;
/** A source the buyer can check next to the claim: a link (not a booking or calendar link), a web address ("faultline.dev/customers/loopwise"), a named source in parentheses ("(Gong, 2024)"). */
const EVIDENCE = /\]\((?![^)]*(?:calendly|cal\.com|\/meetings|booking|schedul|calendar))|https?:\/\/(?![^\s)]*(?:calendly|cal\.com|\/meetings|booking|schedul|calendar))|\bwww\.|\b(?!(?:cal|calendly|savvycal)\.com\b)[a-z0-9-]+\.[a-z]{2,}\/(?![^\s)]*(?:calendly|meetings|booking|schedul|calendar))[\w/.-]*[\w/]|\((?:per |via |source: )?\p{Lu}[\w&.-]*(?: \p{Lu}[\w&.-]*){0,3}(?:,? \d{4})?\)/u;
/** A source marked anywhere in the unit: a footnote, a "Source:" line, a pointer to the study. */
const MARKED_SOURCE = /\[\^[^\]]+\]|[¹²³⁴⁵⁶⁷⁸⁹]|\bsource\s*:|\(source\b|\bsee (?:the )?(?:case study|report|study)\b/iu;
/** "If we downgrade to save $20k…" is a trade-off, "we confirmed a 43% reduction" the buyer's own test result. */
const CONDITIONAL_OR_MEASURED = /^\s*(?:\W\s*)?if\b|\b(?:confirmed|validated|measured|observed|documented) (?:a|an|the)\b/i;
/** A quoted line, also after a branch arrow (`→ "…"`) or a step's run-in label (`Proof. "…"`). */
const QUOTED_LINE = /^\s*(?:\p{L}+(?: \p{L}+){0,2}[.:]\s+)?(?:(?:→|->|=>|—|–)\s*)?["“'‘]/u;

/**
 * Clearly the rep's words, not handbook prose under a script heading: a rep
 * or script label, a quote, a fence, a response cell, or a paragraph
 * of an email (the reading layer puts it in one).
 */
function clearlyToBuyer(t: Turn): boolean {
  const kind = t.unit.kind;
  if (t.role === 'rep' || t.role === 'structural' || t.role === 'positive') return true;
  if (kind === 'blockquote' || kind === 'fence' || kind === 'table-cell') return true;
  if (QUOTED_LINE.test(turnText(t))) return true;
  return kind === 'paragraph' && t.channel === 'email';
}
const SENTENCE = /[^.!?\n]+[.!?]*/g;

export const unsourcedClaimKind: RuleKind<null> = {
  name: 'unsourced-claim',
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    // An objection's answer is the rep's words even inside an "If they say "…" → "…"" line.
    const answers = objectionRoots(model).flatMap((root) => objectionPairs(model, root).flatMap((p) => p.response));
    const answerUnits = new Set(answers.map((t) => t.unit));
    const turns = [...model.turns.filter((t) => !answerUnits.has(t.unit) && clearlyToBuyer(t)), ...answers];
    for (const t of turns) {
      if (!isRepVoice(t) || !ctx.inScope(t)) continue;
      const text = turnText(t);
      if (!/\d/.test(text) || (!CLAIMANT.test(text) && !NAMED_RESULT.test(text))) continue;
      if (MARKED_SOURCE.test(unitSource(model, t.unit))) continue;
      let sentences: ReturnType<typeof sentencesIn> | undefined;
      for (const s of text.matchAll(SENTENCE)) {
        const sentence = s[0];
        if (sentence.trim().endsWith('?') || CONDITIONAL_OR_MEASURED.test(sentence)) continue;
        const m = (RESULT.test(sentence) ? new RegExp(FIGURE.source, 'iu').exec(sentence) : null) ?? (MONEY_RESULT.test(sentence) ? new RegExp(MONEY.source, 'iu').exec(sentence) : null);
        if (!m) continue;
        // A link counts as the claim's source in its own sentence or the next one, not a booking link lines below.
        const after = s.index! + sentence.length;
        sentences ??= sentencesIn(text, 0, text.length);
        const near = turnRange(t, t.a + s.index!, t.a + (sentences.find((x) => x.b > after)?.b ?? text.length));
        if (EVIDENCE.test(model.text.slice(near.start, near.end))) continue;
        const a = t.a + s.index! + m.index;
        ctx.report({ ...turnRange(t, a, a + m[0].length), message: fill(ctx.rule.message, { figure: m[0].trim() }), contexts: t.contexts });
        break; // one finding per turn: the fix (a source) is the same
      }
    }
  },
};
