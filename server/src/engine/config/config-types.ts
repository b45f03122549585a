/**
 * Configuration as data (never code, so the extension can run in untrusted
 * workspaces). Found in `.playbooklintrc.json`, `.playbooklintrc.yaml` or
 * `.playbooklintrc.yml`, upward from the playbook; the nearest file wins.
 */
import type { RuleDefinition } from '../rules/rule-types';
import type { Severity } from '../types';

/** `"warning"`, `"off"`, or `{ severity, options }` (either key may be left out). */
export type RuleSetting = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface ConfigOverride {
  /** Globs relative to the config file's folder, e.g. `emails/**`. */
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSetting>;
}

export interface PlaybookLintConfig {
  /** `recommended` (default), `strict`, or a path relative to this file. Later entries win. */
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  /** Team rules: phrase rules in the same shape as the built-ins (`server/rules/*.yaml`). */
  customRules?: Array<Partial<RuleDefinition>>;
  overrides?: ConfigOverride[];
  /** Globs (relative to this file's folder) of Markdown files not to lint. */
  ignorePatterns?: string[];
  /**
   * Required parts per playbook type, e.g. `{ "call-script": { "require": ["opener", "next-step"] } }`.
   * Merged into the `playbook-structure` rule's `types` option (a type given here replaces the built-in list).
   */
  structure?: Record<string, { require?: string[] }>;
}

/** What a file is linted with once presets, extends, overrides and front matter are merged. */
export interface EffectiveConfig {
  /** Every rule's final setting: severity or 'off', and options. */
  rules: Record<string, { severity: Severity | 'off'; options: Record<string, unknown> }>;
  customRules: RuleDefinition[];
  /**
   * Set in Restricted Mode (an untrusted workspace): only built-in rules run.
   * The workspace's team rules are not loaded, and a regular-expression option
   * it sets (in a config file or in a playbook's front matter) is ignored.
   * Absent otherwise, so it changes no config's key.
   */
  restricted?: true;
}
