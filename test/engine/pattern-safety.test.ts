import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, baseConfig, compileRuleSet } from '../../server/src/engine';
import { RULE_KINDS } from '../../server/src/engine/rules/kinds';
import { compilePattern } from '../../server/src/engine/rules/kinds/patterns';
import { findBacktrackingRisk } from '../../server/src/engine/config/pattern-safety';

/** A phrase pattern as it runs: word-bounded, flags giu. */
const phrase = (source: string) => `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;

// Each of these backtracks exponentially or polynomially on a line of a few dozen to a few thousand characters.
const REFUSED: Array<[pattern: string, growth: 'exponentially' | 'polynomially', why: string]> = [
  ['(a+)+$', 'exponentially', 'nested repetition'],
  ['(\\w*)*x', 'exponentially', 'nested repetition'],
  ['(x+x+)+y', 'exponentially', 'repetitions trading inside a repetition'],
  ['(?:\\s*\\w+)*$', 'exponentially', 'nested repetition'],
  ['^(\\w+\\s?)*$', 'exponentially', 'the classic email/words shape'],
  ['(\\d+|\\w+)*!', 'exponentially', 'overlapping repeated alternatives'],
  ['(.*)*x', 'exponentially', 'nested repetition'],
  ['(?:[a-z]+.)+x', 'exponentially', 'nested repetition'],
  ['(?:\\w+\\s*)+:', 'exponentially', 'nested repetition'],
  ['(?:a|aa)+b', 'exponentially', 'alternatives that split the same text differently'],
  ['(a|a)*$', 'exponentially', 'identical alternatives under a repetition'],
  ['(\\w|\\d)+x', 'exponentially', 'overlapping alternatives under a repetition'],
  ['(?:ab|a|b)+c', 'exponentially', '"ab" is one or two repetitions'],
  ['(.*a){20}', 'exponentially', 'large finite repetition of an unbounded one'],
  ['(?:\\p{L}+\\s*){1,50}', 'exponentially', 'large finite repetition of an unbounded one'],
  ['\\s*\\s*\\s*$', 'polynomially', 'adjacent repetitions of the same characters'],
  ['.*.*.*x', 'polynomially', 'adjacent repetitions of the same characters'],
  ['\\d+\\d+x', 'polynomially', 'adjacent repetitions of the same characters'],
  ['\\w+\\s*\\w+!', 'polynomially', 'repetitions separated by an optional part'],
  ['(?:a+){2,5}b', 'polynomially', 'repetition inside a small finite repetition'],
  ['[\\s\\S]*\\s+x', 'polynomially', 'a repetition that contains the next one'],
  ['.*\\s.*\\s.*!', 'polynomially', 'repetitions that can absorb the separator'],
  ['\\s{0,1000}\\s{0,1000}x', 'polynomially', 'finite repetitions in a row costing a million steps per position'],
  ['(?:ab)*(?:ab)*c', 'polynomially', 'adjacent repetitions of the same multi-character text'],
  ['(?:\\w+ )*(?:\\w+ )*x', 'polynomially', 'adjacent repetitions of the same words'],
];

const ACCEPTED = [
  'synerg(?:y|ies)',
  'touch(?:ing)? base',
  '\\d+ ?%',
  '(?:we can|happy to) (?:offer|give you) a discount',
  'just (?:\\w+ )?checking in',
  '[A-Z]{2,}',
  '(?:a|b)+c',
  '(?:ab|a)+c',
  '\\w+ly',
  '(?:call|reach) (?:me|us) (?:back )?(?:at|on) \\d{3}[- ]\\d{3}[- ]\\d{4}',
  'act now!+',
  '(?:limited|exclusive) (?:time )?offer',
  're: ?[^ ]+',
  '(?:very|really|truly) \\w+',
  '#\\w+',
  '\\$\\d+(?:,\\d{3})*(?:\\.\\d\\d)?',
  '[^.!?]*\\?',
  'free.*trial',
  '(?:\\p{L}{1,20} ){1,30}end',
  '\\w{1,20}\\s{0,10}\\w{1,20}',
  '[^.]{0,80}[^!]{0,80}',
  '(.)\\1+',
];

describe('findBacktrackingRisk', () => {
  for (const [pattern, growth, why] of REFUSED) {
    it(`refuses ${pattern} (${why})`, () => {
      const risk = findBacktrackingRisk(phrase(pattern), 'giu');
      assert.ok(risk, 'accepted');
      assert.match(risk, new RegExp(growth));
    });
  }

  for (const pattern of ACCEPTED) {
    it(`accepts ${pattern}`, () => {
      assert.equal(findBacktrackingRisk(phrase(pattern), 'giu'), undefined);
    });
  }

  it('accepts every pattern of every built-in rule, with the flags it runs with', () => {
    const checked: string[] = [];
    for (const rule of BUILTIN_RULES) {
      const hints = Array.isArray(rule.options?.hintPatterns) ? (rule.options.hintPatterns as string[]) : [];
      const runs: Array<[string, string, string]> = [
        ...[...(rule.patterns ?? []), ...hints].map((p): [string, string, string] => [phrase(p), 'giu', p]),
        ...(rule.unless ?? []).map((p): [string, string, string] => [p, 'giu', p]),
        ...(rule.fixes ?? []).flatMap((f): Array<[string, string, string]> => (f.matching ? [[f.matching, 'iu', f.matching]] : [])),
      ];
      for (const [name, flags] of Object.entries(RULE_KINDS.get(rule.kind)?.patternOptions ?? {})) {
        const value = rule.options?.[name];
        if (typeof value === 'string') runs.push([value, flags, value]);
      }
      for (const [source, flags, shown] of runs) {
        assert.equal(findBacktrackingRisk(source, flags), undefined, `${rule.id}: ${shown}`);
        checked.push(rule.id);
      }
    }
    assert.ok(new Set(checked).size >= 18 && checked.length >= 100, `only ${checked.length} patterns checked`);
  });

  it('compiles the built-in rules as team rules; only lookarounds (which RE2 cannot run) and expanded word families longer than the team limit are refused, by name', () => {
    const config = baseConfig(BUILTIN_RULES, 'recommended');
    const asTeam = BUILTIN_RULES.filter((r) => r.kind === 'phrase').map((r) => ({ ...r, id: `team/${r.id}`, origin: '.playbooklintrc.yaml' }));
    const set = compileRuleSet(BUILTIN_RULES, { ...config, customRules: asTeam });
    for (const e of set.errors) assert.match(e.message, /uses a (?:lookahead|negative lookahead|lookbehind|negative lookbehind) \("\(\?<?[=!]|characters long, more than the 500 allowed|is too complex to match quickly/);
    assert.ok(set.errors.length < asTeam.length, `all ${asTeam.length} refused`);
    assert.equal(set.rules.filter((r) => r.rule.id.startsWith('team/')).length + set.errors.length, asTeam.length);
  });
});

describe('compilePattern', () => {
  it('trusts built-in patterns (vetted by the test above) and runs team patterns on RE2', () => {
    assert.ok(compilePattern('(a+)+$', 'patterns/0', { wordBounded: true, untrusted: false }) instanceof RegExp);
    assert.ok(!(compilePattern('(a+)+$', 'patterns/0', { wordBounded: true, untrusted: true }) instanceof RegExp));
    assert.throws(
      () => compilePattern('(a+', 'patterns/0', { wordBounded: true, untrusted: true }),
      (e: Error) => /^patterns\/0: "\(a\+" is not a valid regular expression \(Unterminated group\)/.test(e.message),
    );
  });
});
