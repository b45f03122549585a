/**
 * email-length: words in each email body (subject, greeting and sign-off left
 * out; a placeholder is one word). Budgets depend on the email's place in the
 * sequence, read from its heading path: first touch, follow-up, recap.
 * Options: firstTouchInfo, firstTouchWarn, followUpMin,
 * followUpWarn, recapInfo, otherInfo, otherWarn,
 * tooThinMessage, recapMessage. A bracket the writer fills with prose
 * ("[2 sentences about their pain]") gets a hint: the count can't see it
 * (hiddenLengthMessage).
 * Option defaults are declared once, in server/rules/email-length.yaml.
 */
import type { RuleKind } from './kind';
import { emailsInScope, fill, rangeIn, sectionPath } from './units';
import type { SectionNode } from '../../read/model';
import { deliversSomething } from '../../read/thread';

/** A bracket the writer fills with prose ("[2 sentences about their pain]"): the count can't see that text. */
const HIDDEN_LENGTH = /\[[^\]\n]{0,60}?\b(?:sentences?|paragraphs?|lines?|bullets?|case stud(?:y|ies)|story|stories)\b[^\]\n]{0,60}\]/gi;

/**
 * Something concrete the buyer did not have: a figure, a date, a link or an attachment. A short follow-up
 * that carries one ("Harbour & Co cleared returns in 5 weeks. Worth a look?") is brief, not a bare bump.
 */
/** A reply to something the buyer said ("Thanks, that works.", "Understood, I'll pause here."): short is right. */
const REPLIES = /^\W*(?:thanks|thank you|great to hear|good to hear|glad to hear|understood|noted|no problem|no worries|yes|yep|sure|of course|confirmed|got it|perfect|sounds good|will do|absolutely|makes sense)\b/i;
const CONCRETE = /\d|https?:\/\/|\uFFFC|\b(?:attached|attachment|enclosed|link (?:below|above|here))\b/i;

/** A heading naming a written channel that is not email: a LinkedIn note, an InMail, a text, a DM. */
const NOTE_TITLE = /\b(?:linkedin|inmails?|sms|texts?|dms?|whatsapp)\b/i;
const EMAIL_TITLE = /\be-?mails?\b/i;

/** The nearest heading that names a channel names a note ("Day 3 — LinkedIn"): a short note there is the norm, not a thin bump. */
function isNote(path: readonly SectionNode[]): boolean {
  const nearest = [...path].reverse().map((s) => s.title ?? '').find((t) => NOTE_TITLE.test(t) || EMAIL_TITLE.test(t));
  return nearest !== undefined && !EMAIL_TITLE.test(nearest);
}

/** How a message names the email: "This follow-up email is…", never "This other email". */
const EMAIL_NAME: Record<string, string> = { 'first-touch': 'first-touch email', 'follow-up': 'follow-up email', recap: 'recap email', 'break-up': 'break-up email', other: 'email' };

export const emailLengthKind: RuleKind<null> = {
  name: 'email-length',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    for (const e of emailsInScope(ctx)) {
      if (e.words === 0) continue;
      for (const l of e.lines) {
        const text = l.turn.unit.text;
        HIDDEN_LENGTH.lastIndex = 0;
        for (let m = HIDDEN_LENGTH.exec(text.slice(l.a, l.b)); m; m = HIDDEN_LENGTH.exec(text.slice(l.a, l.b))) {
          const a = l.a + m.index;
          ctx.report({ ...rangeIn(l.turn, a, a + m[0].length), severity: 'hint', message: fill((o.hiddenLengthMessage as string), { words: e.words, placeholder: m[0] }), contexts: e.contexts });
        }
      }
      let severity: 'warning' | 'info' | undefined;
      let limit = 0;
      let message = ctx.rule.message;
      const over = (info: number, warn: number) => {
        if (e.words > warn) [severity, limit] = ['warning', warn];
        else if (e.words > info) [severity, limit] = ['info', info];
      };
      switch (e.stage) {
        case 'first-touch':
          over((o.firstTouchInfo as number), (o.firstTouchWarn as number));
          break;
        case 'follow-up':
          over(Infinity, (o.followUpWarn as number));
          if (!severity && e.words < (o.followUpMin as number) && !CONCRETE.test(e.text) && !deliversSomething(e.text) && !REPLIES.test(e.text) && !isNote(sectionPath(ctx.model, e.turns[0].unit.section))) {
            [severity, limit] = ['info', (o.followUpMin as number)];
            message = o.tooThinMessage as string;
          }
          break;
        case 'recap':
          if (e.words > (o.recapInfo as number)) [severity, limit, message] = ['info', (o.recapInfo as number), (o.recapMessage as string)];
          break;
        case 'break-up':
          over((o.firstTouchInfo as number), (o.followUpWarn as number));
          break;
        default:
          over((o.otherInfo as number), (o.otherWarn as number));
      }
      if (!severity) continue;
      const seconds = Math.round((e.words / 200) * 60);
      ctx.report({
        start: e.start,
        end: e.end,
        severity,
        message: fill(message, { words: e.words, limit, stage: e.stage, email: EMAIL_NAME[e.stage], seconds }),
        metrics: { words: e.words, limit, readSeconds: seconds },
        contexts: e.contexts,
      });
    }
  },
};
