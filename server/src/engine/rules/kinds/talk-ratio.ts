/**
 * talk-ratio: in each call script written as dialogue (see `callDialogues`:
 * the turns the reading layer gives to the rep on a call and to the buyer),
 * the rep's and the buyer's share of the words and their questions, shown on
 * the section (code lens and hover). A script whose sections carry one of
 * `judgeTags` (discovery) and whose rep has more than `maxRepShare` (0.6) of
 * at least `minWords` (60) words gets one finding on its heading.
 */
import { countWords } from '../../read/words';
import type { RuleKind } from './kind';
import { callDialogues, isConversation, sectionAnchor, turnText, type Dialogue } from './playbook-reading';
import { countQuestions, fill, num, str } from './units';

export interface TalkFigures {
  repWords: number;
  buyerWords: number;
  /** Rep share of the words, 0–100, rounded. */
  repShare: number;
  repQuestions: number;
  buyerQuestions: number;
}

export function talkFigures(d: Dialogue): TalkFigures {
  const words = (ts: Dialogue['rep']) => ts.reduce((n, t) => n + countWords(turnText(t)), 0);
  const questions = (ts: Dialogue['rep']) => ts.reduce((n, t) => n + countQuestions(turnText(t)), 0);
  const repWords = words(d.rep);
  const buyerWords = words(d.buyer);
  const total = repWords + buyerWords;
  return { repWords, buyerWords, repShare: total ? Math.round((repWords * 100) / total) : 0, repQuestions: questions(d.rep), buyerQuestions: questions(d.buyer) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const talkRatioKind: RuleKind<null> = {
  name: 'talk-ratio',
  reach: 'document', // a script's turns sit in its subsections
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const o = ctx.options;
    const maxShare = num(o.maxRepShare, 0.6);
    const minWords = num(o.minWords, 60);
    const minTurns = num(o.minTurns, 2);
    const judgeTags = Array.isArray(o.judgeTags) ? (o.judgeTags as string[]) : ['discovery'];
    const docType = model.frontMatter.type ?? '';
    for (const d of callDialogues(model)) {
      if (d.rep.length < minTurns || !isConversation(d) || !d.rep.some((t) => ctx.inScope(t))) continue;
      const f = talkFigures(d);
      const anchor = sectionAnchor(model, d.section);
      const title = `Talk ratio: rep ${f.repShare} % · buyer ${100 - f.repShare} % of words · rep asks ${plural(f.repQuestions, 'question')}, buyer ${f.buyerQuestions}`;
      const detail = [
        `**Talk ratio of this script** (from its speaker turns)`,
        `- Rep: ${plural(f.repWords, 'word')} in ${plural(d.rep.length, 'turn')} (${f.repShare} %), ${plural(f.repQuestions, 'question')}`,
        `- Buyer: ${plural(f.buyerWords, 'word')} in ${plural(d.buyer.length, 'turn')} (${100 - f.repShare} %), ${plural(f.buyerQuestions, 'question')}`,
        ``,
        `In Gong's study of 25,537 B2B calls the best-converting calls had the rep talking about 43 % of the time; this rule reports discovery scripts above ${Math.round(maxShare * 100)} %.`,
      ].join('\n');
      const metrics = { repShare: f.repShare, repWords: f.repWords, buyerWords: f.buyerWords, repQuestions: f.repQuestions, buyerQuestions: f.buyerQuestions };
      ctx.annotate({ ...anchor, title, detail, metrics });
      const fileTags = d.section.depth === 0 ? model.reading.named?.tags ?? [] : [];
      const judged = judgeTags.some((t) => d.section.tags.includes(t) || fileTags.includes(t) || (d.section.depth === 0 && docType === `${t}-guide`));
      if (!judged || f.repWords + f.buyerWords < minWords || f.repShare <= maxShare * 100) continue;
      ctx.report({
        ...anchor,
        message: fill(str(undefined, ctx.rule.message), { share: f.repShare, rep: f.repWords, total: f.repWords + f.buyerWords, max: Math.round(maxShare * 100) }),
        metrics: { ...metrics, limit: Math.round(maxShare * 100) },
        contexts: d.rep[0].contexts,
      });
    }
  },
};
