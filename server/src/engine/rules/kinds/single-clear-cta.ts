/**
 * single-clear-cta: an email with no ask at all (no question near the end and
 * no call-to-action phrase) — or one with several competing asks (a meeting,
 * a link, a reply, a forward). Break-up and out-of-office emails are ask-free
 * by design. Only text shaped like an email (a subject, a greeting or a
 * sign-off) is judged. Options: exemptHeadings (a regular expression), multipleAsks, multipleMessage.
 * Option defaults are declared once, in server/rules/single-clear-cta.yaml.
 */
import { endAt } from '../../read/model';
import type { RuleKind } from './kind';
import { MAX_MATCH_INPUT, compileUserOption } from './patterns';
import { countQuestions, emailsInScope, fill, insertFixes } from './units';
import { listOf } from '../plural';
import { deliversSomething } from '../../read/thread';

const CTA = /\b(?:worth\s+(?:a|exploring|a\s+look|a\s+chat|a\s+conversation)|(?:(?:are|were)\s+you|would\s+you\s+be|you(?:'d|\s+would)\s+be|if\s+you(?:'re|\s+are))\s+open\s+to|would\s+it\s+(?:help|make\s+sense)|interested\s+in|reply\s+(?:with|["“'‘]?(?:yes|no)\b)|(?:book|grab|pick|find)\s+(?:a\s+)?(?:time|slot)|calendar|let\s+me\s+know\s+(?:if|whether|what|which|when)|are\s+you\s+(?:free|available)|next\s+step|happy\s+to\s+(?:send|share|walk)|shall\s+I|want\s+me\s+to)\b/i;
const OFFER = /\b(?:if (?:it|that) helps|happy to|glad to|I can (?:send|share|walk|set up|show|have (?:it|this|that|one) (?:with|to|over to) you|get (?:it|this|that|one) (?:to|over to) you)|want me to|shall I|just shout|feel free to|the sooner you can)\b/i;
/**
 * Other ways an email asks: a request to the buyer ("let me know", "give me a
 * shout", "take a look"), a wish for their reply ("would love your feedback"),
 * a shared next move ("let's connect") or a button to press ("[Update payment →]").
 */
const REQUEST = /\b(?:let me know|give (?:me|us) a (?:shout|call|ring|buzz)|(?:get|be) in touch|reach out|drop me a (?:line|note)|(?:take|have) a (?:quick )?look|check (?:it|this|them) out|(?:click|tap|update|reply|respond|confirm|join|register|sign up|download|grab|book|pick|choose|start|try) (?:here|now|below|the|your|a|an|this|it|to|with|back)|(?:(?:I|we)(?:'?d| would)|would) (?:(?:\w+ly|therefore|also|so|still) )?(?:love|like|appreciate|welcome|value) (?:your|to [a-z]+|(?:the|an|any) (?:opportunity|chance|pleasure) to [a-z]+|(?:a|an|the) (?:[\w-]+ ){0,3}(?:reply|response|answer|word|call|chat)|(?:\d+|a few|ten|fifteen|twenty|thirty) min(?:ute)?s|(?:some|a little|a bit) of your time)|(?:I|we) (?:look forward|hope to hear)|(?:hit|just) reply|let'?s (?:connect|talk|chat|meet|find|set|schedule|catch up|get|grab|hop|jump|plan|pick))\b|\[[^\]\n]{2,40}(?:→|->)\s*\]|(?:→|->)\s*\S/i;
/**
 * Asks in the shapes people write them rather than set phrases:
 * - a request that starts the sentence ("Send me a good time", "Give it a read and tell me…", "Say yes and…"),
 *   or any verb after "please" or "kindly" ("Kindly block 45 minutes in your calendar");
 * - an offer or an opening that hangs on the buyer's interest ("if you want it", "if a call helps",
 *   "if this is on your radar, I'm around Thursday");
 * - a next step the rep names with a time ("I'll call you Tuesday at 10 unless…", "I'll hold Thursday at 2 for us");
 * - the rep's wish to talk ("keen to compare notes", "I'd welcome 15 minutes");
 * - times the rep is free ("I'm free Thursday at 10 or Friday at 2").
 */
const INVITES = new RegExp(
  [
    String.raw`(?:^|[.!?]\s+|\n)(?:(?:just|please|so|and)\s+)?(?:send|tell|shoot|drop|give|say|grab|pick|book|reply|forward|loop|point|ping|text|call|email|ring|write|choose|hit)\s+(?:me|us|it|them|a|an|the|your|yes|back|over|the\s+word)\b`,
    // "Please confirm…", "Kindly block 45 minutes…", "Do revert…": a polite request of any verb; "please find attached" or "please note" gives, not asks.
    String.raw`(?:^|[.!?]\s+|\n)(?:please|kindly|do)\s+(?!(?:find|see|note|accept|allow|permit|excuse|forgive|feel|do\s+not|don'?t|not|hesitate|ignore|disregard|bear|keep|know|be\s+(?:aware|assured))\b)(?:(?:[a-z]+ly)\s+)?[a-z]+\s+(?:me|us|the|a|an|your|this|it|at|by|on|in|back|whether|if|which|when|\d)`,
    String.raw`\bif\s+(?:(?:you|your\s+\w+)\s+(?:would\s+)?find\s+[^.?!\n]{0,40}?\b(?:useful|helpful|handy|of\s+use)|you(?:'d)?\s+(?:want|like|prefer|need|fancy)|(?:it|this|that|a\s+\w+)\s+(?:helps|would\s+help|is\s+(?:useful|helpful|relevant|on\s+your\s+radar|a\s+priority|of\s+(?:use|interest)))|it'?s\s+(?:useful|helpful|relevant|of\s+(?:use|interest)))\b`,
    String.raw`\bI(?:'ll|\s+will)\s+(?:(?:call|ring|phone|try)\s+(?:you\s+)?|(?:hold|pencil\s+in|keep)\s+(?:us\s+in\s+for\s+|a\s+(?:slot|spot|seat)\s+(?:for\s+you\s+)?(?:on\s+)?)?)(?:on\s+|at\s+|this\s+|next\s+|tomorrow|monday|tuesday|wednesday|thursday|friday)`,
    String.raw`\b(?:keen|eager|would\s+love|happy|glad|delighted|pleased)\s+to\s+(?:compare\s+notes|swap\s+notes|hear|chat|talk|connect|walk\s+you|show\s+you|host\s+you|meet(?:\s+you)?|see\s+you|welcome\s+you|have\s+you)\b`,
    String.raw`\b(?:I(?:'m|\s+am)|we(?:'re|\s+are))\s+(?:free|around|available|in\s+(?:town|the\s+area))\b[^.?!\n]{0,30}?\b(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next\s+week|this\s+week|at\s+\d)`,
  ].join('|'),
  'i',
);
/** A question written without its question mark: "Would Thursday at 2 suit you.", "Could you send the floor plan". */
const MODAL_QUESTION = /(?:^|[.!]\s+|\n)(?:so |and )?(?:could|would|can|will|shall|do|does|did|are|is|have|might) (?:you|your (?:team|office|site)|it|this|that|\p{L}+ (?:at|on) \d)\b[^.?!\n]{3,}/iu;
/** A status question texted without its question mark at the end of a line: "…any news on it", "any thoughts". */
const UNMARKED_QUESTION = /\bany (?:news|updates?|thoughts|feedback|word)(?: (?:on|about|re) [^.!?\n]{1,30})?[ \t]*(?:\n|$)/i;
/** Every shape of ask above: a call-to-action phrase, an offer, a request, an invitation. */
const ASK_SHAPES = [CTA, OFFER, REQUEST, INVITES];
/**
 * Messages that give rather than ask: a thank-you, an answer, a resource passed along ("thought this might be
 * useful"), a recap of what was agreed, a reminder of a booked event, or the rep's own dated next step ("I'll send
 * the pilot plan by Friday"). The buyer has nothing to decide, so they need no ask.
 */
const GIVES = new RegExp(
  [
    String.raw`\b(?:thank(?:s| you)(?: so much| very much| again)? for|(?:great|good|lovely|nice) (?:to (?:meet|see|speak|chat|talk)|meeting|seeing|speaking|chatting|talking)|thought (?:I'?d|I would) (?:share|pass|send|forward|flag)|thought you(?:'d| would| might) (?:like|enjoy|find|want|appreciate)|pass(?:ing)? (?:it |this )?along|put you in touch|introduc(?:e|ing) you|congrat\w*|as promised|you asked (?:about|for|whether|if|how|what|when|which)|(?:to|in) answer (?:to )?your question|(?:the )?short answer(?: is)?[:,]|on your question)`,
    // Only with something to pass along (a link, an attachment, a write-up): "thought it might be of interest" after a bare pitch gives nothing.
    String.raw`\bthought (?:this|it|these|you) (?:might|may|could|would) (?:be )?(?:useful|helpful|handy|of (?:use|interest)|interest you|help)(?=[^]*(?:https?:|\battach|\benclosed|\b(?:link|below|here(?:'s| is| are)|(?:write-up|guide|checklist|case study|article|report|deck|one-pager|benchmark|video|recording|post|template|playbook|breakdown|white ?paper|e-?book|study)s?)\b))`,
    String.raw`\b(?:following|after|further to) (?:our|the|today's|yesterday's|this morning's) (?:call|meeting|chat|conversation|demo|visit|site visit)\b[^.?!]{0,80}\b(?:agreed|discussed|covered|next steps?|recap|summary)`,
    String.raw`\bhere(?:'s| is| are) what we (?:agreed|discussed|covered|decided)`,
    String.raw`\b(?:a )?(?:quick |friendly |gentle )?reminder (?:that|about|of) (?:the|our|your|tomorrow's|today's|this week's|next week's) [^.?!]{0,60}\b(?:is|starts|begins|on|at)\b`,
    String.raw`\bI(?:'ll| will) (?:send|share|have|get|bring|call) [^.?!]{1,60}\b(?:by|on|before|tomorrow|today|this|next) (?:\w+day|tomorrow|today|week|morning|afternoon|the \d)`,
  ].join('|'),
  'i',
);
const ASKS: Array<[string, RegExp]> = [
  ['meeting', /\b(?:\d+[- ]?min(?:ute)?s?\s+(?:call|chat|meeting)|(?:block(?:\s+out)?|set\s+aside|carve\s+out|free\s+up|spare)\s+(?:\d+|thirty|forty-five|fifteen|twenty)\s+min(?:ute)?s|for\s+a\s+(?:full\s+|quick\s+|short\s+)?(?:walkthrough|walk-through|demo|call)\b|(?:book|grab|pick|schedule|set\s+up)\s+(?:a\s+|some\s+)?(?:time|call|meeting|slot|demo|\d+\s+min(?:ute)?s?)|(?:on|to|in|into)\s+my\s+(?:calendar|diary)|calendar\s+link|calendly\.com|cal\.com\/|are\s+you\s+(?:free|available)|meet\s+(?:next|this|on)|(?:hop|jump)\s+on\s+a\s+call)\b/i],
  ['link', /(?:https?:\/\/(?!(?:www\.)?(?:calendly\.com|cal\.com|savvycal\.com|meetings\.hubspot\.com)\b)|\bsign\s+up\b|\bregister\b|\bcheck\s+out\b|\blink\s+(?:below|above)\b|\bclick\b|\b(?:watch|read)\s+(?:the|this|our)\s+(?:[\w-]+\s+){0,3}(?:demo|video|case\s+study|article|post|guide|recording)\b|\b(?:fill\s+(?:in|out)|complete|take)\s+(?:the|this|our|a)\s+(?:[\w-]+\s+){0,3}(?:survey|form|questionnaire|quiz|assessment|checklist)\b|\b(?:have|take)\s+a\s+(?:quick\s+)?look\s+at\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,3}(?:on|at)\s+our\s+(?:web)?site\b)/i],
  // "Let me know" or a bare "reply" is how the buyer answers any of the others, not an ask of its own.
  ['reply', /\b(?:reply|respond|write\s+back)\s+with\b/i],
  // Something the buyer has to find and send: "send me the final room list".
  ['send', /\b(?:send|email|share)\s+(?:(?:me|us)\s+(?:over\s+)?|over\s+|across\s+)(?:the|your|a|an|any)\b/i],
  // Papers to sign and return: "can you sign and return the attached terms?".
  ['sign', /\bsign\s+(?:and\s+(?:return|send\s+back)\s+)?(?:the|this|our|your)\s+(?:attached\s+)?(?:[\w-]+\s+)?(?:agreement|contract|terms|order\s+form|proposal|quote|SOW|paperwork)\b/i],
  ['review', /\bleav(?:e|ing)\s+(?:us|me)\s+a\s+(?:[\w-]+\s+)?review\b/i],
  ['forward', /\b(?:forward\s+(?:this|it)|point\s+me\s+to|(?:should|to)\s+(?:copy|cc|loop)\s+in|who(?:'s|\s+is|\s+would\s+be|\s+might\s+be)\s+the\s+(?:right|best)\s+person|loop\s+in|introduce\s+me|(?:someone|somebody)\s+else\s+(?:owns|handles|runs|looks\s+after))\b/i],
  ['call', /\b(?:call\s+me|give\s+me\s+a\s+(?:call|ring)|text\s+me)\b/i],
];

/**
 * Closers that leave the next move to the buyer without naming one ("happy to share more
 * information at your convenience", "feel free to reach out", "looking forward to hearing
 * from you", "if there's any way we can help, let me know", "you know where to find me"). They are not asks: a sentence that is one of them, and asks nothing, is left
 * out before the email is searched for an ask.
 */
const PASSIVE_CLOSE = /\b(?:(?:happy|glad|pleased|delighted|available) to (?:share|provide|send|give|offer|answer|discuss|tell you|go into) (?:you )?(?:more|any|further|additional|some)\b(?: (?:information|info|details?|background|context))?(?! (?:on|about|of) (?:the|your|a|how|what|our)\b)|at your (?:earliest )?convenience|(?:feel free|don'?t hesitate|do not hesitate) to (?:reach out|contact|get in touch|call|email|ask|let me know)|look(?:ing)? forward to (?:hearing|your (?:reply|response|thoughts))|hope to hear from you|(?:let me know|shout|give me a shout) if (?:you (?:ever )?need anything|there(?:'s| is) (?:ever )?anything)|if there(?:'s| is) (?:ever )?(?:anything|any ?way)\b[^.?!]{0,60}?(?:let me know|you know where to find me|just shout|give me a shout)|you know where to find me|(?:we(?:'re| are)|I(?:'m| am)) (?:always |still )?here (?:for you|if you need))\b/i;

const SENTENCE_BREAK = /(?<=[.!?])\s+|\n+/;

/**
 * The email ends by turning to the buyer in words no shape above knows ("Shout if Thursday's delivery
 * suits you better"): one of its last two sentences speaks to them and is not a passive closer. Saying
 * "never asks" takes a close that leaves the next move to no one.
 */
function closesOnTheBuyer(text: string): boolean {
  const sentences = text.split(SENTENCE_BREAK).map((t) => t.trim()).filter((t) => t !== '');
  return sentences.slice(-1).some((t) => /\byou(?:r|rs)?\b/i.test(t) && !PASSIVE_CLOSE.test(t) && !SEEN_OF_THE_BUYER.test(t) && !GUESSED_OF_THE_BUYER.test(t) && (!ABOUT_THE_SENDER.test(t) || /\bif you\b|\byou (?:can|could|might|may)\b/i.test(t)));
}

/** What the rep saw or thinks of the buyer ("Came across your website and loved what you're building"): about them, not to them. */
const SEEN_OF_THE_BUYER = /^\W*(?:I |we )?(?:just |recently )?(?:noticed|saw|spotted|came across|read|heard|loved|love|admire|admired|was impressed)\b/i;

/** What the rep supposes about the buyer ("You must be snowed under", "I imagine you're busy"): a remark, not an ask. */
const GUESSED_OF_THE_BUYER = /^\W*(?:you(?:'re| are)? (?:must|probably|surely)|I (?:imagine|guess|suspect|expect|bet|assume) (?:that )?you)\b/i;

/** A sentence about the sender, the buyer only its object ("We'd be delighted to add you to our list of clients"). */
const ABOUT_THE_SENDER = /^\W*(?:anyway,?\s*|so,?\s*)?(?:I|I'm|I'd|I've|I'll|we|we're|we'd|we've|we'll|our|my)\b/i;

/** The email's text less its passive closers (a sentence with a question mark is kept whole). */
function withoutPassiveClosers(text: string): string {
  return text
    .split(SENTENCE_BREAK)
    .map((s) => (s.includes('?') ? s : s.replace(PASSIVE_CLOSES, ' | ')))
    .join(' ');
}
/**
 * Every passive closer in a sentence, cut out so the rest of it ("I'd welcome a 45-minute visit at your earliest
 * convenience") can still ask; the mark left in its place keeps the words around it apart ("Please [don't hesitate to
 * contact] me at…" is not "Please … me").
 */
const PASSIVE_CLOSES = new RegExp(PASSIVE_CLOSE.source, 'gi');

/** Stages of a sequence where the email exists to get a reply. */
const NEEDS_ASK = new Set(['first-touch', 'follow-up']);
/** Touches meant to give, not ask. */
const VALUE_ONLY = /\b(?:nurture|value[- ]?add|newsletter|announcement|welcome|onboarding|receipt|notice|update)\b/i;

/** The asks as a buyer would name them. */
const ASK_NAMES: Record<string, string> = { meeting: 'a meeting', link: 'a link to click', reply: 'a reply', send: 'something to send you', sign: 'a signature', review: 'a review', forward: 'a referral to someone else', call: 'a call back' };

export const singleClearCtaKind: RuleKind<RegExp> = {
  name: 'single-clear-cta',
  patternOptions: { exemptHeadings: 'i' },
  compile: (rule) => new RegExp(String(rule.options?.exemptHeadings), 'i'),
  check(ctx, exempt) {
    const o = ctx.options;
    const exemptRe = typeof o.exemptHeadings === 'string' && o.exemptHeadings !== ctx.rule.options?.exemptHeadings ? compileUserOption(o.exemptHeadings, 'options/exemptHeadings') : exempt;
    for (const e of emailsInScope(ctx)) {
      if (e.words < (o.minWords as number)) continue;
      if (exemptRe.test(e.path.slice(-MAX_MATCH_INPUT)) || e.contexts.has('ooo')) continue;
      // Warn only on text shaped like an email (subject, greeting or sign-off): prose and prompts under an email heading are not emails.
      if (!e.shaped) continue;
      // Any question gives the buyer something to answer; an offer ("I can walk her through it") or a request is an ask too.
      const asking = withoutPassiveClosers(e.text);
      // A subject that asks ("15 minutes on Thursday?") is the email's ask too.
      const subjectAsks = e.subjects.some((t) => /\?\s*$/.test(t.unit.text.slice(t.a, t.b)));
      const hasAsk = subjectAsks || countQuestions(e.text) > 0 || MODAL_QUESTION.test(e.text) || UNMARKED_QUESTION.test(e.text) || ASK_SHAPES.some((re) => re.test(asking)) || closesOnTheBuyer(e.text);
      // A reply, a thank-you, an introduction or a resource passed along needs no ask of its own.
      if (!hasAsk && (GIVES.test(e.text) || deliversSomething(e.text))) continue;
      // Only a touch of an outreach sequence must ask: a notice, a nurture or value-add note, or a
      // stand-alone template may rightly leave the next move to the buyer.
      if (!hasAsk && (!NEEDS_ASK.has(e.stage) || VALUE_ONLY.test(e.path))) continue;
      if (!hasAsk) {
        const last = e.lines[e.lines.length - 1];
        ctx.report({
          start: e.start,
          end: e.end,
          message: ctx.rule.message,
          fixes: last ? insertFixes(ctx.rule.fixes, endAt(last.turn.unit, last.b - 1), ctx.placeholderStyle, undefined, undefined, { turn: last.turn, model: ctx.model }) : [],
          contexts: e.contexts,
        });
        continue;
      }
      const kinds = ASKS.filter(([, re]) => re.test(e.text)).map(([k]) => k);
      if (kinds.length >= (o.multipleAsks as number)) {
        ctx.report({ start: e.start, end: e.end, severity: 'info', message: fill(o.multipleMessage as string, { asks: listOf(kinds.map((k) => ASK_NAMES[k] ?? k)), count: kinds.length }), metrics: { asks: kinds.length }, contexts: e.contexts });
      }
    }
  },
};
