/**
 * Where a rewrite lands: the channel of the turn (a rewrite for a voicemail is
 * spoken, one for a subject line is a few words), the stage of the
 * relationship the text shows (a cold touch, a reply to the buyer, a note to an
 * existing customer) and the facts the message already holds (the buyer's first
 * name from the greeting, the rep's name and number in a voicemail, the
 * subject being replied to), so a rewrite uses them instead of blanks.
 *
 * Read once per unit (cached) from a bounded window of the text around it.
 */
import type { FrontMatter } from '../parse/front-matter';
import type { Turn, Unit } from '../read/model';
import { firstPhoneNumber } from '../read/phone-numbers';
import type { Channel } from '../read/voice';

export type Stage = 'cold' | 'reply' | 'customer';

export interface Facts {
  /** The buyer's first name as written in the greeting (or the greeting's placeholder). */
  firstName?: string;
  /** The buyer's company, when the message names it (or holds its placeholder). */
  company?: string;
  /** The rep's name, from "it's Sam" / "this is Sam" / "Sam from Acme here". */
  repName?: string;
  /** The rep's company, from "Sam from Acme" / "Sam at Acme". */
  repCompany?: string;
  /** The call-back number already said in the message (digits or its placeholder). */
  phone?: string;
  /** What the thread is about: the subject line, without "Re:". */
  topic?: string;
}

export interface Place {
  channel: Channel;
  stage: Stage;
  facts: Facts;
}

/** Characters read on each side of the unit: a message's greeting, subject and number sit close to it. */
const WINDOW = 1500;
const GREETING_NAME = /(?:^|\n)[ \t>*]*(?:hi|hello|hey|dear|hiya|good (?:morning|afternoon|evening))[ \t]+(\p{Lu}[\p{L}'’-]{1,20}|\{\{\s*[\w.]*first[\w.]*\s*\}\}|\[(?:First ?Name|Name|Prospect(?: Name)?)\]|\{first_?name\}|\*\|FNAME\|\*)[ \t]*[,!—–-]/giu;
const NOT_A_NAME = /^(?:there|team|all|everyone|folks|guys|again|both)$/i;
const REP_NAME = /\b(?:[Ii]t['’]s|[Ii]t is|[Tt]his is|[Mm]y name is|I['’]m|I am)[ \t]+(\p{Lu}[\p{L}'’-]{1,20}|\{\{\s*[\w.]*(?:rep|sender|my|your)_?name[\w.]*\s*\}\}|\[(?:Your|Rep|My) ?Name\])(?:[ \t]+\p{Lu}[\p{L}'’-]{1,20})?(?:[ \t]+(?:from|at|with)[ \t]+(\p{Lu}[\p{L}&'’-]{1,30}|\{\{\s*[\w.]*\s*\}\}|\[[^\]\n]{1,30}\]))?/u;
const REP_HERE = /(?:^|[,.]\s+|\n[ \t>*]*)(\p{Lu}[\p{L}'’-]{1,20})[ \t]+(?:from|at|with)[ \t]+(\p{Lu}[\p{L}&'’-]{1,30})[ \t]+here\b/u;
const COMPANY_PLACEHOLDER = /\{\{\s*(?:company|account|company_name|account_name|organization|org)\s*\}\}|\[(?:Company|Company Name|Account|Their Company|Prospect Company)\]|\{company\}|\*\|COMPANY\|\*/i;
const BUYER_COMPANY = /\b(?:(?:your )?(?:team|folks|people|everyone|ops team|colleagues) (?:at|over at)|congrats to|news (?:at|from)|you and the team at)[ \t]+(\p{Lu}[\p{L}&'’-]{1,30})/u;
const SUBJECT = /(?:^|\n)[ \t>*-]*(?:\*\*)?subject(?: line)?(?:\*\*)?[ \t]*:[ \t]*(?:\*\*)?[ \t]*(.{2,80}?)[ \t]*(?:\*\*)?[ \t]*(?:\n|$)/gi;
const REPLY_SUBJECT = /^(?:re|aw|sv)\s*:\s*/i;
const REPLY_CUES = /\b(?:thanks (?:so much )?for (?:your|the) (?:email|note|reply|message|question|quick reply)|to answer your question|in answer to your|as you requested|per your (?:request|email|note)|good question)\b/i;
const CUSTOMER_CUES = /\b(?:renewals?|renew(?:ing)?|your (?:contract|subscription|licen[cs]es?|seats|plan|account team|rollout|go-live|implementation)|as (?:a|our) (?:valued )?customer|since you (?:went live|rolled out|signed|started using)|our partnership|(?:your|the) QBR|business review|upsell|expansion|existing customers?)\b/i;

const cache = new WeakMap<Unit, { source: string; place: Place }>();

/** An ATX heading, or a setext one (a line underlined with = or -): where the unit's segment ends. */
const NEXT_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)|^[ \t]{0,3}\S[^\r\n]*(?:\r\n|\r|\n) {0,3}(?:=+|-+)[ \t]*$/m;

/** The place of `turn`: its channel, the stage the message shows and the facts in it. */
export function placeOf(turn: Turn, source: string, frontMatter?: FrontMatter): Place {
  const unit = turn.unit;
  const kept = cache.get(unit);
  if (kept && kept.source === source && kept.place.channel === turn.channel) return kept.place;
  // Facts come from the unit's own segment (its heading to the next heading), so a segment's findings depend on
  // its own text only and the editor can keep them while other segments change.
  const section = unit.section;
  const from = Math.max(section.headingStart ?? section.start, unit.start - WINDOW);
  const after = source.slice(unit.end, Math.min(section.end, unit.end + WINDOW));
  const nextHeading = NEXT_HEADING.exec(after);
  const to = unit.end + (nextHeading ? nextHeading.index : after.length);
  const text = source.slice(from, to);
  // The message's own greeting and subject sit above the unit's end; ones further down open the next message.
  const mine = unit.end - from;
  const subject = lastBefore(SUBJECT, text, mine)?.[1];
  const facts = readFacts(text, mine, subject);
  const place: Place = { channel: turn.channel, stage: readStage(turn, text, subject, frontMatter), facts };
  cache.set(unit, { source, place });
  return place;
}

/** The last match of the global `all` starting before `end`: in a thread of emails, the one of the message that ends there. */
function lastBefore(all: RegExp, text: string, end: number): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  all.lastIndex = 0;
  for (let m = all.exec(text); m && m.index < end; m = all.exec(text)) {
    last = m;
    if (m[0].length === 0) all.lastIndex++;
  }
  return last;
}

/** A subject that reads as a topic to answer on: not shouted in capitals. */
function topicOf(subject: string | undefined): string | undefined {
  const topic = subject?.replace(REPLY_SUBJECT, '').replace(/[.!?]+$/, '').trim();
  if (!topic || (/\p{Lu}{2}/u.test(topic) && !/\p{Ll}/u.test(topic) && /\s/.test(topic)) || topic.includes('!')) return undefined;
  return topic;
}

function readFacts(text: string, mine: number, subject: string | undefined): Facts {
  const facts: Facts = {};
  const g = lastBefore(GREETING_NAME, text, mine);
  if (g && !NOT_A_NAME.test(g[1])) facts.firstName = g[1];
  const rep = REP_NAME.exec(text) ?? REP_HERE.exec(text);
  if (rep && !NOT_A_NAME.test(rep[1]) && rep[1] !== facts.firstName) {
    facts.repName = rep[1];
    if (rep[2]) facts.repCompany = rep[2];
  }
  const company = COMPANY_PLACEHOLDER.exec(text)?.[0] ?? BUYER_COMPANY.exec(text)?.[1];
  if (company && company !== facts.repCompany) facts.company = company;
  const phone = firstPhoneNumber(text);
  if (phone) facts.phone = phone;
  const topic = topicOf(subject);
  if (topic) facts.topic = topic;
  return facts;
}

function readStage(turn: Turn, text: string, subject: string | undefined, fm: FrontMatter | undefined): Stage {
  const declared = `${fm?.stage ?? ''} ${fm?.audience ?? ''}`.toLowerCase();
  if (/\b(?:existing|customer|renewal|expansion|account)\b/.test(declared)) return 'customer';
  if (turn.contexts.has('customer-proactive') || CUSTOMER_CUES.test(text)) return 'customer';
  if ((subject && REPLY_SUBJECT.test(subject)) || REPLY_CUES.test(text) || /\binbound\b/.test(declared)) return 'reply';
  return 'cold';
}
