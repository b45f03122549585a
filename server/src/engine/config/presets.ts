/**
 * Built-in presets. `recommended` is each rule's own default severity.
 * `strict` raises hints to info and info to warning, for teams that want
 * every finding reviewed before a playbook ships.
 */
import type { RuleDefinition } from '../rules/rule-types';
import type { Severity } from '../types';

export const PRESETS = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESETS)[number];

export function presetSeverity(preset: PresetName, rule: RuleDefinition): Severity | 'off' {
  if (preset === 'strict') {
    if (rule.severity === 'hint') return 'info';
    if (rule.severity === 'info') return 'warning';
  }
  return rule.severity;
}
