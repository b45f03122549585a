/**
 * Evidence about who is speaking to whom, read from the words of one piece of
 * text (PLAYBOOK-ANATOMY.md §3). Each cue carries a weight: positive points to
 * a rep writing or speaking to a buyer, negative to guidance (coaching prose,
 * instructions to the rep, internal process). `voice.ts` adds the cues from
 * the block's shape, its section and its neighbours and decides.
 *
 * Weights are set by hand against the labelled set (`npm run eval`), one scale
 * for all cues: 2 is "on its own enough to read as a message", 1 a hint.
 */

export interface Cue {
  /** Plain words for `--explain`, e.g. "greeting line". */
  cue: string;
  weight: number;
}

/** A title before the buyer's name in a greeting: "Hi Dr. Okafor,". */
export const HONORIFIC = String.raw`(?:Dr|Mr|Mrs|Ms|Mx|Prof)`;
/** The words a greeting starts with, in every register ("Dear", "Hiya", "Morning"). */
export const GREETING_WORD = String.raw`(?:hi|hiya|hello|hey|heya|howdy|g['’]?day|dear|good (?:morning|afternoon|evening|day)|greetings|morning)`;
/** "Hi {{first_name}},", "Hey Sam —", "Dear Ms Ortiz,", "Hi Dr. Okafor," — alone on its line. */
export const GREETING_LINE = new RegExp(String.raw`^\s*${GREETING_WORD}\b(?:\s+${HONORIFIC}\.)?[^.!?\n]{0,40}[,!:—–-]?\s*$`, 'i');
/**
 * A greeting that opens a line and carries on ("Hi Dana, just checking in…"), or thanks said to someone by
 * name ("Thanks for connecting, Dr. Amani!"): either way the line speaks to a person.
 */
export const GREETING_START = new RegExp(String.raw`^\s*(?:hi|hiya|hello|hey|heya|howdy|g['’]?day|dear|morning|(?:thanks|thank you|many thanks)(?: so much| again)?(?: for [^,.!?\n]{1,60}?)?,)\s+(?:${HONORIFIC}\.?\s+)?(?:\{\{[^}]{1,40}\}\}|\[[^\]]{1,30}\]|\{[\w.]{1,30}\}|<[^>]{1,30}>|\p{Lu}[\p{L}'-]{1,20}|there|team|all|everyone|folks)\s*[,!—–-]|^\s*(?:hiya|hey|heya|howdy|g['’]?day)\s*[,!]\s+\S`, 'iu');
/** A salutation that is only the buyer's name: "Dana —", "Ms Ortiz,", "{{first_name}},". An email only when a sign-off closes it. */
export const NAME_SALUTATION = /^\s*(?:\{\{\s*[\w.]*(?:first|name)[\w.]*\s*\}\}|\[(?:first ?name|name)\]|(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?\p{Lu}[\p{Ll}'’-]{1,20}(?:\s\p{Lu}[\p{Ll}'’-]{1,20})?)\s*[,—–-]\s*$/u;
/** "Best,", "Thanks,", "— Dana", "Cheers, {{sender}}". */
export const SIGN_OFF_LINE = /^\s*(?:best(?: regards| wishes)?|thanks(?: again| so much| in advance)?|thank you|cheers|regards|kind regards|warm regards|many thanks|talk soon|sincerely|all the best|speak soon|warmly|yours(?: truly)?|—|--)\s*[,.!]?\s*(?:\S.{0,40})?$/i;
/** `Subject:`, `Subject line:`, `Re:`, `Fwd:` opening a line. */
export const SUBJECT_LINE = /^\s*(?:subject(?: line)?|subj|re|fwd?)\s*:/i;

const MERGE_FIELD = /\{\{[^}]{1,40}\}\}|\*\|[A-Z0-9_]{1,30}\|\*|\{(?:first_?name|company|name|sender|rep|title|role|account)[\w.]*\}/i;
/** The addressee named by a merge field between commas: "Apologies for the random request, {{first_name}}, I know…". */
const MERGE_FIELD_VOCATIVE = /,\s*(?:\{\{\s*[\w.]*name[\w.]*\s*\}\}|\[(?:first ?name|name)\]|\{[\w.]*name[\w.]*\})\s*[,.!?—–-]/i;
const SLOT = /\[(?:first name|name|company|prospect|your name|their|specific|insert|x|trigger|pain|result|metric|date|day|time)[^\]]{0,40}\]/i;
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|I'll|we|we're|we've|our|us|my|me)\b/;
const SECOND_PERSON = /\b(?:you|your|you're|you've|you'd|yours)\b/i;

/** An instruction to the reader (the rep) at the start of a sentence. */
const IMPERATIVE_VERBS = String.raw`leverage|utili[sz]e|use|ask (?:the|them|about|for|what|how|why|who|if they|open)|review|make sure|ensure|schedule|log|identify|prepare|consider|avoid|remember|focus on|document|determine|research|listen(?: for)?|start by|try to|be sure|note that|open with|lead with|close with|end with|personali[sz]e|customi[sz]e|replace|swap|fill in|record|track|tag|assign|escalate|prioriti[sz]e|qualify|map|align|watch for|pay attention|aim for|keep it|limit|treat|frame|position|highlight|emphasi[sz]e|acknowledge|handle|explain|pause|mention|reference|include|add|write|draft|reach out|set expectations|tailor|update the|send (?:the|a|them|it|your) (?:\w+ )?(?:email|recap|follow-?up|invite|proposal|deck|summary|note)`;
const IMPERATIVE = new RegExp(String.raw`^(?:\d+[.)]\s*|[-*+]\s*)?(?:(?:always|never|don'?t|do not) )?(?:${IMPERATIVE_VERBS})\b`, 'i');
/** "If this line of questioning reveals a gap, position …": an instruction that waits on a condition ("If you'd like, book …" speaks to the buyer). */
const CONDITIONAL_IMPERATIVE = new RegExp(String.raw`^(?:if|when|once|where) (?![^,.?!]*\byou)[^,.?!]{3,160}, (?:then )?(?:(?:always|never|don'?t|do not) )?(?:${IMPERATIVE_VERBS})\b`, 'i');
/** A list item that points to a resource ("[Epics](…) - Organize and plan …"): a note for the rep. */
const RESOURCE_NOTE = /^(?:\uFFFC|\[[^\]]{1,80}\]\([^)]*\))\s*[-–—:]\s/;
/** Reps, prospects and customers talked about in the third person ("your buyers" is READER_YOU's: one phrase, one cue). */
const THIRD_PERSON_ROLE = /\b(?:the|a|an|each|every|their) (?:prospect|buyer|champion|economic buyer|rep|sales rep|AE|SDR|BDR|SA|CSM|account executive|solutions? architect|seller|salesperson|new hire)s?\b|\bthe (?:customer|lead|contact|recipient|decision[- ]maker|organi[sz]ation|client)\b|\b(?:prospects|reps|sellers|SDRs|BDRs|AEs|CSMs|salespeople|(?:sales|area|regional|account|frontline|first-line|district) managers)\b/i;
/** The seller's side of the deal, as a playbook names it. */
const SELLER_SIDE = /\b(?:prospects?|reps?|sales reps?|sellers?|salespeople|salesperson|SDRs?|BDRs?|AEs?|account executives?|economic buyers?|champions?)\b/i;
/** "Are you the decision maker?", "I'm the account executive": a role said of the speaker or the listener. */
const SELF_ROLE = /\b(?:are you|you(?:'re| are)|I(?:'m| am)|we(?:'re| are)) (?:the|a|an|your|our) /gi;
/**
 * Words of internal process: how the team works, not what the buyer reads. "The email" and "the call"
 * name a template or a step, but not in "the email I sent" (the rep's own message) or "make the call" (decide).
 */
const PROCESS = /\b(?:cadence|pipeline|crm|salesforce|hubspot|outreach\.io|salesloft|gong|sla|quota|onboarding|1:1|one-on-one|stand-?up|okrs?|kpis?|handbook|slack|jira|issue tracker|merge request|pull request|ramp(?:ing)? plan|comp plan|territory|opportunity stage|stage \d|sfdc|dashboard|workflow|playbook|enablement|lead scoring|mql|sql|forecast|deal desk|quarter(?:ly)? business|this page|this section|this document|this guide|this template|this objection|the template|the script|the email(?! (?:I|we)\b)|(?<!\b(?:make|makes|making|made) )the call|the following|below|above)\b/i;
/** "You" meaning the rep reading the playbook. */
const READER_YOU = /\b(?:you should|you'll want to|you will want to|you can use|you may want|you need to|you must|you might want|make sure you|your (?:manager|quota|pipeline|territory|prospects?|buyers?|leads?|crm|script|cadence|sequence|template|pitch|reps?|champions?|economic buyers?|ebs?|metrics|deals?|opportunit(?:y|ies)|forecast|business case|close plan|mutual (?:action|success) plan|decision criteria|paper process|account plan)\b|if you(?:'re| are) (?:a|the|an) (?:rep|sdr|bdr|ae|seller|manager)|when you (?:reach out|call them|email them|follow up|hear back|speak to|talk to) )/i;
/** Prompts written for an AI assistant. */
const PROMPT = /^(?:please )?(?:create|generate|write|draft|compose|craft|produce|rewrite|analy[sz]e|summari[sz]e|brainstorm|extract|classify|act as|give me|help me (?:write|draft)|turn (?:this|these|the)|convert) (?:a|an|the|my|this|these|every|all|each|\d+|\[)|^(?:from|using|based on) (?:this|these|the (?:following|above|attached)) (?:transcripts?|calls?|notes|emails?|threads?|text|data|documents?)\b|\b(?:you are (?:a|an) (?:\w+ ){0,3}(?:assistant|expert|copywriter|agent|ai)|(?:the )?user(?:'s)? (?:asks?|wants|provides?|input|request)|output (?:format|only|the)|respond with|return (?:a|the|only) |generate (?:a|an|the)|write (?:a|an|the|one|two|three|\d+) (?:[\w-]+ ){0,3}(?:e-?mails?|messages?|follow-?ups?|subject(?: lines?)?|scripts?|sequences?)\b|^you are helping (?:a|an|the|our|my) |in json|\bllm\b|\bprompt\b|\bskill\b|^you (?:will )?(?:write|draft|compose|are writing|are drafting) (?:[\w-]+ ){0,4}(?:e-?mails?|messages?|replies|subject lines?|follow-?ups?|scripts?|sequences?)\b|^your (?:job|task|role) is to (?:write|draft|compose))/i;
/** Changelogs, release notes, meeting notes. */
const NOTES_SHAPE = /^(?:\d{4}-\d{2}-\d{2}\b|v?\d+\.\d+(?:\.\d+)?\b|(?:attendees|agenda|action items?|decisions?|owner|dri|due|status|added|changed|fixed|removed|deprecated)\s*:)/i;

/**
 * An action item of meeting notes: a person, then what they are to do ("Marco to check in with the Tempe HOA
 * board", "Aoife and Kyle to follow up with SEAI"). Capitalised words that often start a sentence before "to"
 * ("Happy to help", "Great to meet you") are not names.
 */
const ACTION_ITEM = /^(\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:and|&)\s+\p{Lu}[\p{Ll}'’-]+)?\s+to\s+(?!(?:be|the|you|your|me|us)\b)\p{Ll}+\b/u;
const NOT_NAMES = new Set('happy glad great good nice lovely keen pleased delighted thrilled excited want wanted need going ready time how where what when thanks thank welcome back up due next hard easy sorry able quick just worth free best better remember try trying hoping writing calling reaching looking here had have has is was used nothing everything something anything nobody someone everyone listen careful important hope reply respond prefer rather said seems seem plan planning easier faster cheaper only also still so and or but not yes no ok okay'.split(' '));

function isActionItem(text: string): boolean {
  const m = ACTION_ITEM.exec(text);
  return m !== null && !NOT_NAMES.has(m[1].toLowerCase());
}

/** The text itself is shaped as a message: it opens with a greeting or holds a merge field. */
export function hasMessageShape(text: string): boolean {
  const firstLine = text.trim().split('\n', 1)[0];
  return GREETING_LINE.test(firstLine) || GREETING_START.test(firstLine) || MERGE_FIELD.test(text);
}

/** A short line that only leads in to what follows ("On the day before time off:"): a label of the page, not a message. */
const LEAD_IN = /^[^.!?\n]{1,80}:$/;

/**
 * Cues in the text of one unlabelled piece of text (a paragraph, item, cell or
 * quote). Inside an email written out from greeting to sign-off, the words of
 * a team's process (onboarding, dashboard, pipeline) are words buyers hear too.
 */
export function textCues(text: string, inEmail = false): Cue[] {
  const cues: Cue[] = [];
  const trimmed = text.trim();
  const firstLine = trimmed.split('\n', 1)[0];
  if (GREETING_LINE.test(firstLine) || GREETING_START.test(firstLine)) cues.push({ cue: 'opens with a greeting', weight: 3 });
  if (MERGE_FIELD.test(text)) cues.push({ cue: 'merge field', weight: 1.5 });
  else if (SLOT.test(text)) cues.push({ cue: 'slot to fill', weight: 1 });
  const you = SECOND_PERSON.test(text);
  const readerYou = READER_YOU.test(text);
  if (you && FIRST_PERSON.test(text) && !readerYou) cues.push({ cue: '“I/we” talking to “you”', weight: 1 });
  if (IMPERATIVE.test(trimmed) || CONDITIONAL_IMPERATIVE.test(trimmed)) cues.push({ cue: 'instruction to the rep', weight: -3 });
  if (RESOURCE_NOTE.test(trimmed)) cues.push({ cue: 'points to a resource', weight: -2 });
  // Between a greeting and a sign-off "you" is first the addressee ("your buyers" of a customer's own firm),
  // and the people named are first the addressee's ("Do you want to add Arabic for the new hires?"), unless
  // they are the seller's side (reps, prospects): no rep writes about those to a buyer.
  const roles = stripQuotes(text).replace(SELF_ROLE, '');
  if (THIRD_PERSON_ROLE.test(roles)) cues.push({ cue: 'talks about reps or buyers', weight: inEmail && !SELLER_SIDE.test(roles) ? -1 : -2.5 });
  // So is a "you" next to the reader's name in a merge field ("Apologies, {{first_name}}, I know you must…").
  if (readerYou) cues.push({ cue: '“you” is the rep', weight: inEmail || MERGE_FIELD_VOCATIVE.test(text) ? -1 : -2 });
  // A question's process words are the listener's process ("How do you measure onboarding?"), not the team's.
  const asks = /\?\s*$/.test(trimmed) && !trimmed.includes('\n');
  if (!inEmail && !asks && PROCESS.test(stripQuotes(text))) cues.push({ cue: 'process words', weight: -1.5 });
  if (PROMPT.test(trimmed.replace(/^["“'‘*_]+/, ''))) cues.push({ cue: 'instructions to an assistant', weight: -3 });
  if (NOTES_SHAPE.test(trimmed)) cues.push({ cue: 'notes or changelog line', weight: -2 });
  else if (!inEmail && isActionItem(trimmed)) cues.push({ cue: 'an action item for someone on the team', weight: -2 });
  if (!inEmail && LEAD_IN.test(trimmed)) cues.push({ cue: 'a lead-in to what follows', weight: -2 });
  return cues;
}

/**
 * A step of a cadence that tells the rep what to do ("Email 2: send the case study", "Voicemail: leave your number
 * twice"), not the message itself. "Call me back on…" or "Send me a time" is the message: it asks the buyer.
 */
const STEP_VERB = /^(?:send|leave|share|attach|connect|wait|skip|log|drop|book|follow up with|reply|forward|copy|cc|bcc|loop in|set)\b(?! (?:me|us)\b)/i;
export function isInstructionToRep(text: string): boolean {
  const trimmed = text.trim();
  return IMPERATIVE.test(trimmed) || CONDITIONAL_IMPERATIVE.test(trimmed) || STEP_VERB.test(trimmed);
}

/** Quoted words are what someone says; the prose around them is what the writer says. */
export function stripQuotes(text: string): string {
  return text.replace(/["“][^"“”]{1,400}["”]/g, '""');
}

/** Text written as instructions to an AI assistant. */
export function isPrompt(text: string): boolean {
  return PROMPT.test(text.trim());
}

export function isGreetingLine(line: string): boolean {
  return GREETING_LINE.test(line);
}

export function isSignOffLine(line: string): boolean {
  return SIGN_OFF_LINE.test(line) && line.trim().split(/\s+/).length <= 6;
}
