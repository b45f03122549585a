/**
 * voicemail-length: estimated spoken duration of each voicemail script.
 * Options: wordsPerMinute (150), infoSeconds (20), warnSeconds (30). A budget
 * in the heading ("(≤ 25 seconds)") replaces both as the one threshold.
 */
import { headingBudget, spokenSeconds, voicemailScripts } from '../../read/spoken';
import type { RuleKind } from './kind';
import { fill } from './units';

export const voicemailLengthKind: RuleKind<null> = {
  name: 'voicemail-length',
  compile: () => null,
  check(ctx) {
    const wpm = num(ctx.options.wordsPerMinute, 150);
    const infoSeconds = num(ctx.options.infoSeconds, 20);
    const warnSeconds = num(ctx.options.warnSeconds, 30);
    for (const script of voicemailScripts(ctx.model)) {
      if (!script.turns.some((t) => ctx.inScope(t))) continue;
      const seconds = spokenSeconds(script.words, script.phoneNumbers, wpm);
      const budget = headingBudget(ctx.model, script.section);
      const limit = budget ?? warnSeconds;
      let severity: 'warning' | 'info' | undefined;
      if (seconds > limit) severity = 'warning';
      else if (budget === undefined && seconds > infoSeconds) severity = 'info';
      if (!severity) continue;
      const shown = severity === 'info' ? infoSeconds : limit;
      ctx.report({
        start: script.start,
        end: script.end,
        severity: severity === 'warning' ? undefined : 'info',
        message: fill(ctx.rule.message, { seconds, limit: shown, words: script.words, wpm }),
        metrics: { seconds, words: script.words, limit: shown, ...(budget !== undefined ? { budget } : {}) },
        contexts: script.turns[0].contexts,
      });
    }
  },
};

export function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
