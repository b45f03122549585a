/**
 * Section types, detected from heading words (rules catalog §5.3). Tags
 * accumulate down the heading path: "Break-up voicemail" under "Follow-up
 * sequence" carries voicemail and follow-up. `anti-example` anywhere on the
 * path turns phrase rules off below it.
 */
/** A heading that says its text is not outreach: "Not prospecting: offer note", "Internal". */
export const NOT_OUTREACH = /\bnot (?:prospecting|outreach|sales|customer-facing|for (?:buyers|prospects|customers))\b|\binternal\b/i;

export interface SectionType {
  tag: string;
  /** Matched case-insensitively against the heading text. */
  pattern: RegExp;
  /** Customer-facing: unlabelled text in it is speech or writing meant for the buyer. */
  customerFacing: boolean;
}

export const SECTION_TYPES: readonly SectionType[] = [
  { tag: 'anti-example', customerFacing: false, pattern: /\b(?:(?:what |questions? )?not to (?:say|write|do|ask|use)|never (?:ask|use)|don'?t say|do not say|phrases? to avoid|words? to avoid|avoid(?:ing)?|never say|bad examples?|anti-?patterns?|common mistakes|mistakes|pitfalls|(?<![a-z0-9] )before(?=\s*(?:$|[:(—–/&-]|and after\b|vs\b))|weak (?:openers?|examples?|versions?)|don'?ts|red flags|(?:phrases?|lines?|words?|openers?|subject lines?|clich[eé]s?) (?:that|which) (?:kill|hurt|ruin|tank|sink|cost|lose|get (?:you )?ignored)|(?:banned|retired|overused|tired) (?:phrases?|lines?|words?|openers?)|rejected(?: (?:outputs?|drafts?|versions?|examples?|e-?mails?))?|(?:do not|don'?t) (?:imitate|copy|use|send)|retired(?= *[)(—–:,-]| *$))\b/i },
  { tag: 'opener', customerFacing: true, pattern: /\b(?:open(?:er|ers|ing)|intro(?:duction)?s?|first \d+ seconds|hook|permission)\b/i },
  { tag: 'call-script', customerFacing: true, pattern: /\b(?:cold[- ]?call(?:ing)?|calls?|call scripts?|scripts?|talk tracks?|phone|dial(?:s|ing)?|pitch(?:es)?|demo scripts?|closing|close|next steps|role-?play|conversation)\b/i },
  { tag: 'discovery', customerFacing: true, pattern: /\b(?:discovery|qualif\w*|questions?|spin|meddicc?|bant|gap analysis)\b/i },
  { tag: 'objection', customerFacing: true, pattern: /\b(?:objections?|rebuttals?|push[- ]?back|concerns?)\b/i },
  { tag: 'voicemail', customerFacing: true, pattern: /\b(?:voice-?mails?|vms?|voice notes?|voice messages?|message drops?|leaving a message)\b/i },
  { tag: 'email', customerFacing: true, pattern: /\b(?:e-?mails?|templates?|inmails?|sequence steps?|touch \d+|email \d+|day \d+|subject lines?|linkedin (?:connection )?(?:messages?|notes?|requests?|inmails?|dms?)|linkedin(?! (?:profiles?|posts?|pages?|ads?|groups?|learning|strategy|tips|research|search|navigator))|connection (?:notes?|requests?)|messages?)\b/i },
  // A text message (SMS, WhatsApp, a DM): short by nature, so email measures do not apply (its heading may also say "Day 5").
  { tag: 'sms', customerFacing: true, pattern: /^\W*texts?\W*$|\b(?:sms|texts? (?:messages? )?#?\d+|text messages?|texting|texts? (?:templates?|scripts?|cadences?|follow-?ups?|sequences?|replies|reminders?)|whats-?app|imessages?|(?:instagram|insta|ig|facebook|fb|twitter|x) (?:dms?|messages?)|dms?|direct messages?)\b/i },
  { tag: 'follow-up', customerFacing: true, pattern: /\b(?:follow[- ]?ups?|nudges?|bumps?|break-?ups?|no response|gone dark|going dark|ghost\w*|re-?engag\w*|closing the loop)\b/i },
  { tag: 're-engagement', customerFacing: true, pattern: /\b(?:re-?engag\w*|dead silence|gone dark|going dark|stalled|repair)\b/i },
  { tag: 'customer-proactive', customerFacing: true, pattern: /\b(?:proactive|account reviews?|qbrs?|customer check-?ins?|renewals?|existing customers?)\b/i },
  // After a real conversation: "as we discussed" is the truth here. Not customer-facing on its own ("Summary" of a coaching page).
  { tag: 'recap', customerFacing: false, pattern: /\b(?:recaps?|post-(?:call|demo|meeting|discovery)|after (?:the|a|our|your) (?:call|demo|meeting|discovery)|proposal|thank[- ]you (?:e-?mail|note)s?)\b/i },
  { tag: 'ooo', customerFacing: true, pattern: /\b(?:out[- ]of[- ]office|auto-?(?:reply|replies|responders?)|away messages?)\b/i },
  { tag: 'process', customerFacing: false, pattern: new RegExp(String.raw`${NOT_OUTREACH.source}|\b(?:cadence|(?<!paper[- ]|buying |sales |approval |procurement |purchasing )process(?! (?:chemicals?|chemistry|automation|equipment|engineering|control|industr(?:y|ies)|manufacturing|water|safety|plants?|heat(?:ing)?|cooling|gas(?:es)?|instruments?|piping|pumps?|valves?|lines?)\b)|timing|schedule|sla|metrics|kpis?|rules|principles|philosophy|why(?! (?:I|we)(?:'m| am|'re| are)? (?:call|ring|phon|reach|writ|email))|overview|research|stats?|statistics|checklist|tips|guidelines?|best practices|(?<!(?:connection|thank[- ]you|linkedin|intro|introduction|follow[- ]?up|handwritten|personal|cover|voice|welcome|referral) )notes?|coaching|training|faq|(?:quality|self|gut|sanity|pre-?send|final) ?-?checks?)\b`, 'i') },
];

const CUSTOMER_FACING = new Set(SECTION_TYPES.filter((t) => t.customerFacing).map((t) => t.tag));
export const KNOWN_SECTION_TAGS: readonly string[] = [...SECTION_TYPES.map((t) => t.tag), 'guidance'];

/** Front matter `type` → the tag given to the whole document. */
export const DOCUMENT_TYPE_TAGS: Readonly<Record<string, string>> = {
  'call-script': 'call-script',
  'email-sequence': 'email',
  email: 'email',
  voicemail: 'voicemail',
  'follow-up': 'follow-up',
  'objection-handling': 'objection',
};

/** Topics of qualifying frameworks (BANT, MEDDIC(C), SPIN), by which objection and discovery banks file their entries; "Buying process" there is the buyer's. */
export const QUALIFYING_TOPICS = String.raw`budget|authority|needs?|timeline|timing|metrics|economic buyer|decision criteria|(?:decision|paper|buying|purchasing|procurement|approval|sign-?off|evaluation|selection) process|identify pain|pain|champion|competition|situation|problem|implication|need[- ]payoff`;
const TOPIC_WORDS = new RegExp(String.raw`\b(?:${QUALIFYING_TOPICS})\b`, 'gi');
/**
 * Banks of the rep's words, filed by topic: "Loyalty and timing" under an objection bank holds timing
 * objections, not a schedule; and a page may hold one of each, where a subheading naming one leaves the other behind.
 */
export const BANK_TAGS = ['objection', 'discovery'];

/** The tags a heading's own words give it; in an objection or discovery bank, a topic word ("timing", "metrics") is the topic, not a process page. */
export function tagsForHeading(heading: string, parentTags: readonly string[] = []): string[] {
  let tags = SECTION_TYPES.filter((t) => t.pattern.test(heading)).map((t) => t.tag);
  // "Voicemail script", "Voicemail D: full intro": the words name the voicemail's parts, not a live call or its opener.
  if (tags.includes('voicemail')) tags = tags.filter((t) => t !== 'call-script' && t !== 'opener');
  if (!tags.includes('process') || ![...parentTags, ...tags].some((t) => BANK_TAGS.includes(t))) return tags;
  const withoutTopics = heading.replace(TOPIC_WORDS, ' ');
  return SECTION_TYPES.find((t) => t.tag === 'process')!.pattern.test(withoutTopics) ? tags : tags.filter((t) => t !== 'process');
}

/**
 * Whether unlabelled text under a heading is meant for the buyer. The heading's
 * own words decide ("Follow-up cadence" is process, "Day 3 email" a template);
 * a heading with no known words inherits its parent's answer.
 */
export function isCustomerFacingHeading(ownTags: readonly string[], parent: boolean): boolean {
  if (ownTags.includes('anti-example') || ownTags.includes('process')) return false;
  if (ownTags.some((t) => CUSTOMER_FACING.has(t))) return true;
  return parent;
}
