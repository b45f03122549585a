import { emailLengthKind } from './email-length';
import type { RuleKind } from './kind';
import { phraseKind } from './phrase';
import { questionCountKind } from './question-count';
import { readabilityKind } from './readability';
import { repMonologueLengthKind } from './rep-monologue-length';
import { singleClearCtaKind } from './single-clear-cta';
import { voicemailLengthKind } from './voicemail-length';
import { youFocusRatioKind } from './you-focus-ratio';

/** Every rule kind by name. A rule's `kind` must be one of these. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind<any>> = new Map<string, RuleKind<any>>(
  [phraseKind, voicemailLengthKind, repMonologueLengthKind, emailLengthKind, questionCountKind, singleClearCtaKind, youFocusRatioKind, readabilityKind].map((k) => [k.name, k]),
);
