/**
 * question-count: more than `maxEmailQuestions` (3) question marks in an email
 * body, or `stackedQuestions` (3) questions in a row in one rep turn of a call.
 * Discovery lists are not turns of talk (discovery-open-questions handles them).
 */
import { isRepCallTurn } from '../../read/spoken';
import { sentencesIn } from '../../read/words';
import type { RuleKind } from './kind';
import { countQuestions, emailUnits, fill, num, rangeIn, str } from './units';

export const questionCountKind: RuleKind<null> = {
  name: 'question-count',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const max = num(o.maxEmailQuestions, 3);
    for (const e of emailUnits(ctx.model)) {
      if (!e.turns.some((t) => ctx.inScope(t))) continue;
      const n = countQuestions(e.text);
      if (n <= max) continue;
      ctx.report({ start: e.start, end: e.end, message: fill(ctx.rule.message, { questions: n, limit: max }), metrics: { questions: n, limit: max }, contexts: e.contexts });
    }
    const stack = num(o.stackedQuestions, 3);
    for (const t of ctx.model.turns) {
      if (!isRepCallTurn(t) || !ctx.inScope(t) || t.unit.kind === 'list-item' || t.unit.kind === 'table-cell') continue;
      const text = t.unit.text;
      let run: Array<{ a: number; b: number }> = [];
      const flush = () => {
        if (run.length >= stack) {
          const r = rangeIn(t, run[0].a, run[run.length - 1].b);
          ctx.report({ ...r, message: fill(str(o.stackedMessage, ctx.rule.message), { questions: run.length, limit: stack }), metrics: { questions: run.length, limit: stack }, contexts: t.contexts });
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
