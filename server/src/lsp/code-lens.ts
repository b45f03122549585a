/** Code lenses: spoken durations above voicemail scripts and long rep turns; rule measurements (talk ratio, objections covered) above their sections; a note when nothing was read. */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Annotation, SpokenEstimate } from '../engine';
import { offsetsToRange } from './conversions';

/** Shorter rep turns are quick replies: a duration above each would be noise. */
export const MIN_REP_TURN_WORDS = 20;

export function spokenToCodeLenses(doc: TextDocument, spoken: readonly SpokenEstimate[]): CodeLens[] {
  return spoken
    .filter((s) => s.kind === 'voicemail' || s.words >= MIN_REP_TURN_WORDS)
    .map((s) => ({
      range: offsetsToRange(doc, s.start, s.end),
      // An empty command id renders the title as plain text: the lens informs, it does nothing.
      command: { title: spokenLabel(s), command: '' },
    }));
}

export function spokenLabel(s: SpokenEstimate): string {
  const label = `≈ ${Math.round(s.seconds)} s spoken`;
  return s.budget !== undefined ? `${label} · aim for ≤ ${s.budget} s` : label;
}

/** One lens on the first line when nothing in the file was read as words to a buyer. */
export function noticeLenses(doc: TextDocument, notice: string | undefined): CodeLens[] {
  if (!notice) return [];
  return [{ range: offsetsToRange(doc, 0, 0), command: { title: `Playbook Lint: ${notice.replace(/`/g, '')}`, command: '' } }];
}

export function annotationsToCodeLenses(doc: TextDocument, annotations: readonly Annotation[]): CodeLens[] {
  return annotations.map((a) => ({ range: offsetsToRange(doc, a.start, a.end), command: { title: a.title, command: '' } }));
}
