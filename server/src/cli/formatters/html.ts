/**
 * `--format html`: one self-contained page for the people who own the
 * playbooks (sales managers, enablement). The team score, the score per
 * playbook and per playbook type, findings by rule and by section, the worst
 * sentences with their suggested rewrites, and with `--baseline` the change
 * since the baseline was written. No script, no network: inline CSS and
 * hand-written SVG bar charts, each with a table of the same figures; light
 * and dark colours follow the reader's system setting. Every piece of user
 * text (paths, headings, sentences, messages) is escaped.
 */
import { findRule, plural, ruleDocsUrl, MORE_FINDINGS_RULE, type Severity } from '../../engine';
import type { FileReport, ReportEdit, ReportMessage, RunTotals } from '../report';
import type { Formatter, FormatContext } from './types';

/** What the page needs besides the report; the CLI's node side provides it. */
export interface HtmlFileContext {
  /** The file's text, for the sentences the findings are in. */
  text?: string;
  /** With --baseline: the comparison for this file. */
  baseline?: {
    /** Score when the baseline was written, when the baseline recorded it. */
    scoreThen?: number;
    /** Findings the baseline does not hold (the ones --baseline would report). */
    isNew: (m: ReportMessage) => boolean;
    /** Findings the baseline holds that are gone now. */
    resolved: number;
  };
}

export type HtmlDescriber = (report: FileReport) => HtmlFileContext;

export interface HtmlOptions {
  /** The baseline file's name, shown in the change section; undefined without --baseline. */
  baselineName?: string;
  /** Date shown in the title (YYYY-MM-DD). */
  date: string;
  /** Sentences listed under "Sentences to rewrite first". */
  worstSentences?: number;
}

const WEIGHT: Record<Severity, number> = { error: 4, warning: 2, info: 1, hint: 0 };
const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Suggestion', hint: 'Hint' };
const NO_TYPE = 'No type given';
const BEFORE_HEADINGS = '(before the first heading)';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = escapeHtml;

interface Entry {
  r: FileReport;
  c: HtmlFileContext;
  id: string;
}

export function createHtmlFormatter(describe: HtmlDescriber, options: HtmlOptions): Formatter {
  const files: Entry[] = [];
  return {
    begin: () => '',
    file(r) {
      if (!r.ignored) files.push({ r, c: describe(r), id: `file-${files.length + 1}` });
      return '';
    },
    end(_t: RunTotals, ctx: FormatContext) {
      return renderHtml(files, options, ctx);
    },
  };
}

/** Files whose score means something: linted, and with words a buyer reads. */
const scored = (f: Entry) => !f.r.fatal && !f.r.notice;
const wordsOf = (f: Entry) => Math.max(f.r.words ?? 0, 1);

/** Average of the scores, each playbook weighed by its words (a long playbook counts for more). */
function weightedScore(entries: Entry[], score: (f: Entry) => number = (f) => f.r.score): number | undefined {
  const list = entries.filter(scored);
  if (!list.length) return undefined;
  const words = list.reduce((n, f) => n + wordsOf(f), 0);
  return Math.round(list.reduce((n, f) => n + score(f) * wordsOf(f), 0) / words);
}

const findingsOf = (f: Entry) => f.r.messages.filter((m) => m.ruleId !== MORE_FINDINGS_RULE);

function severityCounts(messages: ReportMessage[]): string {
  const n = (s: Severity[]) => messages.filter((m) => s.includes(m.severity)).length;
  const parts = [plural(n(['error']), 'error'), plural(n(['warning']), 'warning'), plural(n(['info', 'hint']), 'suggestion')];
  return messages.length ? parts.filter((p) => !p.startsWith('0 ')).join(', ') : 'none';
}

/** A rule's description in plain words; team rules without one are named by their message. */
function ruleWords(ruleId: string, example: string): string {
  const rule = findRule(ruleId);
  return rule?.description ?? example;
}

function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 85 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

function scoreBadge(score: number): string {
  return `<span class="score ${scoreBand(score)}">${score}</span>`;
}

function change(then: number | undefined, now: number): string {
  if (then === undefined) return '<span class="muted">not recorded</span>';
  const d = now - then;
  const what = d > 0 ? `<span class="up">+${d} better</span>` : d < 0 ? `<span class="down">${d} worse</span>` : '<span class="muted">no change</span>';
  return `${then} → ${now} ${what}`;
}

// ---------- charts: horizontal bars, hand-written SVG ----------

interface Bar {
  label: string;
  value: number;
  /** Text at the bar's end; the value by default. */
  shown?: string;
  band?: 'good' | 'fair' | 'poor';
}

/** A horizontal bar chart. `max` is the value of a full bar. The figures are also in the table next to it. */
function barChart(title: string, bars: Bar[], max: number): string {
  const labelW = 300;
  const barW = 330;
  const rowH = 28;
  const width = labelW + barW + 130;
  const height = bars.length * rowH + 8;
  const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 38).trimEnd()}…` : s);
  const rows = bars
    .map((b, i) => {
      const y = 4 + i * rowH;
      const w = max > 0 && b.value > 0 ? Math.max(2, Math.round((barW * b.value) / max)) : 0;
      return (
        `<g><title>${e(`${b.label}: ${b.shown ?? b.value}`)}</title>` +
        `<text class="chart-label" x="${labelW - 8}" y="${y + 18}" text-anchor="end">${e(clip(b.label))}</text>` +
        `<rect class="bar ${b.band ?? 'neutral'}" x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 10}" rx="3"></rect>` +
        `<text class="chart-value" x="${labelW + w + 6}" y="${y + 18}">${e(b.shown ?? String(b.value))}</text></g>`
      );
    })
    .join('');
  return `<figure class="chart"><svg role="img" aria-label="${e(title)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${rows}</svg><figcaption>${e(title)}</figcaption></figure>`;
}

// ---------- sentences ----------

/** The sentence of a line that holds [start, end) (0-based columns): its text and [from, to) in the line. */
function sentenceAround(line: string, start: number, end: number): { text: string; from: number; to: number } {
  let from = 0;
  for (let i = start - 1; i > 0; i--) {
    if (/[.!?]/.test(line[i - 1]) && /\s/.test(line[i])) {
      from = i;
      break;
    }
  }
  let to = line.length;
  for (let i = Math.max(end - 1, from); i < line.length; i++) {
    if (/[.!?]/.test(line[i]) && (i + 1 === line.length || /\s/.test(line[i + 1]))) {
      to = i + 1;
      break;
    }
  }
  return { text: line.slice(from, to), from, to };
}

/** Markdown heading, list and quote marks and a bold speaker label at a line's start are not part of the sentence. */
function plainSentence(s: string): string {
  return s
    .replace(/^\s*(?:#{1,6}\s+)?(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?/, '')
    .replace(/^\*\*[^*\n]{1,40}?:\*\*\s*|^\*\*[^*\n]{1,40}?\*\*:\s*/, '')
    .trim();
}

interface Sentence {
  entry: Entry;
  line: number;
  text: string;
  from: number;
  to: number;
  messages: ReportMessage[];
  weight: number;
  rewritten?: string;
}

/**
 * Sentences with findings, the heaviest first (4 per error, 2 per warning, 1
 * per suggestion). Only findings within one line are sentences; a whole
 * voicemail that runs long is listed with its file.
 */
function worstSentences(files: Entry[], limit: number): Sentence[] {
  const all: Sentence[] = [];
  for (const f of files) {
    if (!f.c.text || f.r.fatal) continue;
    const lines = f.c.text.split(/\r?\n/);
    const byKey = new Map<string, Sentence>();
    for (const m of findingsOf(f)) {
      if (m.endLine !== m.line || m.line > lines.length) continue;
      const line = lines[m.line - 1];
      const { text, from, to } = sentenceAround(line, m.column - 1, m.endColumn - 1);
      if (!plainSentence(text)) continue;
      const key = `${m.line}:${from}`;
      let s = byKey.get(key);
      if (!s) byKey.set(key, (s = { entry: f, line: m.line, text, from, to, messages: [], weight: 0 }));
      s.messages.push(m);
      s.weight += WEIGHT[m.severity];
    }
    for (const s of byKey.values()) {
      const rewritten = safeRewrite(s);
      if (rewritten !== undefined) s.rewritten = rewritten;
      all.push(s);
    }
  }
  all.sort((a, b) => b.weight - a.weight || b.messages.length - a.messages.length || a.entry.r.filePath.localeCompare(b.entry.r.filePath) || a.line - b.line);
  return all.slice(0, limit);
}

/** The sentence with `edits` applied, when they all fall inside it (overlapping ones skipped); undefined otherwise. */
function applyInSentence(s: Sentence, edits: readonly ReportEdit[]): string | undefined {
  if (!edits.length || edits.some((ed) => ed.line !== s.line || ed.endLine !== s.line || ed.column - 1 < s.from || ed.endColumn - 1 > s.to)) return undefined;
  let text = s.text;
  let last = Infinity;
  for (const ed of [...edits].sort((x, y) => y.column - x.column)) {
    const start = ed.column - 1 - s.from;
    const end = ed.endColumn - 1 - s.from;
    if (end > last) continue; // overlaps the edit applied after it
    text = text.slice(0, start) + ed.text + text.slice(end);
    last = start;
  }
  return plainSentence(text);
}

/** The sentence with every safe fix that falls inside it applied, or undefined when none does. */
function safeRewrite(s: Sentence): string | undefined {
  const edits = s.messages.map((m) => m.fixes.find((f) => f.kind === 'safe')?.edits ?? []).filter((eds) => applyInSentence(s, eds) !== undefined);
  return edits.length ? applyInSentence(s, edits.flat()) : undefined;
}

/**
 * A rewrite fix's title and wording: the sentence with the fix applied when
 * the fix stays inside it, else the fix's text when it replaces at least the
 * flagged words (a partial edit means nothing on its own).
 */
function rewriteText(m: ReportMessage, s?: Sentence): { title: string; text?: string } | undefined {
  const fix = m.fixes.find((f) => f.kind === 'rewrite');
  if (!fix) return undefined;
  const title = fix.title.replace(/^Rewrite:\s*/i, '');
  const applied = s ? applyInSentence(s, fix.edits) : undefined;
  if (applied !== undefined) return { title, ...(applied ? { text: applied } : {}) };
  const ed = fix.edits.length === 1 ? fix.edits[0] : undefined;
  const covers = ed && (ed.line < m.line || (ed.line === m.line && ed.column <= m.column)) && (ed.endLine > m.endLine || (ed.endLine === m.endLine && ed.endColumn >= m.endColumn));
  const only = covers ? ed.text.trim() : '';
  return { title, ...(only && only.length <= 300 && !only.includes('\n') ? { text: only } : {}) };
}

// ---------- page ----------

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--link:#0550ae;--focus:#bf4b00;
--good:#1a7f37;--fair:#9a6700;--poor:#cf222e;--neutral:#0969da;--up:#1a7f37;--down:#cf222e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#161b22;--link:#6cb6ff;--focus:#ffa657;
--good:#3fb950;--fair:#d29922;--poor:#f85149;--neutral:#4493f8;--up:#3fb950;--down:#f85149}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main,header,nav.toc{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:24px}
h1{font-size:1.8rem;margin:.2em 0}
h2{font-size:1.35rem;margin:2em 0 .5em;padding-top:.5em;border-top:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.2em 0 .4em}
a{color:var(--link)}
a:focus-visible,button:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:8px;top:-60px;background:var(--bg);color:var(--link);padding:8px 12px;border:2px solid var(--focus);z-index:10}
.skip:focus{top:8px}
.muted{color:var(--muted)}
.lead{font-size:1.05rem}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:160px}
.card .big{font-size:2rem;font-weight:700;display:block}
.score{font-weight:700}
.score.good{color:var(--good)}.score.fair{color:var(--fair)}.score.poor{color:var(--poor)}
.up{color:var(--up);font-weight:600}.down{color:var(--down);font-weight:600}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--panel)}
td.num,th.num{text-align:right;white-space:nowrap}
code{font:0.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
nav.toc ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:8px 0 0}
.chart{margin:8px 0 0}
.chart svg{max-width:760px;display:block}
.chart figcaption{color:var(--muted);font-size:.9rem}
.chart-label,.chart-value{fill:var(--fg);font-size:13px;font-family:inherit}
.bar.good{fill:var(--good)}.bar.fair{fill:var(--fair)}.bar.poor{fill:var(--poor)}.bar.neutral{fill:var(--neutral)}
blockquote{margin:4px 0;padding:4px 12px;border-left:4px solid var(--line);background:var(--panel)}
blockquote.after{border-left-color:var(--good)}
ol.sentences>li{margin:0 0 18px}
ul.findings{margin:4px 0;padding-left:20px}
details{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:0 12px}
details[open]{padding-bottom:8px}
summary{cursor:pointer;padding:8px 0;font-weight:600}
.sev-error{color:var(--poor);font-weight:600}.sev-warning{color:var(--fair);font-weight:600}.sev-info,.sev-hint{color:var(--neutral);font-weight:600}
.new{display:inline-block;font-size:.8rem;border:1px solid var(--fair);color:var(--fair);border-radius:4px;padding:0 4px;margin-left:4px}
footer{max-width:1100px;margin:32px auto;padding:0 20px;color:var(--muted);font-size:.9rem}
`;

const SCALE = 'Scores run from 0 to 100: 100 means nothing was found; each error, warning and suggestion lowers it, weighed against the words the buyer reads (one warning in 100 words scores 82).';

function renderHtml(files: Entry[], opts: HtmlOptions, ctx: FormatContext): string {
  const list = files.filter((f) => !f.r.ignored);
  const team = weightedScore(list);
  const all = list.flatMap(findingsOf);
  const fixable = all.filter((m) => m.fixes.some((f) => f.kind === 'safe')).length;
  const baseline = opts.baselineName !== undefined;
  const sections: Array<{ id: string; title: string; html: string }> = [];

  // Summary
  let s = `<p class="lead">${e(SCALE)}</p><div class="cards">`;
  s += `<div class="card"><span class="big">${team === undefined ? '—' : scoreBadge(team)}</span>Team score (0–100), the playbooks' scores weighed by their words</div>`;
  s += `<div class="card"><span class="big">${list.length}</span>${list.length === 1 ? 'playbook' : 'playbooks'} checked</div>`;
  s += `<div class="card"><span class="big">${all.length}</span>${all.length === 1 ? 'finding' : 'findings'}: ${e(severityCounts(all))}</div>`;
  s += `<div class="card"><span class="big">${fixable}</span>can be fixed automatically with <code>playbook-lint --fix</code></div></div>`;
  const bands = [
    { label: '85–100: reads well', test: (n: number) => n >= 85, band: 'good' as const },
    { label: '60–84: worth a pass', test: (n: number) => n >= 60 && n < 85, band: 'fair' as const },
    { label: '0–59: rewrite first', test: (n: number) => n < 60, band: 'poor' as const },
  ];
  const scoredFiles = list.filter(scored);
  if (scoredFiles.length) {
    const bars = bands.map((b) => ({ label: b.label, value: scoredFiles.filter((f) => b.test(f.r.score)).length, band: b.band }));
    s += barChart('Playbooks by score', bars.map((b) => ({ ...b, shown: plural(b.value, 'playbook') })), Math.max(...bars.map((b) => b.value)));
  }
  const unread = list.filter((f) => f.r.notice).length;
  const broken = list.filter((f) => f.r.fatal).length;
  if (unread) s += `<p class="muted">${plural(unread, 'file')} had no words to a buyer (no script, email or voicemail was found), so ${unread === 1 ? 'it has' : 'they have'} no score and ${unread === 1 ? 'is' : 'are'} left out of the team score.</p>`;
  if (broken) s += `<p class="muted">${plural(broken, 'file')} could not be checked; see the list of playbooks.</p>`;
  if (ctx.changedSince !== undefined) s += `<p class="muted">Only the files changed since <code>${e(ctx.changedSince)}</code> were checked, and only findings on changed lines are listed.</p>`;
  sections.push({ id: 'summary', title: 'Summary', html: s });

  // Change since the baseline
  if (baseline) {
    const newCount = list.reduce((n, f) => n + (f.c.baseline ? findingsOf(f).filter(f.c.baseline.isNew).length : 0), 0);
    const resolved = list.reduce((n, f) => n + (f.c.baseline?.resolved ?? 0), 0);
    const withThen = list.filter((f) => scored(f) && f.c.baseline?.scoreThen !== undefined);
    let b = `<p>Compared with the baseline <code>${e(opts.baselineName!)}</code>: <strong>${plural(newCount, 'new finding')}</strong> and <strong>${plural(resolved, 'finding')} resolved</strong> since it was written.</p>`;
    if (withThen.length) {
      const then = weightedScore(withThen, (f) => f.c.baseline!.scoreThen!)!;
      const now = weightedScore(withThen)!;
      b += `<p>Team score of the ${plural(withThen.length, 'playbook')} the baseline scored: ${change(then, now)}.</p>`;
      b += barChart('Team score then and now (0–100)', [
        { label: 'When the baseline was written', value: then, band: scoreBand(then) },
        { label: 'Now', value: now, band: scoreBand(now) },
      ], 100);
    } else {
      b += '<p class="muted">This baseline does not record scores (it was written by an older version); write it again with <code>--write-baseline</code> to compare scores next time.</p>';
    }
    const changed = list
      .filter((f) => f.c.baseline && (findingsOf(f).some(f.c.baseline.isNew) || f.c.baseline.resolved > 0 || (f.c.baseline.scoreThen !== undefined && f.c.baseline.scoreThen !== f.r.score)))
      .sort((x, y) => x.r.score - (x.c.baseline?.scoreThen ?? x.r.score) - (y.r.score - (y.c.baseline?.scoreThen ?? y.r.score)) || x.r.filePath.localeCompare(y.r.filePath));
    if (changed.length) {
      b += '<table><caption class="muted">Playbooks that changed, the biggest drop first</caption><thead><tr><th scope="col">Playbook</th><th scope="col">Score then → now</th><th scope="col" class="num">New findings</th><th scope="col" class="num">Resolved</th></tr></thead><tbody>';
      for (const f of changed) {
        b += `<tr><td><a href="#${f.id}">${e(f.r.filePath)}</a></td><td>${f.r.fatal ? 'not checked' : change(f.c.baseline!.scoreThen, f.r.score)}</td><td class="num">${findingsOf(f).filter(f.c.baseline!.isNew).length}</td><td class="num">${f.c.baseline!.resolved}</td></tr>`;
      }
      b += '</tbody></table>';
    } else b += '<p>No playbook changed since the baseline.</p>';
    sections.push({ id: 'change', title: 'Change since the baseline', html: b });
  }

  // Per playbook type
  const types = new Map<string, Entry[]>();
  for (const f of list) {
    const t = f.r.playbookType ?? NO_TYPE;
    types.set(t, [...(types.get(t) ?? []), f]);
  }
  const typeRows = [...types.entries()].map(([t, fs]) => ({ t, fs, score: weightedScore(fs) })).sort((a, b) => (a.t === NO_TYPE ? 1 : 0) - (b.t === NO_TYPE ? 1 : 0) || a.t.localeCompare(b.t));
  let ty = '<p>The type comes from the playbook\'s front matter (<code>type: call-script</code>) or from a title such as “Cold call script” that its content backs.</p>';
  const typeBars = typeRows.filter((r) => r.score !== undefined).map((r) => ({ label: r.t, value: r.score!, band: scoreBand(r.score!) }));
  if (typeBars.length) ty += barChart('Score per playbook type (0–100)', typeBars, 100);
  ty += '<table><thead><tr><th scope="col">Playbook type</th><th scope="col" class="num">Playbooks</th><th scope="col" class="num">Score</th><th scope="col">Findings</th></tr></thead><tbody>';
  for (const r of typeRows) ty += `<tr><th scope="row">${e(r.t)}</th><td class="num">${r.fs.length}</td><td class="num">${r.score === undefined ? '—' : scoreBadge(r.score)}</td><td>${e(severityCounts(r.fs.flatMap(findingsOf)))}</td></tr>`;
  ty += '</tbody></table>';
  sections.push({ id: 'types', title: 'Score per playbook type', html: ty });

  // Findings by rule
  const rules = new Map<string, { count: number; files: Set<string>; example: string; severity: Severity }>();
  for (const f of list)
    for (const m of findingsOf(f)) {
      const r = rules.get(m.ruleId) ?? { count: 0, files: new Set<string>(), example: m.message, severity: m.severity };
      r.count++;
      r.files.add(f.r.filePath);
      if (WEIGHT[m.severity] > WEIGHT[r.severity]) r.severity = m.severity;
      rules.set(m.ruleId, r);
    }
  const ruleRows = [...rules.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  let ru = '';
  if (!ruleRows.length) ru = '<p>No findings.</p>';
  else {
    ru += barChart('Findings per rule, the most frequent first', ruleRows.slice(0, 12).map(([id, r]) => ({ label: ruleWords(id, r.example), value: r.count })), ruleRows[0][1].count);
    ru += '<table><thead><tr><th scope="col">What the rule looks for</th><th scope="col" class="num">Findings</th><th scope="col" class="num">Playbooks</th><th scope="col">Rule</th></tr></thead><tbody>';
    for (const [id, r] of ruleRows) ru += `<tr><td>${e(ruleWords(id, r.example))}</td><td class="num">${r.count}</td><td class="num">${r.files.size}</td><td><a href="${e(ruleDocsUrl(id))}"><code>${e(id)}</code></a></td></tr>`;
    ru += '</tbody></table>';
  }
  sections.push({ id: 'rules', title: 'Findings by rule', html: ru });

  // Findings by section
  const secs = new Map<string, { title: string; count: number; weight: number; files: Set<string> }>();
  for (const f of list)
    for (const m of findingsOf(f)) {
      const title = m.section ?? BEFORE_HEADINGS;
      const key = title.toLowerCase().replace(/\s+/g, ' ').trim();
      const r = secs.get(key) ?? { count: 0, weight: 0, files: new Set<string>(), title };
      r.count++;
      r.weight += WEIGHT[m.severity];
      r.files.add(f.r.filePath);
      secs.set(key, r);
    }
  const secRows = [...secs.values()].sort((a, b) => b.count - a.count || b.weight - a.weight || a.title.localeCompare(b.title)).slice(0, 25);
  let se = '<p>Sections are matched by their heading across playbooks, so the same heading in several playbooks is one row.</p>';
  if (!secRows.length) se = '<p>No findings.</p>';
  else {
    se += barChart('Findings per section heading, the most first', secRows.slice(0, 10).map((r) => ({ label: r.title, value: r.count })), secRows[0].count);
    se += '<table><thead><tr><th scope="col">Section heading</th><th scope="col" class="num">Findings</th><th scope="col" class="num">Playbooks</th></tr></thead><tbody>';
    for (const r of secRows) se += `<tr><td>${e(r.title)}</td><td class="num">${r.count}</td><td class="num">${r.files.size}</td></tr>`;
    se += '</tbody></table>';
    if (secs.size > secRows.length) se += `<p class="muted">${plural(secs.size - secRows.length, 'other section')} with fewer findings not listed.</p>`;
  }
  sections.push({ id: 'sections', title: 'Findings by section', html: se });

  // Worst sentences
  const worst = worstSentences(list, opts.worstSentences ?? 15);
  let ws = '<p>The sentences with the most serious findings, each with what to change. “Safe fix” rewrites are applied by <code>playbook-lint --fix</code>; the others need the rep\'s knowledge (the trigger event, the value for this buyer) and are offered as quick fixes in the editor.</p>';
  if (!worst.length) ws = '<p>No sentence has a finding.</p>';
  else {
    ws += '<ol class="sentences">';
    for (const w of worst) {
      ws += `<li><p><a href="#${w.entry.id}">${e(w.entry.r.filePath)}</a>, line ${w.line}</p><blockquote>${e(plainSentence(w.text))}</blockquote><ul class="findings">`;
      for (const m of w.messages) {
        const rw = rewriteText(m, w);
        ws += `<li><span class="sev-${m.severity}">${SEVERITY_WORD[m.severity]}:</span> ${e(m.message)}`;
        if (rw) ws += ` <em>Rewrite idea: ${e(rw.title)}</em>${rw.text ? ` — “${e(rw.text)}”` : ''}`;
        ws += '</li>';
      }
      ws += '</ul>';
      if (w.rewritten !== undefined) ws += `<p>Safe fix:</p><blockquote class="after">${w.rewritten ? e(w.rewritten) : '<em>(the sentence is removed)</em>'}</blockquote>`;
      ws += '</li>';
    }
    ws += '</ol>';
  }
  sections.push({ id: 'sentences', title: 'Sentences to rewrite first', html: ws });

  // Playbooks
  const byScore = [...list].sort((a, b) => (a.r.fatal ? -1 : 0) - (b.r.fatal ? -1 : 0) || (scored(a) ? 0 : 1) - (scored(b) ? 0 : 1) || a.r.score - b.r.score || a.r.filePath.localeCompare(b.r.filePath));
  let pb = '<p>The lowest score first. Open a playbook for its findings, line by line.</p>';
  pb += `<table><thead><tr><th scope="col">Playbook</th><th scope="col">Type</th><th scope="col" class="num">Score</th>${baseline ? '<th scope="col">Since the baseline</th>' : ''}<th scope="col">Findings</th></tr></thead><tbody>`;
  for (const f of byScore) {
    const score = f.r.fatal ? 'not checked' : f.r.notice ? '<span class="muted">no score</span>' : scoreBadge(f.r.score);
    const since = baseline ? `<td>${f.r.fatal || f.r.notice ? '' : change(f.c.baseline?.scoreThen, f.r.score)}</td>` : '';
    pb += `<tr><td><a href="#${f.id}">${e(f.r.filePath)}</a></td><td>${e(f.r.playbookType ?? '—')}</td><td class="num">${score}</td>${since}<td>${f.r.fatal ? e(f.r.fatal) : e(severityCounts(findingsOf(f)))}</td></tr>`;
  }
  pb += '</tbody></table>';
  for (const f of [...list].sort((a, b) => a.r.filePath.localeCompare(b.r.filePath))) pb += fileDetails(f);
  sections.push({ id: 'files', title: 'Playbooks', html: pb });

  const title = `Playbook review, ${opts.date}`;
  const nav = sections.map((x) => `<li><a href="#${x.id}">${e(x.title)}</a></li>`).join('');
  const body = sections.map((x) => `<section aria-labelledby="h-${x.id}"><h2 id="h-${x.id}"><span id="${x.id}"></span>${e(x.title)}</h2>${x.html}</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="color-scheme" content="light dark">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#files">Skip to the list of playbooks</a>
<header><h1>${e(title)}</h1><p class="muted">${plural(list.length, 'playbook')} checked by Playbook Lint ${e(ctx.version)}.</p></header>
<nav class="toc" aria-label="Contents"><ul>${nav}</ul></nav>
<main>
${body}
</main>
<footer>Made by Playbook Lint ${e(ctx.version)}. Every rule is explained, with its sources, in the rule reference (docs/rules.md).</footer>
</body>
</html>
`;
}

function fileDetails(f: Entry): string {
  const ms = findingsOf(f);
  const head = `${e(f.r.filePath)} — ${f.r.fatal ? 'not checked' : f.r.notice ? 'no score' : `score ${f.r.score}`}, ${e(severityCounts(ms))}`;
  let s = `<details id="${f.id}"><summary>${head}</summary>`;
  if (f.r.fatal) return `${s}<p>${e(f.r.fatal)}</p></details>`;
  if (f.r.notice) s += `<p class="muted">${e(f.r.notice)}</p>`;
  if (f.r.playbookType) s += `<p>Playbook type: ${e(f.r.playbookType)}</p>`;
  if (!ms.length) return `${s}<p>No findings.</p></details>`;
  s += '<table><thead><tr><th scope="col" class="num">Line</th><th scope="col">Section</th><th scope="col">Finding</th><th scope="col">What to do</th></tr></thead><tbody>';
  for (const m of ms) {
    const isNew = f.c.baseline?.isNew(m) ? '<span class="new">new</span>' : '';
    const safe = m.fixes.find((x) => x.kind === 'safe');
    const rw = rewriteText(m);
    const todo = safe ? `Safe fix: ${e(safe.title)}` : rw ? `Rewrite idea: ${e(rw.title)}${rw.text ? ` — “${e(rw.text)}”` : ''}` : '';
    s += `<tr><td class="num">${m.line}</td><td>${e(m.section ?? '—')}</td><td><span class="sev-${m.severity}">${SEVERITY_WORD[m.severity]}:</span> ${e(m.message)}${isNew}</td><td>${todo}</td></tr>`;
  }
  const hidden = f.r.messages.find((m) => m.ruleId === MORE_FINDINGS_RULE);
  s += '</tbody></table>';
  if (hidden) s += `<p class="muted">${e(hidden.message)}</p>`;
  return `${s}</details>`;
}
