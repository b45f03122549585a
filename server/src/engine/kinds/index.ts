import type { RuleKind } from './kind';
import { phraseKind } from './phrase';
import { repMonologueLengthKind } from './rep-monologue-length';
import { voicemailLengthKind } from './voicemail-length';

/** Every rule kind by name. A rule's `kind` must be one of these. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind<any>> = new Map<string, RuleKind<any>>(
  [phraseKind, voicemailLengthKind, repMonologueLengthKind].map((k) => [k.name, k]),
);
