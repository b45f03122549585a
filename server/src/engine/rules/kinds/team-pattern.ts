/**
 * Team patterns run on RE2 (re2js, a pure-JavaScript port of Google's RE2),
 * whose matching time is linear in the text whatever the pattern: no team
 * pattern can backtrack, so none can freeze the editor. Patterns keep
 * JavaScript syntax: each is parsed with regexpp (so errors read as they do
 * for a JavaScript RegExp), its character sets are computed with refa under
 * the flags `iu` (case folding, `\s`, `.`, `\p{L}` exactly as JavaScript has
 * them) and written out for RE2 as explicit ranges. What RE2 cannot run
 * (lookahead, lookbehind, back-references, repeat counts above 1000) is
 * refused with a config error naming the part.
 *
 * Word-bounded patterns (phrases) are matched as `[^\p{L}\p{N}_](P)(?:[^\p{L}\p{N}_]|$)`
 * (plus `^(P)…` at the start), which finds the same leftmost-first, non-overlapping
 * matches as JavaScript's `(?<![\p{L}\p{N}_])(?:P)(?![\p{L}\p{N}_])`: a search
 * resumes one character before the end of the last match, so that character
 * can be the next match's boundary.
 *
 * Bundled on its own (dist/team-pattern.js) and loaded on the first team pattern.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { JS, type CharSet } from 'refa';
import { RE2JS } from 're2js';

/** Largest compiled RE2 program accepted, in instructions: matching time per character grows with it. */
export const MAX_PROGRAM_SIZE = 400;

export interface TeamMatcher {
  /** Non-empty, non-overlapping matches in `text` as [start, end) offsets, leftmost first. */
  matches(text: string): Generator<[number, number]>;
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /** Compiled size in instructions: the cost of matching one character, roughly. */
  size: number;
}

const FLAGS = { ignoreCase: true, unicode: true } as const;
const WORD = '\\p{L}\\p{N}_';

/**
 * Compiles a team pattern (JavaScript syntax, matched case-insensitively) for
 * RE2. Throws an Error whose message says what is wrong, without a key.
 */
export function compileTeamPattern(source: string, wordBounded: boolean): TeamMatcher {
  const parser = new RegExpParser({ ecmaVersion: 2024 });
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch (e) {
    throw new Error(`"${source}" is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')}); patterns use JavaScript syntax`);
  }
  const body = re2Of(pattern, source);
  const compile = (re: string) => {
    try {
      return RE2JS.compile(re);
    } catch (e) {
      const why = (e as Error).message;
      if (/too large|invalid repeat count|nested repetition/i.test(why)) throw new Error(`"${source}" repeats too much to match quickly (${why.replace(/^error parsing regexp: /, '')}); use smaller repeat counts or split it into several patterns`);
      throw new Error(`"${source}" cannot be matched by the linter (${why}); simplify it`);
    }
  };
  if (!wordBounded) {
    const re = compile(body);
    checkSize(re.programSize(), source);
    return {
      size: re.programSize(),
      test: (text) => re.test(text),
      *matches(text) {
        const m = re.matcher(text);
        let from = 0;
        while (from <= text.length && m.find(from)) {
          const [a, b] = [m.start(), m.end()];
          if (b > a) yield [a, b];
          from = b > a ? b : a + 1;
        }
      },
    };
  }
  const after = `(?:[^${WORD}]|$)`;
  const any = compile(`(?:^|[^${WORD}])(?:${body})${after}`);
  const first = compile(`^(${body})${after}`);
  const rest = compile(`[^${WORD}](${body})${after}`);
  const size = Math.max(any.programSize(), rest.programSize());
  checkSize(size, source);
  return {
    size,
    test: (text) => any.test(text),
    *matches(text) {
      if (!any.test(text)) return;
      let from = 0;
      const head = first.matcher(text);
      if (head.find(0) && head.end(1) > head.start(1)) {
        yield [head.start(1), head.end(1)];
        from = head.end(1) - 1;
      }
      const m = rest.matcher(text);
      while (from < text.length && m.find(from)) {
        const [a, b] = [m.start(1), m.end(1)];
        if (b > a) {
          yield [a, b];
          from = b - 1;
        } else from = a;
      }
    },
  };
}

function checkSize(size: number, source: string): void {
  if (size > MAX_PROGRAM_SIZE) throw new Error(`"${source}" is too complex to match quickly (${size} steps per character, at most ${MAX_PROGRAM_SIZE}); use smaller repeat counts or split it into several patterns`);
}

/** The pattern in RE2 syntax; throws for what RE2 cannot run. */
function re2Of(node: AST.Node, source: string): string {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup': {
      const inner = node.alternatives.map((a) => re2Of(a, source)).join('|');
      return node.type === 'Pattern' ? inner : `(?:${inner})`;
    }
    case 'Alternative':
      return node.elements.map((e) => re2Of(e, source)).join('');
    case 'Quantifier': {
      if (node.min > 1000 || (node.max !== Infinity && node.max > 1000)) throw new Error(`"${source}": the repeat count in "${node.raw}" is above 1000; use a smaller one or "+"`);
      const count = node.max === Infinity ? (node.min === 0 ? '*' : node.min === 1 ? '+' : `{${node.min},}`) : node.min === node.max ? `{${node.min}}` : node.min === 0 && node.max === 1 ? '?' : `{${node.min},${node.max}}`;
      return `(?:${re2Of(node.element, source)})${count}${node.greedy ? '' : '?'}`;
    }
    case 'Assertion':
      if (node.kind === 'start') return '^';
      if (node.kind === 'end') return '$';
      if (node.kind === 'word') return node.negate ? '\\B' : '\\b';
      throw new Error(`"${source}" uses a ${node.kind} ("${node.raw}"), which team patterns do not support; match the text itself, and use \`unless\` to skip sentences that contain something`);
    case 'Backreference':
      throw new Error(`"${source}" uses a back-reference ("${node.raw}"), which team patterns do not support; write the repeated text out`);
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
      if (node.type === 'CharacterClass' && node.unicodeSets) throw new Error(`"${source}": class set syntax ("${node.raw}") is not supported; use a plain character class`);
      return charSetToRe2(JS.parseCharSet(node as Parameters<typeof JS.parseCharSet>[0], FLAGS));
    default:
      throw new Error(`"${source}": "${node.raw}" is not supported in team patterns`);
  }
}

const hex = (c: number) => `\\x{${c.toString(16)}}`;

/** A character set as an RE2 class of explicit ranges (surrogate code units left out: RE2 matches code points). */
function charSetToRe2(set: CharSet): string {
  const parts: string[] = [];
  for (const { min, max } of set.ranges) {
    for (const [a, b] of [
      [min, Math.min(max, 0xd7ff)],
      [Math.max(min, 0xe000), max],
    ]) {
      if (a <= b) parts.push(a === b ? hex(a) : `${hex(a)}-${hex(b)}`);
    }
  }
  return parts.length ? `[${parts.join('')}]` : '[^\\x{0}-\\x{10ffff}]';
}
