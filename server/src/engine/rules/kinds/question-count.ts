/**
 * question-count: more than `maxEmailQuestions` question marks in an email
 * body, or `stackedQuestions` questions in a row in one rep turn of a call.
 * Discovery lists are not turns of talk (discovery-open-questions handles them).
 * Option defaults are declared once, in server/rules/question-count.yaml.
 */
import { isRepCallTurn } from '../../read/spoken';
import { sentencesIn } from '../../read/words';
import type { RuleKind } from './kind';
import { countQuestions, emailsInScope, fill, rangeIn } from './units';

export const questionCountKind: RuleKind<null> = {
  name: 'question-count',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const max = o.maxEmailQuestions as number;
    for (const e of emailsInScope(ctx)) {
      const n = countQuestions(e.text);
      if (n <= max) continue;
      ctx.report({ start: e.start, end: e.end, message: fill(ctx.rule.message, { questions: n, limit: max }), metrics: { questions: n, limit: max }, contexts: e.contexts });
    }
    const stack = o.stackedQuestions as number;
    for (const t of ctx.model.turns) {
      if (!isRepCallTurn(t) || !ctx.inScope(t) || t.unit.kind === 'list-item' || t.unit.kind === 'table-cell') continue;
      const text = t.unit.text;
      let run: Array<{ a: number; b: number }> = [];
      const flush = () => {
        if (run.length >= stack) {
          const r = rangeIn(t, run[0].a, run[run.length - 1].b);
          ctx.report({ ...r, message: fill((o.stackedMessage as string), { questions: run.length, limit: stack }), metrics: { questions: run.length, limit: stack }, contexts: t.contexts });
        }
        run = [];
      };
      for (const s of sentencesIn(text, t.a, t.b)) {
        if (/\?["')\]]*$/.test(text.slice(s.a, s.b))) run.push(s);
        else flush();
      }
      flush();
    }
  },
};
