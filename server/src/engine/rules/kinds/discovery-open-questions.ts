/**
 * discovery-open-questions: in each discovery section (a heading tagged
 * `discovery` and the sections under it), questions are list items and rep
 * lines ending in "?". With at least `minQuestions` questions and more
 * than `maxClosedShare` of them closed (do/is/can…), each closed
 * question is reported (info) with open rewrites; leading questions ("don't
 * you think…") are reported (info) anywhere; a bank with fewer than
 * `minBank` or more than `maxBank` questions gets a hint on the
 * heading. Confirmation and permission questions, and yes/no questions about
 * the buying process (signers, approvals, legal, the PO), are neither open nor closed.
 * Option defaults are declared once, in server/rules/discovery-open-questions.yaml.
 */
import { subtree, type PlaybookModel, type SectionNode, type Segment, type Turn } from '../../read/model';
import { buildFixes } from '../../fixes/fix-builder';
import type { RuleKind } from './kind';
import { fill, rangeIn, str } from './units';

const CLOSED = /^(?:do|does|did|is|are|was|were|can|could|will|would|have|has|had|should|shall|may|might|am)\b/i;
const OPEN = /^(?:how|what|why|which|where|when|who|whom|whose|walk me through|help me understand|tell me about|talk me through|describe|can you (?:walk|tell|talk|describe|share|explain)|could you (?:walk|tell|talk|describe|share|explain))\b/i;
const EXEMPT = /^(?:did I (?:get|understand|miss)|would it (?:help|be (?:ok|okay|helpful))|is it (?:ok|okay|alright)|mind if I|do you mind|can I (?:ask|share)|may I|would you be open|does that (?:sound|match))\b/i;
/** The buyer's own questions ("Can I pull dependencies…?") are FAQ material, not discovery. */
/**
 * Facts of the buying process (who signs, whether legal or a committee reviews, how the PO is raised):
 * a short true answer is what the rep needs, so a yes/no question there is qualification, not a closed
 * discovery question. Such questions count as neither, like confirmations.
 */
const PROCESS_FACT = /\b(?:sign(?:er|atory|atories|s? off|-off)|approv\w*|legal|procurement|purchasing|paperwork|PO|purchase order|contract|committee|board|security review|vendor (?:onboarding|registration)|SLAs?|(?:this|next|the) (?:quarter|fiscal year))\b/i;
const BUYER_VOICE = /\b(?:I|I'm|I've|I'd|my|me)\b|^(?!.*\byou).*\b(?:our|we)\b/i;
const FAQ_HEADING = /\b(?:faqs?|frequently asked|(?:customer|buyer|prospect|common|frequent)s?'? questions|questions (?:customers|buyers|prospects|they) ask|they ask)\b/i;
const LEADING = /\b(?:wouldn'?t you (?:agree|say)|don'?t you (?:think|agree|feel)|isn'?t it true|you'?d agree(?: that)?|surely you|wouldn'?t it be (?:great|nice))\b/i;

interface Question {
  turn: Turn;
  a: number;
  b: number;
  text: string;
}

// The rule reads every discovery section on every lint; segments the editor reuses keep their candidates.
const candidates = new WeakMap<Segment, Question[]>();

/** The lines of a segment that read as questions from the rep (before scope and severity, which depend on config). */
function questionsIn(seg: Segment): Question[] {
  let qs = candidates.get(seg);
  if (qs) return qs;
  qs = [];
  for (const t of seg.turns) {
    if (t.role === 'subject') continue;
    if (t.unit.kind !== 'list-item' && t.role !== 'rep' && t.role !== 'structural' && t.unit.kind !== 'table-cell' && t.unit.kind !== 'paragraph') continue;
    let a = t.a;
    let b = t.b;
    const text = t.unit.text;
    while (a < b && /[\s"“*_]/.test(text[a])) a++;
    while (b > a && /[\s"”*_]/.test(text[b - 1])) b--;
    const q = text.slice(a, b);
    if (!q.endsWith('?') || q.includes('\n') || FAQ_HEADING.test(t.unit.section.title ?? '')) continue;
    if (t.role !== 'rep' && t.role !== 'structural' && BUYER_VOICE.test(q) && !EXEMPT.test(q)) continue;
    qs.push({ turn: t, a, b, text: q });
  }
  candidates.set(seg, qs);
  return qs;
}

/** The questions that count as open or closed: confirmations, permissions and yes/no facts of the buying process count as neither. */
function judgedOf(qs: readonly Question[]): Question[] {
  return qs.filter((q) => !EXEMPT.test(q.text) && !(CLOSED.test(q.text) && PROCESS_FACT.test(q.text)));
}

function discoveryRoots(model: PlaybookModel): SectionNode[] {
  return model.sections.filter((s) => s.ownTags.includes('discovery') && !s.anti && !FAQ_HEADING.test(s.title ?? '') && !(s.parent !== null && model.sections[s.parent].tags.includes('discovery')));
}

export const discoveryOpenQuestionsKind: RuleKind<null> = {
  name: 'discovery-open-questions',
  reach: 'document', // a discovery section counts the questions of its subsections too
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const o = ctx.options;
    const messages = (o.messages ?? {}) as Record<string, string>;
    for (const root of discoveryRoots(model)) {
      const lists = subtree(model, root).map((seg) => questionsIn(seg).filter((q) => ctx.inScope(q.turn)));
      const qs = lists.flat();
      if (qs.length === 0) continue;
      for (const q of qs) {
        const m = LEADING.exec(q.text);
        if (!m) continue;
        ctx.report({ ...rangeIn(q.turn, q.a, q.b), severity: 'info', message: fill(str(messages.leading, ctx.rule.message), { match: m[0] }), contexts: q.turn.contexts });
      }
      // A list long enough to stand alone is judged alone (a mostly closed "Phones" list in a mostly open bank);
      // the short lists of a bank are judged together.
      const least = o.minQuestions as number;
      const judgedLists = lists.map(judgedOf);
      const alone = judgedLists.filter((j) => j.length >= least);
      const pooled = judgedLists.filter((j) => j.length < least).flat();
      for (const judged of pooled.length ? [...alone, pooled] : alone) {
        const closed = judged.filter((q) => CLOSED.test(q.text) && !OPEN.test(q.text));
        if (judged.length < least || closed.length / judged.length <= (o.maxClosedShare as number)) continue;
        for (const q of closed) {
          if (LEADING.test(q.text)) continue;
          ctx.report({
            ...rangeIn(q.turn, q.a, q.b),
            message: fill(ctx.rule.message, { closed: closed.length, total: judged.length }),
            fixes: buildFixes(ctx.rule.fixes, { turn: q.turn, a: q.a, b: q.b, placeholderStyle: ctx.placeholderStyle, source: model.text, frontMatter: ctx.model.frontMatter }),
            contexts: q.turn.contexts,
          });
        }
      }
      const min = o.minBank as number;
      const max = o.maxBank as number;
      // One question is not a bank: it is a tip that shows a question, so it gets no size hint.
      if (((qs.length < min && qs.length >= 2) || qs.length > max) && root.headingEnd > root.headingStart) {
        ctx.report({ start: root.headingStart, end: root.headingEnd, severity: 'hint', message: fill(str(messages.count, ctx.rule.message), { count: qs.length, min, max }), metrics: { questions: qs.length }, contexts: qs[0].turn.contexts });
      }
    }
  },
};
