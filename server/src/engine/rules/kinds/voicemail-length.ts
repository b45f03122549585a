/**
 * voicemail-length: estimated spoken duration of each voicemail script.
 * Options: wordsPerMinute, infoSeconds, marginSeconds, warnSeconds. A budget
 * in the heading ("(≤ 25 seconds)") replaces both as the one threshold.
 * Option defaults are declared once, in server/rules/voicemail-length.yaml.
 */
import { headingBudget, numbersSaid, spokenSeconds } from '../../read/spoken';
import type { RuleKind } from './kind';
import { fill, voicemailsInScope } from './units';

export const voicemailLengthKind: RuleKind<null> = {
  name: 'voicemail-length',
  compile: () => null,
  check(ctx) {
    const wpm = ctx.options.wordsPerMinute as number;
    const infoSeconds = ctx.options.infoSeconds as number;
    // A few seconds over the target sounds the same, and the estimate is only that: information starts past the margin.
    const marginSeconds = (ctx.options.marginSeconds as number | undefined) ?? 0;
    const warnSeconds = ctx.options.warnSeconds as number;
    for (const script of voicemailsInScope(ctx)) {
      const seconds = spokenSeconds(script.words, script.phoneNumbers, wpm);
      const budget = headingBudget(ctx.model, script.section);
      const limit = budget ?? warnSeconds;
      let severity: 'warning' | 'info' | undefined;
      if (seconds > limit) severity = 'warning';
      else if (budget === undefined && seconds > infoSeconds + marginSeconds) severity = 'info';
      if (!severity) continue;
      // The target the buyer's patience sets (the heading's budget, else infoSeconds); warnSeconds only
      // says how far past it the estimate must be before it is more than the speaking rate's own error.
      const shown = budget ?? infoSeconds;
      ctx.report({
        start: script.start,
        end: script.end,
        severity: severity === 'warning' ? undefined : 'info',
        message: fill(ctx.rule.message, { seconds, limit: shown, words: script.words, wpm, numbers: numbersSaid(script.phoneNumbers) }),
        metrics: { seconds, words: script.words, phoneNumbers: script.phoneNumbers, limit: shown, wpm, ...(budget !== undefined ? { budget } : {}) },
        contexts: script.turns[0].contexts,
      });
    }
  },
};
