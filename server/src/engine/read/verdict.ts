/**
 * Explicit markers of whose words a turn is (a speaker label, a heading, a
 * header line): they win over the scored evidence of voice.ts.
 */
import type { Turn } from './model';
import type { Voice } from './voice';

export function explicit(turn: Turn, voice: Voice, cue: string): void {
  turn.voice = voice;
  turn.evidence.push({ cue, weight: voice === 'rep' ? Infinity : -Infinity });
}

/** Sets a turn's voice from an explicit marker after it was read: it is no longer speech to the buyer. */
export function overrule(turn: Turn, voice: Voice, cue: string): void {
  turn.speech = false;
  turn.channel = 'none';
  turn.contexts.delete('rep');
  turn.evidence = [];
  explicit(turn, voice, cue);
}
