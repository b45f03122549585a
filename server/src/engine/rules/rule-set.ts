/**
 * A rule set is the rules a file is linted with, compiled once per distinct
 * effective config and cached by the config's full content key (configKey),
 * so a keystroke never recompiles patterns and two configs never share rules.
 */
import { RULE_KINDS } from './kinds';
import { compileUserOption } from './kinds/patterns';
import type { RuleKind } from './kinds/kind';
import type { EffectiveConfig } from '../config/config-types';
import { configKey } from '../config/config-key';
import type { RuleDefinition } from './rule-types';
import type { ConfigError, Severity } from '../types';

export interface ActiveRule {
  rule: RuleDefinition;
  kind: RuleKind<unknown>;
  compiled: unknown;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface RuleSet {
  rules: ActiveRule[];
  errors: ConfigError[];
  /**
   * The rule set's identity, for caches keyed by config: a short id, unique
   * to one effective config's full content key (never shared by two configs).
   */
  hash: string;
}

const cache = new Map<string, RuleSet>();
let nextId = 0;

export function compileRuleSet(builtins: readonly RuleDefinition[], config: EffectiveConfig, configFile = '<config>'): RuleSet {
  const key = configKey(config);
  const hit = cache.get(key);
  if (hit) return hit;
  const errors: ConfigError[] = [];
  const byId = new Map<string, RuleDefinition>();
  for (const r of builtins) byId.set(r.id, r);
  config.customRules.forEach((r, i) => {
    const defaults: Partial<RuleDefinition> = { kind: 'phrase', severity: 'warning', rationale: '', sources: [], scope: { contexts: ['rep', 'email', 'voicemail', 'subject'] } };
    const rule = { ...defaults, ...r, origin: r.origin ?? configFile } as RuleDefinition;
    if (!rule.id || typeof rule.message !== 'string') {
      errors.push({ file: configFile, key: `customRules/${i}`, message: `customRules/${i}: a team rule needs an "id" and a "message"; it is skipped.` });
      return;
    }
    if (byId.has(rule.id) && byId.get(rule.id)!.origin !== rule.origin && builtins.some((b) => b.id === rule.id)) {
      errors.push({ file: configFile, key: `customRules/${i}/id`, message: `customRules/${i}/id: "${rule.id}" is a built-in rule id; choose another id (e.g. "team/${rule.id}").` });
      return;
    }
    byId.set(rule.id, rule);
  });
  for (const id of Object.keys(config.rules)) {
    if (!byId.has(id)) errors.push({ file: configFile, key: `rules/${id}`, message: `rules/${id}: there is no rule "${id}"; run \`playbook-lint --list-rules\` for the ids.` });
  }
  const rules: ActiveRule[] = [];
  for (const rule of byId.values()) {
    const setting = config.rules[rule.id];
    const severity = setting?.severity ?? rule.severity;
    if (severity === 'off') continue;
    const kind = RULE_KINDS.get(rule.kind);
    const key = rule.origin && rule.origin !== 'builtin' ? `customRules/${config.customRules.findIndex((c) => c.id === rule.id)}` : `rules/${rule.id}`;
    if (!kind) {
      errors.push({ file: configFile, key: `${key}/kind`, message: `${key}/kind: unknown rule kind "${rule.kind}"; team rules use "phrase".` });
      continue;
    }
    const unknown = Object.keys(setting?.options ?? {}).filter((o) => !(o in (rule.options ?? {})));
    if (unknown.length) {
      const known = Object.keys(rule.options ?? {});
      errors.push({
        file: configFile,
        key: `rules/${rule.id}/options/${unknown[0]}`,
        message: `rules/${rule.id}/options: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((o) => `"${o}"`).join(', ')}; ${known.length ? `${rule.id} takes ${known.map((o) => `"${o}"`).join(', ')}` : `${rule.id} takes no options`}.`,
      });
    }
    const options: Record<string, unknown> = { ...(rule.options ?? {}) };
    for (const [name, value] of Object.entries(setting?.options ?? {})) {
      if (!(name in options)) continue;
      const wrong = optionTypeMismatch(options[name], value);
      if (wrong) errors.push({ file: configFile, key: `rules/${rule.id}/options/${name}`, message: `rules/${rule.id}/options/${name}: ${wrong}; the default ${JSON.stringify(options[name])} is used.` });
      else options[name] = value;
    }
    try {
      for (const name of Object.keys(kind.patternOptions ?? {})) {
        if (setting?.options && name in setting.options && options[name] === setting.options[name]) compileUserOption(setting.options[name], `options/${name}`);
      }
      const compiled = kind.compile(rule);
      rules.push({ rule, kind, compiled, severity, options });
    } catch (e) {
      const msg = (e as Error).message;
      const sub = /^((?:patterns|unless|options\/hintPatterns)\/\d+|options\/[\w-]+): /.exec(msg);
      errors.push({ file: configFile, key: sub ? `${key}/${sub[1]}` : key, message: `${key}/${msg}. The rule is skipped.` });
    }
  }
  const set = { rules, errors, hash: `rule-set-${nextId++}` };
  if (cache.size > 64) cache.clear();
  cache.set(key, set);
  return set;
}

/**
 * Options are typed by their default in the rule file: a user's value must be
 * of the same type (a number, text, true/false, a list of words, or a map of
 * messages). Returns what is wrong in plain words, or undefined.
 */
export function optionTypeMismatch(fallback: unknown, value: unknown): string | undefined {
  const type = (v: unknown) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v === 'object' ? 'map' : typeof v);
  const expected = type(fallback);
  const got = type(value);
  const names: Record<string, string> = { number: 'a number', string: 'text', boolean: 'true or false', list: 'a list', map: 'a map of names to text', null: 'empty' };
  if (expected === got && (got !== 'number' || Number.isFinite(value))) return undefined;
  return `expected ${names[expected] ?? expected}, got ${JSON.stringify(value)}`;
}

/** FNV-1a, 32-bit, as hex: cheap and stable across runs. For fingerprints (baselines), never as a config's identity: 32 bits collide (see configKey). */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
