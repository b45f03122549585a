/**
 * Does a rep's opening say why they are calling? A reason ties the call to
 * the buyer, and it comes in a few families rather than set phrases:
 * - a stated purpose: "the reason for my call", "the reason for today",
 *   "why I'm calling", "I'm calling because / about / to…", "I'm not calling to…", any "because";
 * - something the buyer did or said: "you mentioned", "you downloaded", "returning the request you sent";
 * - something the rep saw about the buyer: "I noticed", "congrats on";
 * - a referral or an earlier talk: "Dana suggested I call", "since we spoke";
 * - what the call is about, tied to the buyer: "about your rollout", "a thought on
 *   the invoices for your Reno site", "following up on the proposal I sent";
 * - a date on the buyer's own calendar: "your certificate lapses on 12 September";
 * - a change at the buyer's company: "your Leeds depot moved to weekend
 *   shifts", "you're hiring three engineers"; or where they stand today:
 *   "three of your rooftop units still run on R-22", "you've got eleven team-leader roles open";
 * - work the rep has done on the buyer's matter: "I've written up Tuesday's chiller survey at Salford";
 * - something the rep sent or is sending for the buyer's matter: "I've emailed you the one-page map", "I'm sending you
 *   the duplicate-payment checklist", "I've emailed
 *   you the engineer's photos from the flue inspection", "I've put a filled-in example in your inbox";
 * - the rep's own note on a named matter, or the buyer's priorities: "I emailed about an afternoon refresh",
 *   "if washroom complaints are on your list";
 * - the rep's own framing of why it is worth a call: "the one thing worth a call:";
 * - a placeholder or a `Reason:` label for the trigger.
 * One recognizer serves call openers, voicemails and the structure check, so
 * they agree on what counts as a reason.
 */

import { GREETING_WORD } from './evidence';

/**
 * How a caller opens: a greeting that starts a sentence ("G'day, is that Leanne?", "Yeah, hi Sam"), not a greeting
 * word inside one ("when it runs to the next morning"), or the rep's name ("it's Sam from Acme", "{{rep_name}}").
 */
const GREETS = new RegExp(String.raw`(?:^|[.!?]\s+|\n)[^\p{L}]*(?:(?:oh|yeah|yes|right|great|ok|okay|so|well|and)[^\p{L}]+)?${GREETING_WORD}\b`, 'iu');
const NAMES_SELF = /\b(?:[Tt]his is|[Ii]t'?s|[Ii]t is|[Mm]y name(?: is|'s))\s+(?:\p{Lu}|\{\{|\[)|\{\{\s*(?:rep|your|my)[\w.]*\s*\}\}|\[(?:[Yy]our|[Rr]ep|[Mm]y) ?[Nn]ame\]/u;
/** "Jono here from Kestrel Cover": the rep's name, then "here". */
const NAME_HERE = /(?:^|[\s,.!?])\p{Lu}[\p{Ll}'-]+ here\b/u;

/** True when a rep's turn opens a call: a greeting or the rep's own name. */
export function opensCall(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  return GREETS.test(t) || NAMES_SELF.test(t) || NAME_HERE.test(t);
}

const CALL = String.raw`(?:call(?:ing|ed)?|voicemail|message|ring(?:ing)?|rang|phon(?:e|ed|ing)|reach(?:ing|ed)? out|getting in touch|got in touch|(?:this|today'?s) (?:call|chat|conversation)|today)`;
const PURPOSE = new RegExp(
  String.raw`\b(?:reason|purpose|point)s?\s+(?:for|of|behind)\s+(?:my|this|the|our)?\s*${CALL}` +
    String.raw`|\b(?:reason|purpose)s?\s+I(?:'m|\s+am)?\s+${CALL}` +
    String.raw`|\bwhy\s+I(?:'m|\s+am)?\s+${CALL}` +
    String.raw`|\b(?:I'?m|I\s+am|I\s+was|am|was)\s+(?:just\s+)?${CALL}\s+(?:because|about|since|as|regarding|re\b|to\s+(?:share|ask|follow|see\s+if|let|show|help|offer|introduce\s+(?:an?|the|our)\s+idea)|after|following|with\s+(?:an?|one|a\s+quick)\s+(?:idea|question|thought))` +
    String.raw`|\bI(?:'d|\s+would)?\s+(?:wanted|want|like|love)\s+to\s+(?:tell|show|share\s+with|walk)\s+you\b` +
    String.raw`|\bbecause\b` +
    // "I'm not calling to push the agreement along – I'd rather hear…": the rep says what the call is for by what it is not.
    String.raw`|\b(?:I'?m|I\s+am)\s+not\s+${CALL}\s+to\b` +
    String.raw`|\b(?:call(?:ing)?|message|voicemail|note|reach(?:ing)?\s+out)\s+(?:because|about|regarding|since)\b` +
    // "I emailed about an afternoon refresh for your offices": the call follows the rep's own note on a named matter.
    String.raw`|\b(?:I|we)(?:'ve|\s+have)?\s+(?:emailed|written|wrote|messaged)\s+(?:you\s+)?(?:about|regarding|re)\s+(?:an?|the|your)\s+\S` +
    // "If washroom complaints are on your list this spring": the call hangs on the buyer's own priorities.
    String.raw`|\bif\s+(?:[\w'-]+\s+){1,5}(?:is|are)\s+(?:on|high\s+on|near\s+the\s+top\s+of)\s+your\s+(?:list|radar|agenda|plate|mind)\b`,
  'i',
);
/** Something the buyer did, said the way people say it: "you asked", "you stopped by our stand and asked", "you'd booked a demo". */
const BUYER_DID =
  /\byou(?:'d|'ve)?\s+(?:(?:had|have|just|recently)\s+)?(?:[^.?!\n]{0,60}?\band\s+)?(?:mentioned|asked|requested|wanted|said|told|downloaded|signed\s+up|registered|attended|visited|filled\s+(?:in|out)|reached\s+out|posted|wrote|shared|commented|joined|raised|flagged|brought\s+up|stopped\s+by|dropped\s+by|came\s+by|swung\s+by|booked|started\s+a\s+trial|tried|sent|submitted|left|emailed)\b|\breturn(?:ing|ed)\s+(?:your|the)\s+(?:[\w-]+\s+){0,2}?(?:call|message|voicemail|request|enquiry|inquiry|email)\b/i;
/**
 * The rep saw it: "I noticed", "we've seen", or the everyday "saw your post" with the "I" dropped at the
 * start of a sentence. "Customers tell us it's the smoothest they have seen" is someone else seeing.
 */
const OBSERVED =
  /\b(?:I|we)(?:'ve|'d|\s+have|\s+had)?(?:\s+just|\s+recently)?\s+(?:saw|seen|noticed|read|heard|came\s+across|spotted|caught(?!\s+you\b))\b|\b(?:I|we)\s+(?:walked|drove|went|was|were|passed)\b[^.?!\n]{1,60}?\band\s+(?:saw|noticed|spotted)\b|(?:^|[.!?;:,\u2014\u2013-]\s+|\n)(?:just\s+)?(?:saw|noticed|read|spotted|heard|came\s+across)\b|\bcongrat\w*|\bcaught\s+your\b|\byou\s+(?:just\s+|recently\s+)?announced\b|\byour\s+(?:[\w-]+'s\s+)?(?:recent\s+|new\s+|latest\s+)?(?:post|article|announcement|launch|job\s+(?:post(?:ing)?|ad|advert|listing)s?|advert|tender|rfp|rfq|rfi|invitation\s+to\s+tender|press\s+release|10-?k|annual\s+report|board\s+minutes|webinar|talk|podcast|funding|expansion)\b|\byour\s+(?:new|recent|latest|upcoming)\s+[\w-]+/i;
const REFERRAL = /\b(?:referred|suggested|recommended|mentioned|pointed\s+me|asked\s+me\s+to\s+(?:call|reach|get\s+in\s+touch))\b/i;
const EARLIER =
  /\b(?:since|when|after)\s+we\s+(?:spoke|talked|met|last\s+spoke)\b|\bfollowing\s+(?:up\s+on\s+)?(?:your|our)\b|\bfollowing\s+up\s+(?:on|about)\s+(?:the|my)\s+(?:[\w-]+\s+){0,2}?(?:proposal|quote|e-?mail|note|demo|pilot|trial|order\s+form|contract)\b|\b(?:regarding|in\s+regards?\s+to)\b/i;
/** What the call is about, tied to the buyer's own matter ("about your rollout", "about the audit you have coming", "about the Bellville patrol quote"). */
const ABOUT_THEM = /\babout\s+(?:your|(?:how|what|when|where|whether|why)\s+you|the\s+[^.?!\n]{1,40}?\byou(?:r|'re)?\b|the\s+(?:[\w'-]+\s+){0,3}?(?:proposal|quote|quotation|estimate|order|contract|renewal|invoice|booking|tender|survey|audit)\b)/i;
/**
 * The rep brings something for the buyer's own matter: "an idea for trimming the overtime your night shift
 * runs", "a quick thought on the invoices for your Reno site". A bare "a question for you" is a tease.
 */
const SOMETHING_FOR_THEM = /\b(?:idea|thought|question|suggestion|tip|finding|number|benchmark)s?\s+(?:for|on|about|regarding)\s+(?:[\w'-]+\s+){0,6}?(?:your|you(?:'re|\s+are))\b/i;
/** Something that changed at the buyer's company, told as news about them: a trigger in the rep's own words. */
const BUYER_CHANGE =
  /\b(?:your|you(?:'re|\s+are|'ve|\s+have))\s+(?:[\w-]+\s+){0,3}?(?:just\s+|recently\s+)?(?:moved|opened|launched|hired|hiring|added|switched|expanded|expanding|grew|growing|raised|rolled\s+out|rolling\s+out|went\s+live|going\s+live|moving|opening|launching|acquired|merged|migrat(?:ed|ing)|replac(?:ed|ing)|started|starting)\b/i;
/** A date on the buyer's own calendar: "Your Cyber Essentials certificate lapses on 12 September" (a thing of theirs first: "at your end" is no date). */
const BUYER_DATE = /\byour\s+(?:[\w'-]+\s+){1,4}?(?:lapses?|expires?|ends?|renews?|runs?\s+out|is\s+due|falls\s+due|comes\s+up|closes?)\b/i;
/** Where the buyer stands today, as the rep found it: "three of your rooftop units still run on R-22". */
const BUYER_STATE = /\byour\s+(?:[\w'-]+\s+){0,5}?(?:still|currently|now|already)\s+(?:run|runs|use|uses|sit|sits|are|is|has|have|costs?|takes?|relies|rely|pays?|depends?)\b|\byou(?:'ve|\s+have)\s+got\s+(?:[\w'-]+\s+){1,5}?(?:open|opening|coming\s+up|due|live|running|on\s+the\s+go|in\s+the\s+pipeline)\b/i;
/** What a rep sends for the buyer's matter. */
const DELIVERABLE = String.raw`(?:map|example|summary|breakdown|case\s+study|quote|proposal|report|guide|checklist|one-pager|benchmark|comparison|list|write-up|plan|figures|numbers|letter|form|agreement|contract|paperwork)`;
/** The same, and what is on its way as the rep speaks ("I'm sending you the dates"). */
const DELIVERABLE_SENDING = String.raw`(?:${DELIVERABLE}|dates|photos|samples?)`;
/** Something the rep sent or is sending the buyer for their matter: "I've emailed you the one-page map", "I sent the broker-of-record letter yesterday", "the audit report is in your inbox". */
const SENT_THEM = new RegExp(String.raw`\b(?:I|we)(?:'ve|\s+have)?\s+(?:just\s+)?(?:emailed|sent|posted|dropped)\s+(?:you\s+)?(?:over\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?${DELIVERABLE}\b|\b(?:I|we)(?:'ve|\s+have)\s+(?:just\s+)?(?:emailed|sent|posted)\s+you\s+(?:over\s+)?(?:the|your)\s+(?![\w'-]*\s*(?:e-?mails?|messages?|notes?|voicemails?|texts?)\b)[\w'-]+(?:\s+[\w'-]+){0,3}?\s+(?:from|for|of|on|about)\s+(?:the|your)\b|\b(?:I'?m|I\s+am|we'?re|we\s+are)\s+(?:just\s+)?(?:sending|emailing|posting)\s+(?:you\s+)?(?:over\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?${DELIVERABLE_SENDING}\b|\b(?:is|are|will\s+be|'ll\s+be)\s+(?:now\s+)?in\s+your\s+inbox\b|\b(?:I|we)(?:'ve|\s+have)\s+(?:just\s+)?(?:put|left|dropped|popped)\s+(?:[\w'-]+\s+){1,8}?in\s+your\s+(?:inbox|email)\b`, 'i');
/** Work the rep has done on the buyer's own matter: "I've written up Tuesday's chiller survey at Salford", "we've priced up your Leeds roof". */
const DONE_FOR_THEM =
  /\b(?:I|[Ww]e)(?:'ve|\s+have)\s+(?:just\s+|now\s+)?(?:written\s+up|put\s+together|pulled\s+together|finished|completed|drafted|prepared|priced(?:\s+up)?|costed(?:\s+(?:up|out))?|mapped\s+out|worked\s+(?:out|up)|gone\s+through|looked\s+(?:over|through)|checked|reviewed)\s+(?:(?:your|[\w]+day's|today's|yesterday's|last\s+week's)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+|the\s+(?:[\w'-]+\s+){0,3}?[\w'-]+\s+(?:for|at|on|from)\s+(?:your\b|[A-Z]))/;
/** The rep framing the message as worth the buyer's call: "the one thing worth a call:". */
const WORTH_A_CALL = /\bworth\s+(?:a|the|your)\s+(?:call|ring|conversation|callback|call\s+back)\b/i;
const TRIGGER =
  /\{\{\s*[\w.]*(?:trigger|reason|event|pain|insight|news|referr)[\w.]*\s*\}\}|\[[^\]]*(?:trigger|reason|event|pain|insight|news|specific)[^\]]*\]|\{[\w.]*(?:trigger|reason|event|pain)[\w.]*\}/i;

const FAMILIES = [PURPOSE, BUYER_DID, OBSERVED, REFERRAL, EARLIER, ABOUT_THEM, SOMETHING_FOR_THEM, BUYER_CHANGE, BUYER_STATE, BUYER_DATE, SENT_THEM, DONE_FOR_THEM, WORTH_A_CALL, TRIGGER];

/** True when the text gives the buyer a reason for the call (see the families above). */
export function statesReason(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  return FAMILIES.some((re) => re.test(t));
}

/** A spoken message that points the buyer to an email ("I've sent you a note", "it's in your inbox"): they can answer there. */
const EMAIL_POINTER = /\b(?:(?:sent|sending|send|shot|dropped)\s+(?:you\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:e-?mail|note|message)|in\s+your\s+inbox|check\s+your\s+(?:e-?mail|inbox)|(?:e-?mail|note)\s+I\s+(?:just\s+)?sent)\b/i;

export function pointsToEmail(text: string): boolean {
  return EMAIL_POINTER.test(text);
}

/** A speaker or field label that names the reason ("Reason:", "Reason for calling:"). */
export function isReasonLabel(label: string | undefined): boolean {
  return /^(?:reason|purpose)\b/i.test(label ?? '');
}
