/**
 * state-reason-for-call: a cold-call opener whose first rep turns never say
 * why the rep is calling. A call is an opener section, or a call-script
 * section with no opener under it; its first `firstTurns` rep turns are
 * read for a reason (read/call-reason.ts: a stated purpose, something the
 * buyer did, something the rep saw, a referral, a trigger placeholder, a
 * "Reason:" label). Only openers with an
 * intro (a greeting or the rep's name) are judged: without one it's not a script.
 * Option defaults are declared once, in server/rules/state-reason-for-call.yaml.
 */
import { subtree, type PlaybookModel, type SectionNode, type Turn } from '../../read/model';
import { isRepCallTurn } from '../../read/spoken';
import { isReasonLabel, opensCall, statesReason } from '../../read/call-reason';
import type { RuleKind } from './kind';
import { clearlySpoken, insertFixes, rangeIn } from './units';
import { callDialogues, isConversation } from './playbook-reading';

/** An opening line: a greeting or the rep saying who they are. Without one the text is not a call opener. */
const SKIP = ['voicemail', 'email', 'anti-example', 'process', 'objection', 'ooo'];

function isCallRoot(model: PlaybookModel, s: SectionNode): boolean {
  if (!s.ownTags.includes('opener') && !s.ownTags.includes('call-script')) return false;
  if (SKIP.some((t) => s.tags.includes(t))) return false;
  if (s.ownTags.includes('opener')) return !ancestors(model, s).some((p) => p.ownTags.includes('opener'));
  if (!s.ownTags.includes('call-script')) return false;
  if (ancestors(model, s).some((p) => p.ownTags.includes('call-script') || p.ownTags.includes('opener'))) return false;
  return !subtree(model, s).some((seg) => seg.section !== s && seg.section.ownTags.includes('opener'));
}

function ancestors(model: PlaybookModel, s: SectionNode): SectionNode[] {
  const out: SectionNode[] = [];
  for (let p = s.parent; p !== null; p = model.sections[p].parent) out.push(model.sections[p]);
  return out;
}

export const stateReasonForCallKind: RuleKind<null> = {
  name: 'state-reason-for-call',
  reach: 'document', // a call script's first turns may sit in its subsections
  compile: () => null,
  check(ctx) {
    const model = ctx.model;
    const n = ctx.options.firstTurns as number;
    const roots = model.sections.filter((s) => isCallRoot(model, s));
    // A call read from its content (labelled rep and buyer turns) under a heading that names no call:
    // its turns carry no opener or call-script context, so the scope is the call channel itself.
    const readFromContent = new Set<SectionNode>();
    for (const d of callDialogues(model).filter(isConversation)) {
      const s = d.section;
      if (roots.includes(s) || ancestors(model, s).some((p) => roots.includes(p)) || SKIP.some((t) => s.tags.includes(t))) continue;
      roots.push(s);
      readFromContent.add(s);
    }
    const excluded = ctx.rule.scope.exclude ?? [];
    const inScope = (root: SectionNode, t: Turn) => (readFromContent.has(root) ? t.speech && t.channel === 'call' && !excluded.some((c) => t.contexts.has(c)) : ctx.inScope(t));
    for (const root of roots) {
      const repTurn = readFromContent.has(root) ? (t: Turn) => t.speech && t.channel === 'call' && t.role === 'rep' : isRepCallTurn;
      // Read once per section: a root's versions ask for their children's turns more than once.
      const repTurnsBySection = new Map<SectionNode, Turn[]>();
      const repTurnsOf = (s: SectionNode): Turn[] => {
        let turns = repTurnsBySection.get(s);
        if (!turns) repTurnsBySection.set(s, (turns = subtree(model, s).flatMap((seg) => seg.turns).filter((t) => repTurn(t) && t.role !== 'prospect' && t.unit.kind !== 'list-item' && t.unit.kind !== 'table-cell' && /\S/.test(t.unit.text.slice(t.a, t.b)))));
        return turns;
      };
      /** The first turn of a call opened with the rep's name that never says why the rep called; undefined when it does, or is no such call. */
      const unexplained = (call: SectionNode): Turn | undefined => {
        const turns = repTurnsOf(call).slice(0, n);
        if (turns.length === 0 || !inScope(root, turns[0]) || !clearlySpoken(turns)) return undefined;
        if (!turns.some((t) => opensCall(t.unit.text.slice(t.a, t.b)))) return undefined;
        return turns.some((t) => isReasonLabel(t.label) || statesReason(t.unit.text.slice(t.a, t.b))) ? undefined : turns[0];
      };
      // A call whose opening gives the reason may be the first of several versions side by side ("Version A",
      // "Version B"), each opened with the rep's name: each version is its own call.
      const first = unexplained(root);
      const calls = first ? [first] : versionsOf(model, root, repTurnsOf).map(unexplained);
      for (const turn of calls) {
        if (!turn) continue;
        const r = rangeIn(turn, turn.a, turn.b);
        ctx.report({ ...r, fixes: insertFixes(ctx.rule.fixes, r.end, ctx.placeholderStyle, undefined, undefined, { turn, model }), contexts: turn.contexts });
      }
    }
  },
};

/** A rep turn that opens a call: a greeting or the rep's name first. */
const OPENS_CALL = /^\W*(?:hi|hey|hello|good (?:morning|afternoon|evening)|this is|it's|it is|my name is)\b|^\W*\{\{\s*(?:rep|your|my)[\w.]*\s*\}\}/i;

/**
 * The sections of a call's versions: at the first level below `root` (through single sections) where
 * two or more sections hold the rep's turns, those whose first rep turn opens a call, when two or more do.
 */
function versionsOf(model: PlaybookModel, root: SectionNode, repTurnsOf: (s: SectionNode) => Turn[]): SectionNode[] {
  for (let at = root; ; ) {
    const holding = model.sections.filter((c) => c.parent === at.index && repTurnsOf(c).length > 0);
    if (holding.length === 1) {
      at = holding[0];
      continue;
    }
    const versions = holding.filter((c) => {
      const t = repTurnsOf(c)[0];
      return OPENS_CALL.test(t.unit.text.slice(t.a, t.b));
    });
    return versions.length >= 2 ? versions : [];
  }
}
