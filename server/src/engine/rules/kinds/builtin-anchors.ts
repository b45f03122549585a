/**
 * The anchor groups (phrase-anchors.ts) of a built-in phrase rule's patterns,
 * read from the generated rules module: scripts/generate-rules.mjs computes
 * them at build time, where deriving them in every language server and CLI
 * worker took 50–120 ms of start-up. A rule whose pattern lists are not the
 * generated ones (a test's variant) gets them computed as before.
 */
import { BUILTIN_RULES, PHRASE_ANCHOR_GROUPS } from '../builtin-rules.generated';
import type { RuleDefinition } from '../rule-types';
import { anchorGroupsOf } from './phrase-anchors';

const generatedRules = new Map(BUILTIN_RULES.map((r) => [r.id, r]));

/** `sources.map(anchorGroupsOf)` for a built-in rule whose patterns and hint patterns are `sources`, in that order. */
export function builtinAnchorGroups(rule: RuleDefinition, sources: readonly string[]): Array<string[][] | undefined> {
  const generated = generatedRules.get(rule.id);
  const groups = PHRASE_ANCHOR_GROUPS[rule.id];
  // The same arrays (BUILTIN_RULES copies each rule shallowly), so the same sources.
  if (generated && groups && generated.patterns === rule.patterns && generated.options?.hintPatterns === rule.options?.hintPatterns && groups.length === sources.length) {
    return groups.map((g) => g ?? undefined);
  }
  return sources.map(anchorGroupsOf);
}
