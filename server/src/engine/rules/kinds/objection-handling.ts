/**
 * objection-handling: every objection → response pair under an objection
 * section (see `objectionPairs`) whose response is the rep's words is judged:
 * a discount or a price cut → finding; arguing ("Actually, that's not true")
 * → finding; neither acknowledging nor asking a question → finding;
 * acknowledging without asking anything → finding (the coach's shape is
 * acknowledge, then ask). One
 * finding per response, on the response. Each objection section shows which
 * of the common objections (option `objections`: name → words) it answers,
 * as a code lens and hover on its heading.
 */
import type { RuleKind } from './kind';
import { objectionPairs, objectionRoots, sectionAnchor, turnRange, turnText } from './playbook-reading';
import { countQuestions, fill, str } from './units';

const DISCOUNT = /\b(?:discount\w*|match (?:their|the|that|your|any) (?:price|quote|rate|offer)|at no (?:extra )?(?:charge|cost)|free of charge|\d{1,2} ?(?:%|percent) off|(?:lower|drop|cut|reduce|knock)\w* (?:the |our |my )?(?:price|rate|quote)|knock \w+ off|price[- ]match|(?:extra|free) (?:month|months|seats?|licen[cs]es?)|throw (?:in|it in)|waive (?:the )?\w+ fee|special (?:price|pricing|deal))\b/i;
const ARGUE = /^\W*(?:actually|no,|but\b|well,? actually|(?:that|this)(?:'s| is) (?:not (?:true|right|correct|how)|wrong|incorrect)|you'?re wrong|I disagree|with (?:all )?due respect|you (?:need|have) to understand|you don'?t understand|trust me)|\b(?:you'?re (?:wrong|mistaken)|that'?s (?:simply )?not true|you don'?t understand|you'?re missing)\b/i;
const ACKNOWLEDGE = /^\W*(?:yes|yeah|true|it does|they are|they do|it is|you'?re right|that'?s (?:true|right))\b|\b(?:understand\w*|understood|fair|makes sense|that'?s reasonable|I hear (?:you|that)|totally|absolutely|of course|good (?:question|point)|great (?:question|point)|appreciate|thanks for (?:telling|sharing|being)|I get (?:it|that)|agree\w*|you'?re right|most (?:teams|people|customers|of our customers)|many (?:teams|people|customers)|you'?re not alone|happy to|no problem|that'?s common|sure\b|got it|glad you)\b/i;

export const DEFAULT_OBJECTIONS: Readonly<Record<string, readonly string[]>> = {
  price: ['price', 'pricing', 'expensive', 'cost', 'budget', 'afford', 'too much', 'cheaper'],
  timing: ['timing', 'not now', 'right now', 'later', 'next quarter', 'next year', 'busy', 'bad time', 'not a priority', 'not the right time', 'call me back'],
  competitor: ['competitor', 'already use', 'already have', 'already work', 'vendor', 'current provider', 'using another', 'happy with our', 'in-house', 'build it ourselves'],
  'no need': ["don't need", 'do not need', 'no need', 'not interested', "we're fine", 'we are fine', "we're good", 'not a problem', "doesn't apply", 'no pain'],
  authority: ['decision', 'my boss', 'my manager', 'not my call', 'check with', 'sign off', 'sign-off', 'approve', 'approval', 'procurement', 'committee', 'leadership'],
  'send me info': ['send me', 'send over', 'send some', 'email me', 'information', 'brochure', 'deck', 'materials'],
};

/** The common objections an objection text names. */
export function objectionCategories(text: string, lists: Readonly<Record<string, readonly string[]>>): string[] {
  const t = ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ')} `;
  return Object.entries(lists)
    .filter(([, words]) => words.some((w) => wordPattern(w).test(t)))
    .map(([name]) => name);
}

/** Compiled once per word: the rule runs on every keystroke, over every objection of the document. */
const WORD_PATTERNS = new Map<string, RegExp>();

function wordPattern(word: string): RegExp {
  let re = WORD_PATTERNS.get(word);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}])${escapeRegExp(word.toLowerCase())}`, 'u');
    WORD_PATTERNS.set(word, re);
  }
  return re;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function objectionLists(value: unknown): Record<string, readonly string[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ...DEFAULT_OBJECTIONS };
  const out: Record<string, readonly string[]> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const words = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
    if (words.length) out[k] = words;
  }
  return out;
}

/**
 * What is wrong with a response, most serious first; undefined when it
 * acknowledges or asks. `verbatim`: the response is the rep's exact words (a
 * quote, a rep label), so a flat answer can be told from coaching notes.
 */
export function judgeResponse(text: string, verbatim: boolean): 'discount' | 'argue' | 'flat' | 'noQuestion' | undefined {
  if (DISCOUNT.test(text)) return 'discount';
  if (ARGUE.test(text)) return 'argue';
  if (!verbatim || countQuestions(text) > 0 || INVITES_TO_TELL.test(text)) return undefined;
  return ACKNOWLEDGE.test(text) ? 'noQuestion' : 'flat';
}

/** A question asked without a question mark: "Tell me more about…", "Walk me through…", "I'm curious what…". */
const INVITES_TO_TELL = /\b(?:tell me (?:more|about|what|how|why|a (?:bit|little))|walk me through|talk me through|help me understand|(?:I'm|I am) curious (?:about|what|how|why|whether)|curious (?:what|how|why))\b/i;

const VERBATIM = /^\s*["“]/;

/**
 * A response written as the words themselves, without quotes: the rep ("I", "we", "our") speaking to the buyer
 * ("you"), not a note to the rep on how to answer ("Acknowledge the cut, then ask…", "You should remind them…",
 * "the prospect…") nor a list of talking points.
 */
function saysItToTheBuyer(text: string): boolean {
  return /\b(?:you|your)\b/i.test(text) && /\b(?:I|I'm|I'll|I've|I'd|we|we're|we've|we'll|we'd|our|us)\b/.test(text) && !/<br\s*\/?>|^\s*[-*•]\s/i.test(text) && !COACHING_NOTE.test(text);
}
const COACHING_NOTE = /^\W*(?:you (?:should|need to|want to|must|might want to|could try)\b|acknowledge|ask|explain|offer|mention|remind|share|point|emphasi[sz]e|highlight|show|clarify|reframe|probe|confirm|tell|let|don'?t|do not|never|avoid|try|use|lead|position|agree|validate|empathi[sz]e|pivot|redirect|dig|find out|get|send|follow|book)\b|\b(?:the|their|your) (?:buyer|prospect|customer|client)s?\b|\b(?:them|they'll|they're)\b/i;
/** A column that holds the words themselves ("What to say", "You say"), not notes on how to answer ("Response" may be either). */
const SAY_COLUMN = /\b(?:what to say|(?:you|rep) says?|say this|say|script|talk track|wording|exact words|word for word)\b/i;

const label = (names: string[]) => (names.length ? names.join(', ') : 'none');

export const objectionHandlingKind: RuleKind<null> = {
  name: 'objection-handling',
  reach: 'document', // an objection section's pairs sit in its subsections
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const messages = (ctx.options.messages ?? {}) as Record<string, string>;
    const lists = objectionLists(ctx.options.objections);
    for (const root of objectionRoots(model)) {
      const pairs = objectionPairs(model, root);
      if (pairs.length === 0) continue;
      for (const p of pairs) {
        const t = p.response[0];
        // A buyer's question ("Does it integrate with X?") wants an answer, not objection handling.
        if (!t || !ctx.inScope(t) || p.objection.trim().replace(/["”*_]+$/, '').endsWith('?')) continue;
        const text = p.response.map(turnText).join('\n');
        const verbatim = t.role === 'rep' || t.role === 'structural' || t.unit.kind === 'blockquote' || t.unit.kind === 'fence' || VERBATIM.test(text) || SAY_COLUMN.test(t.unit.table?.header ?? '') || saysItToTheBuyer(text);
        const verdict = judgeResponse(text, verbatim);
        if (!verdict) continue;
        const last = p.response[p.response.length - 1];
        const range = { start: turnRange(t).start, end: turnRange(last).end };
        const objection = p.objection.trim().replace(/^["“]|["”]$/g, '');
        ctx.report({ ...range, message: fill(str(messages[verdict], ctx.rule.message), { objection: objection.length > 60 ? `${objection.slice(0, 57)}…` : objection }), contexts: t.contexts });
      }
      const covered = new Set(pairs.flatMap((p) => objectionCategories(p.objection, lists)));
      const names = Object.keys(lists);
      const yes = names.filter((n) => covered.has(n));
      const no = names.filter((n) => !covered.has(n));
      const anchor = sectionAnchor(model, root);
      ctx.annotate({
        ...anchor,
        title: `Objections answered: ${label(yes)} · not yet: ${label(no)}`,
        detail: [
          `**Common objections this section answers** (${yes.length} of ${names.length}, from ${pairs.length} objection${pairs.length === 1 ? '' : 's'})`,
          ...names.map((n) => `- ${covered.has(n) ? '✓' : '✗'} ${n}`),
          '',
          'Teams choose the list in the `objections` option of `objection-handling`.',
        ].join('\n'),
        metrics: { objections: pairs.length, covered: yes.length, common: names.length },
      });
    }
  },
};
