/**
 * placeholder-hygiene: placeholders a buyer must never see broken. Sub-checks:
 * - mixed syntax (warning): two merge-field syntaxes in one playbook
 *   (`{{first_name}}` and `{company}`), or any placeholder in another style
 *   than front matter's `placeholder_style`; hand-filled bracket slots next to
 *   merge fields are normal and never reported. Fix (a rewrite: merge fields
 *   are the team's to change): write it in that style;
 * - undeclared (error): front matter lists `variables` and this one isn't
 *   there; safe fix when exactly one declared name is within edit distance
 *   `maxDistance`;
 * - unbalanced braces (error): `{{first_name}` / `{first_name}}`; safe fix;
 * - unfinished markers (warning): TODO, TBD, XXX, lorem ipsum, `[insert …]`
 *   when front matter says `status: final` or `published`.
 * Bracket words that are stage directions (`[Pause]`, `[Laugh]`) are not
 * placeholders. Options: maxDistance, directions, messages.
 * Option defaults are declared once, in server/rules/placeholder-hygiene.yaml.
 */
import { startAt, endAt, placeholdersOf, type Segment, type Unit } from '../../read/model';
import type { Fix, Severity } from '../../types';
import type { PlaceholderHit, PlaceholderStyle } from '../../read/words';
import type { RuleKind } from './kind';
import { fill, str } from './units';

const UNBALANCED = /(?<!\{)\{\{\s*([A-Za-z][\w.]{0,40})\s*\}(?!\})|(?<!\{)\{([A-Za-z][\w.]{0,40})\}\}(?!\})|(?<!\{)\{\{\s*([A-Za-z][\w.]{0,40})(?=[\s,.;:!?]|$)(?![^\n{]*\}\})/g;
/** Syntaxes a sending tool fills; bracket and angle slots are filled by hand. */
const MERGE_STYLES: ReadonlySet<PlaceholderStyle> = new Set(['mustache', 'brace', 'merge-tag']);
const UNFINISHED = /\b(?:TODO|TBD|XXX|FIXME|lorem ipsum)\b|\[insert [^\]\n]+\]/g;

// This rule reads every unit on every lint; units of unchanged segments are reused, so their matches are kept.
const unbalancedMatches = new WeakMap<Unit, RegExpExecArray[]>();
const unfinishedMatches = new WeakMap<Unit, RegExpExecArray[]>();

function matchesOf(memo: WeakMap<Unit, RegExpExecArray[]>, re: RegExp, u: Unit): RegExpExecArray[] {
  let found = memo.get(u);
  if (!found) {
    found = [];
    re.lastIndex = 0;
    for (let m = re.exec(u.text); m; m = re.exec(u.text)) found.push(m);
    memo.set(u, found);
  }
  return found;
}

export function variableName(h: Pick<PlaceholderHit, 'style' | 'name'>): string {
  return h.name.trim().replace(/^contact\./i, '').replace(/[\s.-]+/g, '_').toLowerCase();
}

export function render(name: string, style: PlaceholderStyle): string {
  const words = name.split(/_+/).filter(Boolean);
  switch (style) {
    case 'mustache':
      return `{{${name}}}`;
    case 'brace':
      return `{${name}}`;
    case 'bracket':
      return `[${words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')}]`;
    case 'merge-tag':
      return `*|${name.toUpperCase()}|*`;
    case 'angle':
      return `<${words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')}>`;
  }
}

export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** What one segment holds for this rule: placeholders (bar stage directions) and unbalanced braces, in units that are not bad examples. */
interface SegmentScan {
  directions: string;
  /** The segment's `readWith` when scanned. */
  readWith: string;
  hits: Array<{ u: Unit; h: PlaceholderHit }>;
  /** Hits per style. */
  counts: Map<PlaceholderStyle, number>;
  unbalanced: Array<{ u: Unit; m: RegExpExecArray }>;
}

// The rule reads the whole document on every lint; segments the editor reuses keep their scan.
const segmentScans = new WeakMap<Segment, SegmentScan>();

function scanSegment(seg: Segment, directions: Set<string>, key: string): SegmentScan {
  const cached = segmentScans.get(seg);
  // Compared apart, not joined: this runs for every segment on each keystroke.
  if (cached && cached.directions === key && cached.readWith === seg.readWith) return cached;
  const scan: SegmentScan = { directions: key, readWith: seg.readWith, hits: [], counts: new Map(), unbalanced: [] };
  for (const u of seg.units) {
    // Only what can reach a buyer: a CRM task string on a process page is not a template.
    if (u.anti || u.section.anti || !u.turns.some((t) => t.speech)) continue;
    for (const h of placeholdersOf(u)) {
      if (h.style === 'bracket' && (directions.has(h.name.trim().toLowerCase()) || h.name.trim().split(/\s+/).length > 4)) continue;
      if (h.style === 'angle' && u.kind !== 'fence' && !/\s/.test(h.name)) continue; // <Company> in prose may be HTML-ish
      scan.hits.push({ u, h });
      scan.counts.set(h.style, (scan.counts.get(h.style) ?? 0) + 1);
    }
    for (const m of matchesOf(unbalancedMatches, UNBALANCED, u)) scan.unbalanced.push({ u, m });
  }
  segmentScans.set(seg, scan);
  return scan;
}

export const placeholderHygieneKind: RuleKind<null> = {
  name: 'placeholder-hygiene',
  reach: 'document', // the expected placeholder style is the document's
  // Every fix here changes a merge field (its name, style or braces): the writer checks it, --fix never applies it.
  rewritesInCode: true,
  compile: () => null,
  check(ctx) {
    const { model } = ctx;
    const o = ctx.options;
    const messages = (o.messages ?? {}) as Record<string, string>;
    const directions = new Set((o.directions as string[]).map((d) => d.toLowerCase()));
    const declared = model.frontMatter.variables?.map((v) => v.trim().toLowerCase());
    const maxDistance = o.maxDistance as number;
    const report = (u: Unit, a: number, b: number, severity: Severity, key: string, fields: Record<string, string | number>, fixes: Fix[] = []) => {
      const contexts = u.turns[0]?.contexts ?? new Set<string>();
      ctx.report({ start: startAt(u, a), end: endAt(u, b - 1), severity, message: fill(str(messages[key], ctx.rule.message), fields), fixes, contexts });
    };
    const directionsKey = [...directions].join('\u0000');
    const scans = model.segments.map((seg) => scanSegment(seg, directions, directionsKey));
    const fmStyle = model.frontMatter.placeholderStyle as PlaceholderStyle | undefined;
    // Teams fill merge fields with their sending tool and bracketed slots by hand ("[Your signature]",
    // "[specific result]"): mixing those is normal. Only two merge-field syntaxes in one playbook are a
    // problem, unless the front matter names the one style the team uses.
    const counts = new Map<PlaceholderStyle, number>();
    // Most segments hold no placeholder: skip them without iterating (this runs on every keystroke).
    for (let i = 0; i < scans.length; i++) if (scans[i].counts.size > 0) for (const [st, n] of scans[i].counts) if (fmStyle || MERGE_STYLES.has(st)) counts.set(st, (counts.get(st) ?? 0) + n);
    let style: PlaceholderStyle = fmStyle && ['mustache', 'bracket', 'brace'].includes(fmStyle) ? fmStyle : ctx.placeholderStyle;
    if (!fmStyle && !counts.has(style)) style = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'mustache';
    const mixed = counts.size > 1 || (fmStyle !== undefined && [...counts.keys()].some((st) => st !== style));
    // Without declared variables or mixed styles no placeholder is reported: skip the walk (it runs on every keystroke).
    const hits = (declared && declared.length) || mixed ? scans.flatMap((x) => x.hits) : [];

    for (const { u, h } of hits) {
      const a = h.index;
      const b = h.index + h.length;
      let name = variableName(h);
      const whole = () => ({ start: startAt(u, a), end: endAt(u, b - 1) });
      if (declared && declared.length && !declared.includes(name)) {
        const near = declared.filter((d) => editDistance(d, name) <= maxDistance);
        const fixes: Fix[] = near.length === 1 ? [{ title: `Use the declared variable “${near[0]}”`, kind: 'rewrite', snippet: false, edits: [{ ...whole(), text: render(near[0], style) }] }] : [];
        report(u, a, b, 'error', 'undeclared', { name, suggestion: near.length === 1 ? near[0] : declared.slice(0, 5).join(', ') }, fixes);
        if (near.length === 1) continue;
        name = '';
      }
      if (mixed && h.style !== style && name && (fmStyle || MERGE_STYLES.has(h.style))) {
        const text = render(name, style);
        // Only a plain variable name can be rewritten safely ("[X hours/week]" is a note to the writer).
        const safe = /^[a-z][a-z0-9_]*$/.test(name);
        report(u, a, b, 'warning', 'mixed', { found: u.text.slice(a, b), style, expected: text }, safe ? [{ title: `Write it as ${text}`, kind: 'rewrite', snippet: false, edits: [{ ...whole(), text }] }] : []);
      }
    }

    for (const { u, m } of scans.flatMap((x) => x.unbalanced)) {
      const name = (m[1] ?? m[2] ?? m[3]).replace(/[.]+$/, '');
      const a = m.index;
      const b = m.index + m[0].length;
      const text = render(name.toLowerCase().replace(/[\s.-]+/g, '_'), style === 'mustache' || style === 'brace' ? style : 'mustache');
      const start = startAt(u, a);
      const end = endAt(u, b - 1);
      const clean = end - start === b - a;
      report(u, a, b, 'error', 'unbalanced', { found: m[0], expected: text }, clean ? [{ title: `Close it: ${text}`, kind: 'rewrite', snippet: false, edits: [{ start, end, text }] }] : []);
    }
    if (model.frontMatter.status === 'final' || model.frontMatter.status === 'published') {
      for (const u of model.units) {
        if (u.anti || u.section.anti) continue;
        for (const m of matchesOf(unfinishedMatches, UNFINISHED, u)) report(u, m.index, m.index + m[0].length, 'warning', 'unfinished', { found: m[0] });
      }
    }
  },
};
