/**
 * voicemail-essentials: what every voicemail script needs — the caller's name,
 * a reason, and a callback number said twice. Sub-checks with their own
 * severity: no reason (warning), a vague tease instead of a reason (warning),
 * no callback number (warning; info when the message points to an email),
 * no name (info), number said once (hint). Texts in a voicemail section that
 * don't read as a message (no greeting, placeholder, name or quote) are
 * guidance, not scripts, and are skipped. Options: minWords, messages.
 * Option defaults are declared once, in server/rules/voicemail-essentials.yaml.
 */
import { isReasonLabel, pointsToEmail, statesReason } from '../../read/call-reason';
import { countPhoneNumbers } from '../../read/phone-numbers';
import { GREETING_WORD } from '../../read/evidence';
import type { Severity } from '../../types';
import type { RuleKind } from './kind';
import { fill, insertFixes, str, voicemailsInScope } from './units';

const NAME = /\b(?:this is|it's|it is|my name is|i'm|i am)\s+(?:\p{Lu}[\p{L}'-]+|\{|\[|\*\|)|\{\{\s*(?:rep|your|my|sender|caller)[\w.]*\s*\}\}|\[(?:your|rep|my)[ _]?name\]|\{(?:rep|your|my|sender)[\w.]*\}/iu;
/** "Dana from Northwind here", "Tom Reyes at Acme", "Hi Dale, Tyler Reyes, FieldPulse, …": a name and a company (case matters here). */
const NAME_AND_COMPANY = /\b\p{Lu}[\p{Ll}'-]+(?: \p{Lu}[\p{Ll}'-]+)?(?: again)? (?:from|at|with) (?:\p{Lu}|\{|\[)|\b\p{Lu}[\p{Ll}'-]+ here\b|^\W*(?:[Hh]i|[Hh]ey|[Hh]ello|[Mm]orning|[Gg]ood \p{Ll}+)\b[^,.!?\n]{0,25}[,.!—–-]\s*\p{Lu}[\p{Ll}'-]+(?: \p{Lu}[\p{Ll}'-]+)?\s*[,—–-]\s*(?:\p{Lu}|\{|\[)/u;
/**
 * The buyer's own matter, named ("your Seaport office", "your boiler contract"), something the rep has for them ("I've got
 * a layout check for…", "I've got drone photos of the north side for you"), or news from their doorstep ("two break-ins
 * near you this week", "a crew free in your area").
 */
const BUYER_MATTER =
  /\b(?:near|close to|around the corner from) (?:you|your (?:site|office|building|premises|store|shop|yard|depot|warehouse|clinic|practice|school|estate|farm|plant|restaurant|hotel))\b|\bin your (?:area|neighbou?rhood|street|road|postcode|zip code|town|suburb|city|region|park|estate)\b|\byour\s+(?!(?:convenience|earliest|time|day|week|morning|afternoon|number|phone|call|voicemail|message|inbox|diary|calendar|needs|business|company|questions?|street|alley|way|radar|end|side|part)\b)[\w'-]{3,}|\b(?:I|we)(?:'ve| have)? got (?:a|an|the|some|two|three) (?!(?:quick |short )?questions?\b)[\w-]+(?: [\w-]+)? (?:for|on|about|that|which|from)\b|\b(?:I|we)(?:'ve| have)? got (?!(?:a |an )?(?:quick |short |small )?(?:questions?|something|news)\b)(?:[\w'-]+ ){1,8}?for you\b/i;
const TEASE = /\b(?:(?:call|give)\s+me\s+a\s+(?:call|ring)\s+back|call\s+me\s+back|I(?:\s+have|'ve\s+got|\s+have\s+got)\s+a\s+(?:quick\s+)?question\s+for\s+you)\b/i;
const NO_CALL_BACK = /\b(?:no need to (?:call|ring|phone)(?: me)?(?: back)?|(?:don'?t|do not) (?:worry about|bother) (?:calling|ringing)(?: me)? back|(?:just |simply )?(?:reply|respond|answer) (?:there|to (?:that|the|my) (?:e-?mail|note|message))|(?:reply|respond) to (?:it|that) (?:instead|if))\b/i;
const MESSAGE_SHAPE = new RegExp(String.raw`^\s*["“]?\s*${GREETING_WORD}\b|\{\{|\[\p{Lu}|\{[a-z]|\bthis is\b|\bit's\b`, 'iu');

/** The whole script in quotation marks: words to be said, not guidance about them. */
const WHOLLY_QUOTED = /^\s*["“][^"“”]*["”]\s*$/;

export const voicemailEssentialsKind: RuleKind<null> = {
  name: 'voicemail-essentials',
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const messages = (o.messages ?? {}) as Record<string, string>;
    for (const s of voicemailsInScope(ctx)) {
      if (s.words < (o.minWords as number)) continue;
      const quotedOrBlock = s.turns.some((t) => t.unit.kind === 'blockquote' || t.unit.kind === 'fence' || t.role === 'rep' || t.role === 'structural') || WHOLLY_QUOTED.test(s.text);
      if (!quotedOrBlock && !MESSAGE_SHAPE.test(s.text)) continue;
      const contexts = s.turns[0].contexts;
      const found: Array<{ key: string; severity: Severity; fix?: string }> = [];
      const phones = countPhoneNumbers(s.text);
      const hasReason = statesReason(s.text) || s.turns.some((t) => isReasonLabel(t.label));
      // A voicemail about the buyer's own matter in words no reason family knows ("your Seaport office", "I've got a
      // staffing pattern for…") may well give its reason: said only as a hint.
      const tease = TEASE.test(s.text);
      if (!hasReason) found.push({ key: tease ? 'tease' : 'reason', severity: tease || !BUYER_MATTER.test(s.text) ? 'warning' : 'hint', fix: 'reason' });
      // A voicemail that asks for no call back ("no need to call back, just reply to my email") needs no number.
      if (phones === 0 && !NO_CALL_BACK.test(s.text)) found.push({ key: 'number', severity: pointsToEmail(s.text) ? 'info' : 'warning', fix: 'again' });
      else if (phones === 1) found.push({ key: 'once', severity: 'hint', fix: 'again' });
      if (!NAME.test(s.text) && !NAME_AND_COMPANY.test(s.text)) found.push({ key: 'name', severity: 'info' });
      for (const f of found) {
        ctx.report({
          start: s.start,
          end: s.end,
          severity: f.severity,
          message: fill(str(messages[f.key], ctx.rule.message), { phones }),
          fixes: f.fix ? insertFixes(ctx.rule.fixes, s.end, ctx.placeholderStyle, contexts, (t) => t.title.toLowerCase().includes(f.fix === 'reason' ? 'reason' : 'number'), { turn: s.turns[s.turns.length - 1], model: ctx.model }) : [],
          contexts,
        });
      }
    }
  },
};
