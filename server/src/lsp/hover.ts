/** Hover on a finding: message, figures, rationale, a before → after example, sources. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { citeSource, findRule, numbersSaid, plural, ruleDocsUrl, type Annotation, type Finding, type RuleDefinition, type RuleSource } from '../engine';
import { offsetsToRange } from './conversions';

export function hoverAt(doc: TextDocument, offset: number, findings: readonly Finding[], annotations: readonly Annotation[] = []): Hover | null {
  const hits = findings.filter((f) => f.start <= offset && offset <= f.end);
  // A measurement already explained by a finding of its rule at the same place is not repeated.
  const notes = annotations.filter((a) => a.start <= offset && offset <= a.end && a.detail && !hits.some((f) => f.ruleId === a.ruleId && f.start === a.start));
  if (hits.length === 0 && notes.length === 0) return null;
  const parts = [...hits.map((f) => findingToMarkdown(f, findRule(f.ruleId))), ...notes.map((a) => `${a.detail}\n\n[${a.ruleId}](${ruleDocsUrl(a.ruleId)}) · playbook-lint`)];
  const ranges = [...hits, ...notes];
  const start = ranges.reduce((m, f) => Math.min(m, f.start), Infinity);
  const end = ranges.reduce((m, f) => Math.max(m, f.end), -Infinity);
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: offsetsToRange(doc, start, end) };
}

export function findingToMarkdown(finding: Finding, rule: RuleDefinition | undefined): string {
  const lines: string[] = [`**${finding.message}**`];
  const figures = metricsToText(finding, rule);
  if (figures) lines.push(figures);
  if (finding.reading) lines.push(`_${escapeMarkdown(finding.reading)}_`);
  if (rule?.rationale) lines.push(rule.rationale.trim());
  const example = rule?.examples?.invalid?.find((e) => e.fixed !== undefined) ?? rule?.examples?.invalid?.[0];
  if (example) {
    lines.push(`Before:\n\n${fence(example.text)}`);
    if (example.fixed !== undefined) lines.push(`After:\n\n${fence(example.fixed)}`);
    else {
      const rewrite = rule?.fixes?.find((f) => f.kind === 'rewrite' && f.text);
      if (rewrite?.text) lines.push(`After (${rewrite.title}):\n\n${fence(rewrite.text.replace(/\$\{\d+:([^}]*)\}/g, '[$1]').replace(/\$\d+/g, ''))}`);
    }
  }
  const sources = rule?.sources ?? [];
  if (sources.length > 0) lines.push(`Sources:\n${sources.map((s) => `- ${sourceToMarkdown(s)}`).join('\n')}`);
  lines.push(`[${finding.ruleId}](${ruleDocsUrl(finding.ruleId)}) · playbook-lint`);
  return lines.join('\n\n');
}

/** "[Title — Author](url): what the rule takes from it." */
export function sourceToMarkdown(s: RuleSource): string {
  const cited = escapeMarkdown(citeSource(s));
  return `${s.url ? `[${cited}](${s.url})` : cited}${s.note ? `: ${escapeMarkdown(s.note)}` : ''}`;
}

/** Spoken figures in plain words: "About 38 seconds spoken (95 words at 150 words a minute); aim for 25 seconds or less, as the heading says." */
function metricsToText(finding: Finding, rule: RuleDefinition | undefined): string | undefined {
  const m = finding.metrics;
  if (m && m.repShare !== undefined && m.repWords !== undefined && m.buyerWords !== undefined) {
    return `Rep ${m.repShare} % (${m.repWords} words, ${m.repQuestions ?? 0} questions) · buyer ${100 - m.repShare} % (${m.buyerWords} words, ${m.buyerQuestions ?? 0} questions)${m.limit !== undefined ? ` · limit ${m.limit} %` : ''}`;
  }
  if (!m || m.seconds === undefined) return undefined;
  const wpm = m.wpm ?? (typeof rule?.options?.wordsPerMinute === 'number' ? rule.options.wordsPerMinute : 150);
  let text = `About ${plural(m.seconds, 'second')} spoken`;
  if (m.words !== undefined) text += ` (${plural(m.words, 'word')}${numbersSaid(m.phoneNumbers ?? 0)} at ${wpm} words a minute)`;
  if (m.budget !== undefined) text += `; aim for ${plural(m.budget, 'second')} or less, as the heading says`;
  else if (m.limit !== undefined) text += finding.ruleId === 'voicemail-length' ? `; aim for ${plural(m.limit, 'second')} or less` : `; aim for ${plural(m.limit, 'word')} or fewer`;
  return `${text}.`;
}

function fence(text: string): string {
  const ticks = /```/.test(text) ? '~~~~' : '```';
  return `${ticks}markdown\n${text.replace(/\n$/, '')}\n${ticks}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\[\]*_`])/g, '\\$1');
}
