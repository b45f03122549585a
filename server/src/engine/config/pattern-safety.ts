/**
 * Static check that a regular expression cannot backtrack catastrophically.
 * Built-in rules' patterns run on V8's backtracking engine, and a test vets
 * each of them with this check (test/engine/pattern-safety.test.ts). Team
 * patterns no longer depend on it: they run on RE2 (../rules/kinds/team-pattern.ts),
 * because nested finite repetitions (`(?:[a-z ]{1,9}){1,9}q`) and chains of
 * them slip past any such analysis.
 *
 * Three analyses, each reported with the parts of the pattern at fault:
 * - scslre (the analysis behind eslint-plugin-regexp's
 *   `no-super-linear-backtracking`): a repetition that can reach itself
 *   (`(a+)+`, `(.*a){20}`) or two repetitions that can trade the same
 *   character (`\s*\s*$`, `.*.*x`), exponential or polynomial.
 * - alternatives of a repeated group that can match the same text, or split
 *   one text differently (`(a|a)*`, `(\w|\d)+`, `(?:a|aa)+`): scslre only
 *   looks at repetitions, so this is checked here with refa's automata.
 * - two repetitions in a row that can both match the same multi-character
 *   text (`(?:ab)*(?:ab)*c`), which scslre's single-character analysis misses.
 *
 * Finite repetitions of 10 or more (`\w{1,200}`) are analysed as unbounded:
 * nested, they backtrack the same way (`(.*a){20}`); two finite ones in a
 * row only cost the product of their maxima, and pass up to 10,000.
 * Scanning cost (`[^.]*\?` retried from every position, quadratic at worst)
 * is not refused here: the phrase kind bounds it by matching team patterns on
 * slices of at most MAX_MATCH_INPUT characters.
 *
 * Pure: no I/O, deterministic, a few milliseconds per pattern (memoised).
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { JS, NFA, isDisjointWith } from 'refa';
import { getEffectiveMaximumRepetition, isPotentiallyZeroLength } from 'regexp-ast-analysis';
import { analyse, type Report } from 'scslre';

/** Finite repetitions with at least this maximum are analysed as unbounded. */
export const WIDEN_REPETITIONS_FROM = 10;
/**
 * Two finite repetitions in a row cost at most the product of their maxima per
 * start position, whatever the line length: refused only above this.
 */
const MAX_FINITE_TRADE = 10_000;
/** Automaton size limit for the alternative checks; bigger patterns skip them (scslre still runs). */
const MAX_NODES = 20_000;

const memo = new Map<string, string | undefined>();

/**
 * Why `source` (a valid pattern for `flags`) can take super-linear time, as
 * one clause naming the parts at fault and the remedy, or undefined when it is
 * safe. Throws a SyntaxError when the pattern does not parse.
 */
export function findBacktrackingRisk(source: string, flags: string): string | undefined {
  const id = `${flags}/${source}`;
  if (memo.has(id)) return memo.get(id);
  const risk = analysePattern(source, flags);
  if (memo.size >= 500) memo.clear();
  memo.set(id, risk);
  return risk;
}

function analysePattern(source: string, flags: string): string | undefined {
  const parser = new RegExpParser();
  const parsed = { pattern: parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') }), flags: parser.parseFlags(flags) };
  const finite = widenRepetitions(parsed.pattern);
  const boundedTrade = (a: AST.Quantifier, b: AST.Quantifier) => finite.has(a) && finite.has(b) && finite.get(a)! * finite.get(b)! <= MAX_FINITE_TRADE;
  const report = analyse(parsed, { reportTypes: { Move: false } }).reports.find((r) => r.type !== 'Trade' || !boundedTrade(r.startQuant, r.endQuant));
  if (report) return describeReport(report);
  const refa = JS.Parser.fromAst(parsed);
  return overlappingAlternatives(parsed.pattern, refa) ?? adjacentRepetitions(parsed.pattern, parsed.flags, refa, boundedTrade);
}

/** Makes large finite repetitions unbounded in the AST; returns their original maxima. */
function widenRepetitions(pattern: AST.Pattern): Map<AST.Quantifier, number> {
  const finite = new Map<AST.Quantifier, number>();
  visitRegExpAST(pattern, {
    onQuantifierEnter(q) {
      if (q.max === Infinity || q.max < WIDEN_REPETITIONS_FROM) return;
      finite.set(q, q.max);
      (q as { max: number }).max = Infinity;
    },
  });
  return finite;
}

function growth(exponential: boolean): string {
  return exponential ? 'exponentially' : 'polynomially';
}

function describeReport(r: Report): string {
  switch (r.type) {
    case 'Self':
      return `the repetition "${r.quant.raw}" sits inside the repetition "${r.parentQuant.raw}", so a long line can be split between them in ${growth(r.exponential)} many ways; keep only one of the two repetitions (for example "a+" instead of "(a+)+")`;
    case 'Trade':
      return `the repetitions "${r.startQuant.raw}" and "${r.endQuant.raw}" can match the same characters, so a long line can be split between them in ${growth(r.exponential)} many ways; merge them into one repetition or make them match different characters (for example "\\s*" instead of "\\s*\\s*")`;
    case 'Move':
      return `the repetition "${r.quant.raw}" is retried from every position of a long line; bound it (for example "{0,80}" instead of "*")`;
  }
}

/** Language of an element as an NFA, with assertions treated as always true (an over-approximation). */
function toNfa(refa: JS.Parser, element: JS.ParsableElement): NFA {
  const { expression, maxCharacter } = refa.parseElement(element, { backreferences: 'disable', assertions: 'ignore', maxNodes: MAX_NODES });
  return NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore', unknowns: 'disable' });
}

function disjoint(a: NFA, b: NFA): boolean {
  try {
    return isDisjointWith(a, b, MAX_NODES);
  } catch {
    return true;
  }
}

/**
 * A repeated group whose alternatives can both start the same text, taking
 * the group's further repetitions into account: `(a|a)*` (same text),
 * `(?:a|aa)+` ("aa" is one or two repetitions). Every such choice doubles the
 * ways a failing line can be tried.
 */
function overlappingAlternatives(pattern: AST.Pattern, refa: JS.Parser): string | undefined {
  let found: string | undefined;
  const check = (group: AST.Group | AST.CapturingGroup) => {
    if (found || group.alternatives.length < 2 || getEffectiveMaximumRepetition(group) < 2) return;
    let alternatives: NFA[];
    let rest: NFA | undefined;
    try {
      alternatives = group.alternatives.map((a) => {
        const nfa = toNfa(refa, a);
        nfa.withoutEmptyWord();
        return nfa;
      });
      if (group.parent.type === 'Quantifier') {
        rest = toNfa(refa, group);
        rest.quantify(0, Infinity);
      }
    } catch {
      return;
    }
    for (let i = 0; i < alternatives.length && !found; i++) {
      for (let j = i + 1; j < alternatives.length && !found; j++) {
        const a = alternatives[i].copy();
        const b = alternatives[j].copy();
        if (rest) {
          a.append(rest);
          b.append(rest);
        }
        if (!disjoint(a, b)) {
          const repeated = group.parent.type === 'Quantifier' ? group.parent.raw : group.raw;
          found = `the alternatives "${group.alternatives[i].raw}" and "${group.alternatives[j].raw}" of the repeated group "${repeated}" can match the same text, so a long line can be split between them in exponentially many ways; make the alternatives match different text (for example "a+" instead of "(?:a|aa)+")`;
        }
      }
    }
  };
  visitRegExpAST(pattern, { onGroupEnter: check, onCapturingGroupEnter: check });
  return found;
}

/** Two unbounded repetitions with nothing (or only optional parts) between them that can match the same text. */
function adjacentRepetitions(pattern: AST.Pattern, flags: AST.Flags, refa: JS.Parser, bounded: (a: AST.Quantifier, b: AST.Quantifier) => boolean): string | undefined {
  let found: string | undefined;
  visitRegExpAST(pattern, {
    onAlternativeEnter(alt) {
      const els = alt.elements;
      for (let i = 0; i < els.length && !found; i++) {
        const first = els[i];
        if (first.type !== 'Quantifier' || first.max !== Infinity) continue;
        for (let j = i + 1; j < els.length && !found; j++) {
          const second = els[j];
          if (second.type === 'Quantifier' && second.max === Infinity && !bounded(first, second)) {
            try {
              const a = toNfa(refa, first);
              const b = toNfa(refa, second);
              a.withoutEmptyWord();
              b.withoutEmptyWord();
              if (!disjoint(a, b)) {
                found = `the repetitions "${first.raw}" and "${second.raw}" can match the same text one after the other, so a long line can be split between them in polynomially many ways; merge them into one repetition or make them match different text`;
              }
            } catch {
              // Too large to analyse: scslre's verdict stands.
            }
          }
          if (!isPotentiallyZeroLength(second, flags)) break;
        }
      }
    },
  });
  return found;
}
