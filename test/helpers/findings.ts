/**
 * Test helpers: findings as `line:col-line:col severity rule-id` (1-based,
 * UTF-16 columns), and the invariants every fixture must satisfy.
 */
import assert from 'node:assert/strict';
import { BUILTIN_RULES, fixText, lintText, safeFixes, type EffectiveConfig, type Finding } from '../../server/src/engine';
import { applyRules, baseConfig } from '../../server/src/engine/config/config';
import type { RuleSetting } from '../../server/src/engine/config/config-types';

export function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

export function formatFinding(text: string, f: Finding, withMessage = false): string {
  return `${position(text, f.start)}-${position(text, f.end)} ${f.severity} ${f.ruleId}${withMessage ? ' ' + f.message : ''}`;
}

export function configFrom(raw: { rules?: Record<string, RuleSetting>; customRules?: unknown[] } | undefined): EffectiveConfig {
  const c = baseConfig(BUILTIN_RULES, 'recommended');
  applyRules(c, raw?.rules);
  for (const r of raw?.customRules ?? []) c.customRules.push(r as never);
  return c;
}

export function lint(text: string, config?: EffectiveConfig, today?: string) {
  return lintText(text, { rules: BUILTIN_RULES, config, today });
}

/** The invariants of STYLE.md §8, checked on any input. */
export function checkInvariants(text: string, config?: EffectiveConfig, today?: string): void {
  const result = lint(text, config, today);
  for (const f of result.findings) {
    assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, `range inside the text: ${f.ruleId} ${f.start}-${f.end}`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, `fix range inside the text: ${fix.title}`);
  }
  const once = fixText(text, { rules: BUILTIN_RULES, config, today }).text;
  const twice = fixText(once, { rules: BUILTIN_RULES, config, today }).text;
  assert.equal(twice, once, 'fixing twice changes nothing');
  assert.deepEqual(safeFixes(lint(once, config, today).findings), [], 'after fixing, no fixable finding is left');
  // CRLF: same findings at the same lines and columns.
  if (!text.includes('\r')) {
    const crlf = text.replace(/\n/g, '\r\n');
    assert.deepEqual(
      lint(crlf, config, today).findings.map((f) => formatFinding(crlf, f)),
      result.findings.map((f) => formatFinding(text, f)),
      'the CRLF variant gives the same findings',
    );
  }
}
