/**
 * Literal anchors for built-in phrase patterns: for a pattern, a few lower-case
 * strings one of which every match contains ("checking in" for
 * `(?:just )?checking in`). A turn whose text holds none of a pattern's
 * anchors cannot match it, so the pattern is not run there; and a pattern
 * never run is never compiled by V8 (a family-expanded pattern costs tens of
 * milliseconds to compile on its first use, in every process).
 *
 * One index holds the anchors of every built-in pattern: a turn's text is
 * scanned once (a trie walk from each position) for all of them.
 *
 * Anchors are derived from the pattern's syntax, conservatively: where the
 * analysis is unsure (back-references, classes, case-sensitive non-ASCII
 * letters) it gives no anchor, and the pattern runs on every turn as before.
 */

/** The pattern's syntax read for anchors, with the strings every match contains one of; undefined when unsure. */
function analyse(source: string): { node: Info; req: Set<string> } | undefined {
  let node: Info;
  try {
    const p = new Parser(source);
    node = p.alternation();
    if (p.i !== source.length) return undefined;
  } catch {
    return undefined;
  }
  const req = node.required ?? node.exact;
  if (!req || req.size === 0 || [...req].some((s) => s.length === 0)) return undefined;
  return { node, req };
}

/** Strings one of which every match contains, or undefined when none are known. */
export function anchorsOf(source: string): string[] | undefined {
  const found = analyse(source);
  return found && [...found.req];
}

/**
 * Groups of strings that every match contains one of EACH: the pattern's
 * anchors (anchorsOf) and the literal runs of every other piece a match must
 * go through ("(?:have|has) (?:you|they) … decided" needs "have"/"has", "you"/
 * "they" and "decided"). A turn must hold one string of every group before the
 * pattern runs. Speed: one loose group ("an ", " times") let most large family
 * patterns run, and so compile (tens of milliseconds each, in every worker),
 * on turns they never matched; requiring every group keeps most of them
 * uncompiled over a whole corpus. Undefined when anchorsOf is.
 */
export function anchorGroupsOf(source: string): string[][] | undefined {
  const found = analyse(source);
  if (!found) return undefined;
  const groups = new Map<string, string[]>();
  for (const g of [found.req, ...(found.node.all ?? [])]) {
    const list = [...g].sort();
    groups.set(list.join('\u0000'), list);
  }
  return [...groups.values()];
}

/** What a piece of a pattern guarantees: every string it can match (when few), or strings one of which every match contains. */
interface Info {
  exact?: Set<string>;
  required?: Set<string>;
  /** More sets, each of which every match contains one string of (each non-empty, no empty string). */
  all?: Set<string>[];
}

const MAX_SET = 32;
const EMPTY: Info = { exact: new Set(['']) };
const UNKNOWN: Info = {};

function cross(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_SET) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** The better of two anchor sets: the one whose shortest string is longer (rarer in text). */
function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  const min = (s: Set<string>) => Math.min(...[...s].map((x) => x.length));
  return min(b) > min(a) ? b : a;
}

/** One literal character as it is matched case-insensitively, or undefined when its case variants reach beyond what lower-casing the text finds. */
function literal(c: string): Info {
  const lower = c.toLowerCase();
  if (lower === c.toUpperCase()) return { exact: new Set([c]) };
  if (/^[a-zA-Z]$/.test(c)) return { exact: new Set([lower]) };
  return UNKNOWN;
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  alternation(): Info {
    const branches: Info[] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    let exact: Set<string> | undefined = new Set();
    let required: Set<string> | undefined = new Set();
    for (const b of branches) {
      if (exact && b.exact && exact.size + b.exact.size <= MAX_SET) for (const x of b.exact) exact.add(x);
      else exact = undefined;
      const r = b.required ?? b.exact;
      if (required && r) for (const x of r) required.add(x);
      else required = undefined;
    }
    return { exact, required };
  }

  sequence(): Info {
    let run: Set<string> | undefined = new Set(['']);
    let best: Set<string> | undefined;
    // Once a piece with no exact strings ends the run, the sequence's exact strings are unknown.
    let broken = false;
    // Every piece of a sequence is matched, so what each guarantees is required too.
    const all: Set<string>[] = [];
    const keep = (set: Set<string> | undefined) => {
      if (set) all.push(set);
      return set;
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const item = this.quantified(this.atom());
      if (item.all) all.push(...item.all);
      if (run && item.exact) {
        const next = cross(run, item.exact);
        if (next) {
          run = next;
          continue;
        }
      }
      // The run ends here: keep the better of what it and this item guarantee.
      broken = true;
      if (run) best = better(best, keep(nonEmpty(run)));
      best = better(best, keep(nonEmpty(item.required ?? item.exact)));
      run = item.exact ? new Set(item.exact) : new Set(['']);
    }
    if (run && !broken) return { exact: run, ...(all.length ? { all } : {}) };
    const last = run ? keep(nonEmpty(run)) : undefined;
    return { required: better(best, last), ...(all.length ? { all } : {}) };
  }

  quantified(item: Info): Info {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return item; // a literal brace
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    } else return item;
    if (this.s[this.i] === '?') this.i++; // lazy
    if (min === 0) {
      if (max === 0) return EMPTY;
      if (max === 1 && item.exact && item.exact.size < MAX_SET) return { exact: new Set([...item.exact, '']) };
      return OPTIONAL;
    }
    if (min === 1 && max === 1) return item;
    return { required: item.required ?? item.exact, ...(item.all ? { all: item.all } : {}) };
  }

  atom(): Info {
    const s = this.s;
    const c = s[this.i++];
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return UNKNOWN;
      case '[':
        return this.cls();
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      case ')':
      case '|':
      case '*':
      case '+':
      case '?':
        throw new Error('unexpected');
      default:
        return literal(c);
    }
  }

  group(): Info {
    const s = this.s;
    let lookaround = false;
    let positive = false;
    if (s[this.i] === '?') {
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(s.slice(this.i));
      if (!m) throw new Error('group');
      lookaround = m[0] === '?=' || m[0] === '?!' || m[0] === '?<=' || m[0] === '?<!';
      positive = m[0] === '?=' || m[0] === '?<=';
      this.i += m[0].length;
    }
    const inner = this.alternation();
    if (s[this.i++] !== ')') throw new Error('unclosed group');
    if (!lookaround) return inner;
    // A lookaround matches no characters; a positive one's text is still in the turn, so what it guarantees is required (not part of a run).
    if (!positive) return EMPTY;
    const all = [...(inner.all ?? [])];
    const req = nonEmpty(inner.required ?? inner.exact);
    if (req) all.push(req);
    return all.length ? { exact: new Set(['']), all } : EMPTY;
  }

  cls(): Info {
    const s = this.s;
    const chars = new Set<string>();
    let negated = false;
    let simple = true;
    if (s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let first = true;
    while (this.i < s.length && (s[this.i] !== ']' || first)) {
      first = false;
      let c = s[this.i++];
      if (c === '\\') {
        const e = s[this.i++];
        if (/[kcxu]/.test(e)) throw new Error('escape');
        if (/[dDwWsSpPbBnrtfv0]/.test(e)) {
          simple = false;
          if ((e === 'p' || e === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
          continue;
        }
        c = e;
      }
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        simple = false; // a range
        this.i += 2;
        if (s[this.i - 1] === '\\') this.i++;
        continue;
      }
      const lit = literal(c);
      if (!lit.exact) simple = false;
      else for (const x of lit.exact) chars.add(x);
    }
    if (s[this.i++] !== ']') throw new Error('unclosed class');
    if (negated || !simple || chars.size === 0 || chars.size > 4) return UNKNOWN;
    return { exact: chars };
  }

  escape(): Info {
    const s = this.s;
    const e = s[this.i++];
    if (e === undefined) throw new Error('escape');
    if (e === 'b' || e === 'B') return EMPTY;
    // Back-references, control and code-point escapes: not worth reading (no anchor).
    if (/[kcxu1-9]/.test(e)) throw new Error('escape');
    if (/[dDwWsSnrtfv0]/.test(e)) return UNKNOWN;
    if (e === 'p' || e === 'P') {
      if (s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
      return UNKNOWN;
    }
    return literal(e);
  }
}

/** An optional piece: it guarantees nothing and breaks a run of literals. */
const OPTIONAL: Info = {};

function nonEmpty(set: Set<string> | undefined): Set<string> | undefined {
  if (!set || set.size === 0) return undefined;
  for (const x of set) if (x.length === 0) return undefined;
  return set;
}

/**
 * Every anchor of the built-in patterns compiled so far, with ids, in one
 * trie. `found(text)` is the set of anchor ids occurring in the text.
 *
 * The trie is flat: a node is an index into typed arrays, its children a
 * linked list of siblings, the root's children in a Map (every character of
 * every text starts there). A Map per node took about 7 MB in every thread
 * that lints (about 35,000 nodes for the built-in anchors, most with one
 * child); this takes under 1 MB.
 */
export class AnchorIndex {
  private readonly ids = new Map<string, number>();
  private readonly rootChildren = new Map<number, number>();
  /** Per node (0 is the root): the character leading to it, its first child, its next sibling (0: none), the anchor id ending there (-1: none). */
  private chars = new Uint16Array(1024);
  private firstChild = new Int32Array(1024);
  private nextSibling = new Int32Array(1024);
  private endId = new Int32Array(1024).fill(-1);
  private nodes = 1;
  /** Grows with every new anchor: a result found before is stale. */
  version = 0;

  id(anchor: string): number {
    let id = this.ids.get(anchor);
    if (id !== undefined) return id;
    id = this.ids.size;
    this.ids.set(anchor, id);
    let node = 0;
    for (let k = 0; k < anchor.length; k++) {
      const c = anchor.charCodeAt(k);
      let n = this.child(node, c);
      if (n === 0) {
        n = this.addNode(c);
        if (node === 0) this.rootChildren.set(c, n);
        else {
          this.nextSibling[n] = this.firstChild[node];
          this.firstChild[node] = n;
        }
      }
      node = n;
    }
    this.endId[node] = id;
    this.version++;
    return id;
  }

  /** Ids of the anchors that occur in `lower` (text already lower-cased). */
  found(lower: string): Uint8Array {
    const out = new Uint8Array(this.ids.size);
    const { chars, firstChild, nextSibling, endId, rootChildren } = this;
    for (let i = 0; i < lower.length; i++) {
      let node = rootChildren.get(lower.charCodeAt(i)) ?? 0;
      for (let j = i + 1; node !== 0; j++) {
        const id = endId[node];
        if (id >= 0) out[id] = 1;
        if (j >= lower.length) break;
        const c = lower.charCodeAt(j);
        let n = firstChild[node];
        while (n !== 0 && chars[n] !== c) n = nextSibling[n];
        node = n;
      }
    }
    return out;
  }

  private child(node: number, c: number): number {
    if (node === 0) return this.rootChildren.get(c) ?? 0;
    let n = this.firstChild[node];
    while (n !== 0 && this.chars[n] !== c) n = this.nextSibling[n];
    return n;
  }

  private addNode(c: number): number {
    if (this.nodes === this.chars.length) {
      const size = this.nodes * 2;
      this.chars = grown(this.chars, new Uint16Array(size));
      this.firstChild = grown(this.firstChild, new Int32Array(size));
      this.nextSibling = grown(this.nextSibling, new Int32Array(size));
      this.endId = grown(this.endId, new Int32Array(size).fill(-1));
    }
    const n = this.nodes++;
    this.chars[n] = c;
    return n;
  }
}

function grown<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Text as the anchors are searched in: lower-cased, with the two characters
 * that match an ASCII letter case-insensitively (the long s and the Kelvin
 * sign) made that letter.
 */
export function anchorText(text: string): string {
  return text.toLowerCase().replace(/\u017f/g, 's');
}
