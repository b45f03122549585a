/**
 * rules — rule data (RuleDefinition, the built-in rules compiled from
 * server/rules/*.yaml), rule kinds (kinds/), the rule set compiled per
 * effective config, inline directives and the score.
 *
 * May import: parse, read, fixes, config (types only), ../types; and
 * config/pattern-safety through a lazy require (its own bundle; see
 * kinds/patterns.ts). Imported by: config, lint.ts, index.ts.
 * (Matrix in ARCHITECTURE.md; test/engine/boundaries.test.ts.)
 */
export { BUILTIN_RULES } from './builtin-rules.generated';
export { compileRuleSet, optionTypeMismatch, hashString, type ActiveRule, type RuleSet } from './rule-set';
export { applyDirectives } from './directives';
export { scoreDocument } from './score';
export { RULE_KINDS } from './kinds';
export type { RuleDefinition, RuleExample, RuleSource, FixTemplate, RuleScope } from './rule-types';
