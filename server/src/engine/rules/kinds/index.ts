import { subjectLineShapeKind } from './subject-line-shape';
import { voicemailEssentialsKind } from './voicemail-essentials';
import { stateReasonForCallKind } from './state-reason-for-call';
import { discoveryOpenQuestionsKind } from './discovery-open-questions';
import { placeholderHygieneKind } from './placeholder-hygiene';
import { inboundResponsivenessCoverageKind } from './inbound-responsiveness-coverage';
import { emailLengthKind } from './email-length';
import type { RuleKind } from './kind';
import type { RuleDefinition } from '../rule-types';
import { phraseKind } from './phrase';
import { questionCountKind } from './question-count';
import { readabilityKind } from './readability';
import { repMonologueLengthKind } from './rep-monologue-length';
import { singleClearCtaKind } from './single-clear-cta';
import { voicemailLengthKind } from './voicemail-length';
import { youFocusRatioKind } from './you-focus-ratio';
import { stalePlaybookKind } from './stale-playbook';
import { unsourcedClaimKind } from './unsourced-claim';
import { talkRatioKind } from './talk-ratio';
import { objectionHandlingKind } from './objection-handling';
import { sequenceTouchesKind } from './sequence-touches';
import { playbookStructureKind } from './playbook-structure';

/** Every rule kind by name. A rule's `kind` must be one of these. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind<any>> = new Map<string, RuleKind<any>>(
  [phraseKind, voicemailLengthKind, repMonologueLengthKind, emailLengthKind, questionCountKind, singleClearCtaKind, youFocusRatioKind, readabilityKind, subjectLineShapeKind, voicemailEssentialsKind, stateReasonForCallKind, discoveryOpenQuestionsKind, placeholderHygieneKind, inboundResponsivenessCoverageKind, stalePlaybookKind, unsourcedClaimKind, talkRatioKind, objectionHandlingKind, sequenceTouchesKind, playbookStructureKind].map((k) => [k.name, k]),
);

/**
 * What `--fix` can do for a rule: `safe fix` (fix-all applies some of its
 * fixes), `rewrite` (quick-fix rewrites to review, never applied in bulk) or `none`.
 */
export function ruleFixability(rule: RuleDefinition): 'safe fix' | 'rewrite' | 'none' {
  const kinds = new Set((rule.fixes ?? []).map((f) => f.kind));
  if (kinds.has('safe') || RULE_KINDS.get(rule.kind)?.safeFixesInCode) return 'safe fix';
  return kinds.size || RULE_KINDS.get(rule.kind)?.rewritesInCode ? 'rewrite' : 'none';
}
