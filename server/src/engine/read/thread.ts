/**
 * Does a message belong to an earlier exchange? A `Re:` subject is honest on
 * a reply or on a bump of the rep's own email, and a trick on a cold first
 * email. The evidence comes in families rather than set phrases:
 * - the buyer wrote first: a quoted thread ("… wrote:"), "thanks for your
 *   note", "you asked", "your question", "short answer: yes";
 * - the rep wrote before: "my last note", "the proposal I sent", "the below",
 *   "bringing this back to the top of your inbox", "circling round again",
 *   "any update on this one?", "did you get a chance";
 * - something the rep sent is named as known to the buyer: "the proposal",
 *   "our quote", "the order form";
 * - an earlier talk: "since we spoke", "as promised".
 * A message that introduces its sender ("my name is", "allow me to introduce
 * myself") is a first touch whatever else it says.
 * One recognizer serves the sequence stage (units.ts) and the fake-"Re:"
 * check, so they agree on what a thread is.
 */

const alt = (parts: readonly string[]) => new RegExp(parts.map((p) => String.raw`\b(?:${p})`).join('|'), 'i');

/** The rep's own earlier, unanswered message, pointed back to. */
export const FOLLOWS_OWN_NOTE = alt([
  String.raw`the below\b(?![ \t]+[a-z])`,
  String.raw`(?:my|our) (?:last|previous|earlier|prior|original) (?:e-?mail|note|message|voicemail)`,
  String.raw`(?:the|that|my|our) (?:[\w-]+ ){0,2}(?:proposal|quote|deck|note|e-?mail|message|summary|one-pager|pricing|recap|link|overview|case study|draft|plan) (?:I|we) (?:sent|shared|e-?mailed|forwarded|dropped|left)\b`,
  String.raw`circl(?:e|ed|es|ing) (?:back|round|around)`,
  String.raw`(?:bump|nudg|resurfac)(?:e|es|ed|ing)? (?:this|it|my (?:note|e-?mail|message))\b`,
  String.raw`(?:bring|brought|float|push)(?:s|ed|ing)? (?:this|it|my (?:note|e-?mail|message)) (?:back|up to the top)\b`,
  String.raw`top of your inbox`,
  // "Giving this a little nudge", "in case it got buried": the rep's own earlier note, sent again.
  String.raw`giv(?:e|es|ing) (?:this|it) (?:one more |another |a )?(?:(?:little|quick|gentle|friendly|small|final) )?(?:nudge|bump|ping)\b`,
  String.raw`in case (?:it|this|my (?:note|e-?mail|message)) (?:got|gets|was|went) (?:buried|lost|missed)\b`,
  String.raw`did you (?:get|have) a chance`,
  String.raw`haven'?t heard back`,
  // "Any update on this one?", "any news on the proposal?": a status question about something already sent.
  String.raw`any (?:update|news|word|movement|progress)s? (?:on|about|regarding) (?:this|that|it)\b`,
  String.raw`(?:following up|writing|reaching out|checking in|trying you|circling (?:back|round)) (?:once )?again\b`,
  // A slot for the recap of the earlier note ("[one-line recap of why you reached out]"), as a follow-up rewrite leaves it
  // (the word, then the slot's closing bracket).
  String.raw`recap\b[^\]\n]{0,60}\]`,
]);

/** The buyer wrote first and this answers them. */
const ANSWERS_BUYER = alt([
  String.raw`wrote:`,
  String.raw`(?:thanks|thank you) for (?:your|the) (?:[\w-]+ )?(?:note|e-?mail|message|reply|response|question|questions)\b`,
  String.raw`you (?:asked|mentioned|wrote|said|raised|flagged)\b`,
  String.raw`your (?:[\w-]+ )?(?:question|e-?mail|note|message|reply)\b(?! (?:address|inbox))`,
  String.raw`(?:short|quick) answer\b`,
  String.raw`to answer your\b`,
  String.raw`good question\b`,
  String.raw`(?:since|in|after|on) (?:my|your|our) (?:last |earlier |previous )?(?:note|e-?mail|message)\b`,
]);

/** A document the rep sent or a project under way, named as one the buyer already knows ("the proposal", "our quote", "the pilot"). */
const KNOWN_DOCUMENT =
  /\b(?:the|our|my|that) (?:[\w'-]+ ){0,2}(?:proposal|quote|quotation|order form|SOW|statement of work|contract|agreement|redlines?)\b|\bthe (?:pilot|proof of concept|POC|POV)\b/i;

/**
 * An earlier talk, told in passing while delivering on it ("as promised", "since we spoke", "here are the notes", "I've
 * attached three CVs for the technician role"; a brochure or a deck is a pitch, not a delivery), or a
 * visit the buyer hosted ("Thanks for walking us round Canal Street"), which no cold email can claim in passing. "When
 * we spoke" and "thanks for the call" are left out: they are the very claims the fake-familiarity rule judges.
 */
const EARLIER_TALK = /\bsince we (?:spoke|talked|met|last spoke)\b|\bas promised\b|\b(?:thanks|thank you)(?: (?:so|very) much| again)? for (?:(?:walking|showing) (?:us|me) (?:round|around|through)|(?:having|hosting) (?:us|me)\b|(?:the|your|today's|yesterday's|[a-z]+day's) (?:site visit|visit|tour|walk-?round|walk-?through))|\b(?:here(?:'s| is| are)|attached(?: are| is)?|sharing) (?:the |my |our )?(?:notes|recording|recap|minutes|summary)\b|\b(?:I|we)(?:'ve| have) attached (?:the |your |(?:\d+|two|three|four|five|six) )(?![\w-]+ (?:brochure|deck|overview|catalogue|profile)s?\b)[\w-]+(?: [\w-]+){0,3} for (?:the|your)\b/i;

/** A message that lets the buyer go: "I'll assume the timing is off", "I'll take the quiet as a sign", "I won't follow up again", "this is my last note". */
export const LETS_GO =
  /\b(?:I(?:'?ll| will) (?:assume|take (?:that|it|the (?:silence|quiet|hint))(?: as| to mean)?|close (?:your|the|this) file|stop (?:reaching out|e-?mailing|following up|writing|here))|(?:I |and )(?:won'?t|will not) (?:reach out|e-?mail|follow up|write|bother you|be in touch)(?: to you)? (?:again|further|any ?more)|and stop (?:here|there)|(?:this|it) (?:is|will be) my (?:last|final) (?:e-?mail|note|message|attempt)|closing (?:the|this) loop|(?:close|closing) (?:out )?(?:your|the) file)\b/i;

/** The sender introducing themselves: a first touch. */
export const INTRODUCES_SENDER =
  /\b(?:(?:let me|allow me to|I(?:'d| would) like to|wanted to|want to) (?:take a moment to )?introduce (?:myself|me|our (?:company|team|firm)|us)|my name is|we haven'?t (?:met|spoken)|you don'?t know me)\b/i;

/** The shape of a cold first email: what the rep's company does, or the rep reaching out to a stranger. */
const PITCH = /\b(?:we|our (?:team|company|firm)) (?:also |now |already )?(?:help|run|handle|process|work with|partner with|make it easy|built|supply|offer|provide|install|deliver|sell|specialise in|specialize in|manufacture|cover)\b|\bour (?:team|company|firm) (?:helps|works with|supplies|offers|provides|processes|installs|delivers|sells|runs|handles|specialises in|specializes in|covers)\b|\b(?:helps|lets) (?:teams|companies|firms|brands|businesses|distributors|retailers|[a-z]+ (?:teams|leaders))\b/i;
/** The company as the subject of its own pitch: "Lanternfield provides awareness training to 300 districts", "We've been building tracking for contractors since 2011". */
const COMPANY_PITCH = /(?:^|[.!?]\s+|\n)(?:[A-Z][\w&-]+(?: [A-Z][\w&-]+){0,2} (?:provides|offers|supplies|helps|gives|makes|builds|delivers|installs|specialises in|specializes in)\b|[Ww]e(?:'ve| have) been (?:building|making|supplying|providing|helping|serving|running|installing|selling)\b[^.?!\n]{1,60}?\b(?:since|for (?:over |more than )?\d+))/;
const REACHING_OUT = /\b(?:I'm|I am|I'm just|I wanted to|just) reach(?:ing)? out (?:because|to|about|as)\b|\bI came across\b/i;

/**
 * What a cold first email carries besides its pitch, each a family of its own:
 * - a trigger the rep noticed about the buyer ("Saw your practice has just opened", "I noticed you're hiring");
 * - the rep reaching out to a stranger ("I'm reaching out as…");
 * - doubt about the reader, who would know the rep ("not sure this is even relevant to you", "apologies if this
 *   has landed with the wrong person", "I wasn't certain who looks after ordering", "dropping in uninvited");
 * - the rep naming their company ("I'm Dan from Greenfold", "I head up sales at…", "We're a Leeds-based developer
 *   focused on…", "I thought I might mention that we…").
 */
const COLD_SIGNS: readonly RegExp[] = [
  /(?:^|[.!?]\s+|\n)(?:I |we )?(?:just |recently )?(?:noticed|saw|spotted|came (?:across|upon)|stumbled (?:across|on|upon)|read|heard)\s+(?:that\s+)?(?:your|you|you're|you've)\b(?!\s+(?:reply|response|note|e-?mail|message)\b)|\b(?:I|we) (?:just |recently )?(?:noticed|saw|spotted|came (?:across|upon)|read|heard)\b(?! (?:your|the) (?:reply|response|note|e-?mail|message)\b)|\b(?:a (?:browse|look|read) (?:of|at|through)|(?:browsing|looking at|reading)) your (?:[\w'-]+ ){0,2}(?:website|site|profile|page|post|listing)\b|(?:^|[.!?]\s+|\n)(?:I |we )?(?:just |recently )?(?:noticed|saw|spotted|read|heard) (?:on|in|from|via) [^.?!\n]{1,30}? that (?:you|your)\b/i,
  REACHING_OUT,
  /\b(?:(?:not|wasn't|was not|I'm not|I am not) (?:sure|certain)|unsure) (?:if|whether|who)\b[^.?!\n]{0,60}?\b(?:relevant|right person|the person|looks after|handles|is in charge|deals with|interest|on your (?:radar|list|agenda)|a priority)|\b(?:uninvited|out of the blue|unannounced|unsolicited)\b|\b(?:wrong|right) person\b|\bwhether this is (?:even )?(?:relevant|of interest)/i,
  /\bI(?:'m| am) [A-Z][a-z]+,? (?:(?:the|a|an) (?:[\w-]+ ){0,4})?(?:from|at|with)\b|\bI (?:head up|run|lead|look after) [^.?!\n]{0,40}\b(?:at|for)\b|\bI (?:thought I(?: might|'d| would) mention|figured I'd mention) that we\b|(?:^|[.!?:;\u2014\u2013]\s+|\n)we(?:'re| are) an? (?:[\w-]+ ){0,5}(?:company|firm|provider|supplier|developer|agency|consultancy|specialists?|manufacturer|distributor|platform|startup|business|team|partner)\b/i,
];

/**
 * A cold first email told from its text alone: two of the signs above, or one and a pitch (PITCH), because a
 * pitch alone is also how a nurture note or an update reads. Used only where nothing shows an earlier exchange.
 */
export function readsAsColdPitch(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  let signs = PITCH.test(t) || COMPANY_PITCH.test(t) ? 1 : 0;
  for (const re of COLD_SIGNS) if (re.test(t) && ++signs >= 2) return true;
  return false;
}

/** True when the message reads as a first touch to a stranger: it introduces the sender, pitches, or reaches out cold. */
export function readsAsFirstTouch(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  return INTRODUCES_SENDER.test(t) || PITCH.test(t) || REACHING_OUT.test(t);
}

/** True when the message text shows it continues an earlier exchange (see the families above). */
export function continuesThread(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  if (INTRODUCES_SENDER.test(t)) return false;
  return FOLLOWS_OWN_NOTE.test(t) || ANSWERS_BUYER.test(t) || KNOWN_DOCUMENT.test(t) || EARLIER_TALK.test(t);
}

/**
 * A message that delivers something rather than asks for it: an agenda, a recording, a case study, a
 * welcome, congratulations, a season's greeting, a heads-up. It needs no ask of its own, and a short one
 * is not a bare bump. A message that points back to the rep's own unanswered note is a bump whatever it
 * says it shares ("here's my last note again").
 */
const DELIVERS =
  /\b(?:(?:here(?:'s| is| are)|sharing|attached(?: is| are)?|enclosed(?: is| are)?) (?:the|your|today's|this week's|a|an|our|my) (?:[\w'-]+ ){0,3}?(?:recording|agenda|slides|notes|summary|minutes|login|invite|invitation|case study|report|checklist|link|plan|guide|article|template|one-pager|benchmark|playbook|video|write-up|breakdown|teardown)s?\b|\b(?:recording|agenda|slides|notes|summary|minutes|login|invite)s?\b[^.?!]{0,50}?\b(?:is|are) (?:here|attached|below|linked|on its way)\b|welcome (?:aboard|to)\b|congrat\w*|happy (?:holidays|new year|thanksgiving|birthday)|season'?s greetings|(?:quick |a )?heads-up\b)/i;

export function deliversSomething(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  return DELIVERS.test(t) && !FOLLOWS_OWN_NOTE.test(t);
}
