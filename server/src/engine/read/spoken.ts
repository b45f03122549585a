/**
 * Spoken scripts and how long they take to say. Voicemails and rep turns are
 * measured at ~150 words per minute (rules catalog V1); a phone number takes
 * about as long to say as ten words.
 */
import { startAt, endAt, type PlaybookModel, type SectionNode, type Turn } from './model';
import { countWords } from './words';
import { countWrittenNumbers } from './phone-numbers';
import { ANTI_COLUMN } from './voice';

export const DEFAULT_WPM = 150;

export interface Script {
  turns: Turn[];
  section: SectionNode;
  start: number;
  end: number;
  /** The script's words, turns joined by newlines. */
  text: string;
  words: number;
  /** Phone numbers written as digits or a field: each takes about ten words' time to say. */
  phoneNumbers: number;
}

/** " and 2 phone numbers read out": the estimate counts each as about ten words, so a message giving the words says so. */
export function numbersSaid(n: number): string {
  return n === 0 ? '' : ` and ${n === 1 ? 'a phone number' : `${n} phone numbers`} read out`;
}

export function spokenSeconds(words: number, phoneNumbers: number, wpm = DEFAULT_WPM, phoneWords = 10): number {
  return Math.round(((words + (phoneWords - 1) * phoneNumbers) * 60) / wpm);
}


function makeScript(turns: Turn[]): Script {
  const first = turns[0];
  const last = turns[turns.length - 1];
  const text = turns.map((t) => t.unit.text.slice(t.a, t.b)).join('\n');
  const start = startAt(first.unit, first.a) ?? first.unit.start;
  return {
    turns,
    section: first.unit.section,
    start,
    // An empty turn ("Rep:" and nothing after it) ends before it starts: the script is then empty, not reversed.
    end: Math.max(start, endAt(last.unit, last.b - 1) ?? last.unit.end),
    text,
    words: countWords(text),
    phoneNumbers: countWrittenNumbers(text),
  };
}

/**
 * Voicemail scripts: speech in voicemail sections. Each fenced block is one
 * script; otherwise consecutive speech in one section is one script, broken by
 * anything that is not speech (a tip, a heading, the prospect).
 */
export function voicemailScripts(model: PlaybookModel): Script[] {
  const scripts: Script[] = [];
  let group: Turn[] = [];
  const flush = () => {
    if (group.length) scripts.push(makeScript(group));
    group = [];
  };
  let prev: Turn | undefined;
  for (const turn of model.turns) {
    // A cell of a "Not this | Say this" table is one line of wording to compare, not a whole voicemail.
    const isVm = turn.speech && turn.contexts.has('voicemail') && !turn.contexts.has('subject') && !inComparisonTable(turn);
    if (!isVm) {
      flush();
      prev = turn;
      continue;
    }
    const newBlock = prev !== undefined && prev.unit !== turn.unit;
    if (group.length && prev && (prev.unit.section !== turn.unit.section || (newBlock && (turn.unit.kind === 'fence' || prev.unit.kind === 'fence')) || containerOf(prev) !== containerOf(turn))) flush();
    group.push(turn);
    prev = turn;
  }
  flush();
  return scripts;
}

function inComparisonTable(t: Turn): boolean {
  return !!t.unit.table && t.unit.table.headers.some((h) => ANTI_COLUMN.test(h));
}

function containerOf(t: Turn): string {
  return t.unit.kind === 'list-item' ? 'paragraph' : t.unit.kind;
}

const SCRIPT_TAGS = ['opener', 'call-script', 'discovery', 'objection'];

/** Is this turn the rep talking in a live-call script? */
export function isRepCallTurn(turn: Turn): boolean {
  if (!turn.speech || turn.contexts.has('voicemail') || turn.contexts.has('email') || turn.contexts.has('subject')) return false;
  if (!SCRIPT_TAGS.some((t) => turn.contexts.has(t))) return false;
  return turn.role === 'rep' || turn.role === 'structural' || turn.role === 'none' || turn.role === 'positive';
}

/**
 * Rep monologues: consecutive rep turns in a call script until the prospect
 * (or anyone else) speaks, a non-speech line intervenes, or the section ends.
 */
export function repMonologues(model: PlaybookModel): Script[] {
  const out: Script[] = [];
  let group: Turn[] = [];
  const flush = () => {
    if (group.length) out.push(makeScript(group));
    group = [];
  };
  for (const turn of model.turns) {
    if (!isRepCallTurn(turn)) {
      flush();
      continue;
    }
    const prev = group[group.length - 1];
    // A new label starts a new turn only when someone else spoke; "Rep:" twice in a row is one monologue.
    if (prev && prev.unit.section !== turn.unit.section) flush();
    // Steps of a talk track, each its own list item under its own cue ("2. Permission. Say: …", "4. Pitch. Say: …"), are
    // said one at a time, the buyer answering between them.
    else if (prev && prev.unit !== turn.unit && turn.unit.kind === 'list-item' && prev.unit.kind === 'list-item' && turn.role === 'structural' && prev.label !== undefined && turn.label !== undefined && prev.label !== turn.label) flush();
    group.push(turn);
  }
  flush();
  return out;
}

const BUDGET = /(?:[<≤]|under|max(?:imum)?|up to|at most|no more than)?\s*(\d{1,3})\s*(?:-|–|\s)?\s*(?:s|secs?|seconds?)\b(?:\s*max)?/i;

/** A time budget written in a heading on the section's path: "(≤ 25 seconds)", "30-second voicemail", "(20 sec max)". */
export function headingBudget(model: PlaybookModel, section: SectionNode): number | undefined {
  for (let s: SectionNode | undefined = section; s; s = s.parent === null ? undefined : model.sections[s.parent]) {
    const m = s.title ? BUDGET.exec(s.title) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}
