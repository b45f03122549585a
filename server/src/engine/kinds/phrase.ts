/**
 * The phrase kind: a rule is a list of patterns plus fix templates. Matching
 * runs on normalised turn text (curly quotes folded, white space collapsed,
 * placeholders masked) with word boundaries added at both ends, so "touching
 * base" matches across a line break and "adjust" never matches "just".
 */
import { buildFixes } from '../fix-builder';
import { isMention } from '../mention';
import type { Turn } from '../model';
import type { RuleDefinition } from '../rule-types';
import { OPAQUE } from '../text-builder';
import { maskPlaceholders, sentenceAt } from '../words';
import type { RuleKind } from './kind';
import { compilePattern } from './patterns';

interface CompiledPhrase {
  patterns: RegExp[];
  unless: RegExp[];
  /** Patterns from `options.hintPatterns`: a softer sub-check reported at hint level. */
  hints: Set<RegExp>;
}

/** The text patterns run on, per turn and remembered: every phrase rule reads the same one. */
const bodies = new WeakMap<Turn, { text: string; a: number; b: number; body: string }>();

function matchText(turn: Turn): string {
  const { text } = turn.unit;
  const hit = bodies.get(turn);
  if (hit && hit.text === text && hit.a === turn.a && hit.b === turn.b) return hit.body;
  const body = maskPlaceholders(text.slice(turn.a, turn.b)).replace(/\n/g, ' ');
  bodies.set(turn, { text, a: turn.a, b: turn.b, body });
  return body;
}

export const phraseKind: RuleKind<CompiledPhrase> = {
  name: 'phrase',
  compile(rule: RuleDefinition) {
    if (!rule.patterns || rule.patterns.length === 0) throw new Error('a phrase rule needs at least one entry in `patterns`');
    const hintSources = Array.isArray(rule.options?.hintPatterns) ? (rule.options!.hintPatterns as string[]) : [];
    const hints = hintSources.map((p, i) => compilePattern(p, `options/hintPatterns/${i}`, true));
    return {
      patterns: [...rule.patterns.map((p, i) => compilePattern(p, `patterns/${i}`, true)), ...hints],
      unless: (rule.unless ?? []).map((p, i) => compilePattern(p, `unless/${i}`, false)),
      hints: new Set(hints),
    };
  },
  check(ctx, compiled) {
    for (const turn of ctx.model.turns) {
      if (!ctx.inScope(turn)) continue;
      const u = turn.unit;
      const body = matchText(turn);
      const taken: Array<[number, number]> = [];
      for (const re of compiled.patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(body); m; m = re.exec(body)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const a = turn.a + m.index;
          const b = a + m[0].length;
          if (m[0].includes(OPAQUE)) continue;
          if (taken.some(([x, y]) => a < y && x < b)) continue;
          if (isMention(turn, a, b)) continue;
          if (compiled.unless.length) {
            const s = sentenceAt(u.text, turn.a, turn.b, a);
            const sentence = u.text.slice(s.a, s.b);
            if (compiled.unless.some((r) => ((r.lastIndex = 0), r.test(sentence)))) continue;
          }
          taken.push([a, b]);
          ctx.report({
            start: u.starts[a],
            end: u.ends[b - 1],
            message: ctx.rule.message.replace(/\{match\}/g, u.text.slice(a, b).replace(/\s+/g, ' ')),
            fixes: buildFixes(ctx.rule.fixes, { turn, a, b, placeholderStyle: ctx.placeholderStyle, source: ctx.model.text }),
            contexts: turn.contexts,
            ...(compiled.hints.has(re) ? { severity: 'hint' as const } : {}),
          });
        }
      }
    }
  },
};
