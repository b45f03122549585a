/**
 * Use versus mention. Guidance prose quotes the phrases it warns about:
 * "Don't open with “just checking in”" must not warn. A match is a mention
 * when it is quoted (quotes or emphasis) in a sentence that carries a
 * negation or replacement cue, when a cue directly precedes it, or when its
 * line is marked as a bad example.
 */
import type { Turn } from './model';
import { sentenceAt } from './words';

const CUE = /(?:→|⇒|->|\w+n't\b)|\b(?:no|zero|nothing|passive(?:-aggressive)?|selfish|ineffective|lazy|laziness|presumptuous|annoy\w*|irritat\w*|spammy|pushy|desperate|signals?|hurts?|fails?|backfires?|instead|anti-?pattern|useless|meaningless|filler|crutch|overdone|stale|robotic|salesy|cringe\w*|terrible|habit|instinct|insecure|patroniz\w*|condescend\w*|guilt\w*|means nothing|unsubstantiated|avoid\w*|don'?t|do not|never|no more|skip|stop|instead of|replace[sd]?|rather than|cut|ban(?:ned)?|bad|weak|worst|cliché|cliche|lazy|generic|empty|wrong|not|kills?|ditch|drop|dropped|removed|deleted|retired|lose|swap|vs\.?|versus|overused|tired|nobody|no one|sounds? like|mistakes?|red flags?|anti-?patterns?)\b/i;
/** A cue right before the phrase that makes it an example of what not to say; after a bare "not" only a quote is one ("not 'just checking in'", never "Not sure whether…"). */
const CUE_BEFORE = /\b(?:avoid(?:ing)?|don'?t (?:say|write|use|open with|start with|lead with)|do not (?:say|write|use)|never (?:say|write|use|open with|start with|lead with)|stop (?:saying|writing|using)|instead of|rather than|replace|no more)\s+(?:\w+\s+){0,2}(?:(?:['‘]|["“])[^'‘’"“”]{0,80}(?:['’]|["”]),?\s+(?:or\s+|and\s+)?)*(?:['‘"“][^'‘’"“”]{0,80})?$|\bnot\s+(?:\w+\s+){0,2}(?:(?:['‘]|["“])[^'‘’"“”]{0,80}(?:['’]|["”]),?\s+(?:or\s+|and\s+)?)*['‘"“][^'‘’"“”]{0,80}$/i;

const ANNOTATED_QUOTE = /^[^"]{0,60}"\s*[.,;!?]?\s*(?:→|⇒|->|=>|\(|[—–:]\s*\p{L}|-\s+\p{L})/u;
const THIRD_PERSON = /\b(?:the|a|your) (?:prospect|buyer|customer|rep|seller|champion)s?\b|\b(?:prospects|buyers|reps|sellers)\b/i;
const QUOTED_AS_NOUN = /^[^"]{0,20}"\s*(?:\w+\s+)?(?:e-?mails?|messages?|calls?|notes?|follow-?ups?|openers?|lines?|phrases?|approach(?:es)?|type|style|trap|templates?|voicemails?|touch(?:es)?|bumps?|language|sequences?|nudges?|tactics?)\b/i;

export function isMention(turn: Turn, a: number, b: number): boolean {
  const { unit } = turn;
  const text = unit.text;
  // A labelled rep turn is the rep's own words, quoted or not.
  if (turn.role === 'rep' || turn.role === 'structural') return false;
  const sentence = sentenceAt(text, turn.a, turn.b, a);
  // Wide enough for a list of quoted phrases after one cue ("Don't start with '…', '…' or '…'").
  const before = text.slice(Math.max(sentence.a, a - 200), a);
  if (CUE_BEFORE.test(before)) return true;
  // `- "Did you see my last email?" → guilt-tripping`: a quoted example with a comment on it.
  if (ANNOTATED_QUOTE.test(text.slice(b, Math.min(turn.b, b + 80))) && /^[\s\-*+\d.)]*"?$/.test(text.slice(turn.a, a).replace(/"[^"]*$/, '"'))) return true;
  // Guidance quoting what the seller says to "the prospect".
  const quotedAny = isQuoted(text, sentence.a, sentence.b, a, b);
  if (quotedAny && THIRD_PERSON.test(text.slice(sentence.a, sentence.b).replace(/"[^"]*"/g, ''))) return true;
  const quoted = isQuoted(text, sentence.a, sentence.b, a, b) || unit.emphasis.some(([s, e]) => s <= a && e >= b && (s > sentence.a || e < sentence.b));
  if (!quoted) return false;
  // A quoted phrase used as a noun ("the “just checking in” email") names a kind of message.
  if (QUOTED_AS_NOUN.test(text.slice(b, Math.min(sentence.b, b + 40)))) return true;
  const rest = text.slice(sentence.a, a) + ' ' + text.slice(b, sentence.b);
  // A quoted line in a script is the script; in guidance (or with a cue) it is an example.
  return CUE.test(rest) || !unit.section.customerFacing;
}

/** Is [a, b) inside a "…" pair within the sentence, with text outside the quotes too? */
function isQuoted(text: string, sa: number, sb: number, a: number, b: number): boolean {
  const open = text.lastIndexOf('"', a - 1);
  if (open < sa) return false;
  const close = text.indexOf('"', b);
  if (close < 0 || close >= sb) return false;
  const quotesBefore = (text.slice(sa, open + 1).match(/"/g) ?? []).length;
  if (quotesBefore % 2 === 0) return false; // `open` closes an earlier quote
  const whole = text.slice(sa, open).trim() === '' && text.slice(close + 1, sb).replace(/[\s.,!?;:)]/g, '') === '';
  return !whole;
}
