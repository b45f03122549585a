/**
 * SARIF 2.1.0 for GitHub code scanning: one run, rule metadata (rationale as
 * help, docs URI) for every rule that reported, columns in UTF-16 code units.
 * Streamed: results first, then the tool section with the rules seen.
 */
import { BUILTIN_RULES, citeSource, ruleDocsUrl, type RuleDefinition, type Severity } from '../../engine';
import type { Formatter } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

function ruleDescriptor(id: string): Record<string, unknown> {
  const rule: RuleDefinition | undefined = BUILTIN_RULES.find((r) => r.id === id);
  if (!rule) return { id, name: id, shortDescription: { text: id } };
  const short = rule.description ?? rule.message.replace(/\{match\}/g, '…');
  // Cited as "Title — Author" with the link, and what the rule takes from it.
  const cite = (s: RuleDefinition['sources'][number], link: (text: string, url: string) => string) => `${s.url ? link(citeSource(s), s.url) : citeSource(s)}${s.note ? `: ${s.note}` : ''}`;
  const sources = rule.sources.map((s) => `- ${cite(s, (t, u) => `[${t.replace(/([\\[\]])/g, '\\$1')}](${u})`)}`).join('\n');
  const plainSources = rule.sources.map((s) => `- ${cite(s, (t, u) => `${t} (${u})`)}`).join('\n');
  const markdown = `${rule.rationale.trim()}${sources ? `\n\nSources:\n${sources}` : ''}`;
  const text = `${rule.rationale.trim()}${plainSources ? `\n\nSources:\n${plainSources}` : ''}`;
  return {
    id,
    name: id
      .split(/[-/]/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: short },
    fullDescription: { text: rule.rationale.trim().replace(/\s+/g, ' ') },
    help: { text, markdown },
    helpUri: ruleDocsUrl(id),
    defaultConfiguration: { level: rule.severity === 'off' ? 'none' : LEVEL[rule.severity] },
    properties: { tags: ['playbook', ...(rule.tags ?? [])] },
  };
}

export function createSarifFormatter(): Formatter {
  const ruleIndex = new Map<string, number>();
  let first = true;
  return {
    begin() {
      first = true;
      return `{"$schema":"${SARIF_SCHEMA_URI}","version":"2.1.0","runs":[{"columnKind":"utf16CodeUnits","results":[`;
    },
    file(r) {
      let out = '';
      for (const m of r.messages) {
        if (!ruleIndex.has(m.ruleId)) ruleIndex.set(m.ruleId, ruleIndex.size);
        const result = {
          ruleId: m.ruleId,
          ruleIndex: ruleIndex.get(m.ruleId),
          level: LEVEL[m.severity],
          message: { text: m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(r.filePath), uriBaseId: '%SRCROOT%' },
                region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
              },
            },
          ],
          ...(m.related?.length
            ? {
                relatedLocations: m.related.map((rel, id) => ({
                  id,
                  message: { text: rel.message },
                  physicalLocation: {
                    artifactLocation: { uri: encodeURI(r.filePath), uriBaseId: '%SRCROOT%' },
                    region: { startLine: rel.line, startColumn: rel.column, endLine: rel.endLine, endColumn: rel.endColumn },
                  },
                })),
              }
            : {}),
          partialFingerprints: { 'playbookLint/v1': m.fingerprint },
          ...(m.severity === 'info' || m.severity === 'hint' ? { properties: { severity: m.severity } } : {}),
        };
        out += (first ? '\n' : ',\n') + JSON.stringify(result);
        first = false;
      }
      return out;
    },
    end(_t, ctx) {
      const tool = {
        driver: {
          name: 'playbook-lint',
          version: ctx.version,
          semanticVersion: ctx.version,
          informationUri: 'https://github.com/playbook-lint/playbook-lint',
          rules: [...ruleIndex.keys()].map(ruleDescriptor),
        },
      };
      return `${first ? '' : '\n'}],"tool":${JSON.stringify(tool)}}]}\n`;
    },
  };
}
