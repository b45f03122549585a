/** Findings and config errors → LSP diagnostics. Fixes travel in `Diagnostic.data`. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl, INTERNAL_ERROR_RULE, type ConfigError, type Finding, type Fix, type Severity } from '../engine';
import { offsetsToRange } from './conversions';

export const DIAGNOSTIC_SOURCE = 'playbook-lint';

/**
 * What a diagnostic carries for the code-action handler. `start` is the
 * finding's offset when linted: the client moves the diagnostic's range as the
 * user types, so the handler shifts the fix edits by the difference.
 */
export interface DiagnosticData {
  ruleId: string;
  fixes: Fix[];
  start: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function findingToDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, fixes: finding.fixes, start: finding.start };
  return {
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: doc.uri, range: offsetsToRange(doc, r.start, r.end) }, message: r.message })) }
      : {}),
    range: offsetsToRange(doc, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    ...(finding.ruleId !== INTERNAL_ERROR_RULE ? { codeDescription: { href: ruleDocsUrl(finding.ruleId) } } : {}),
    message: finding.message,
    data,
  };
}

/** `doc` holds the config file's text (or the playbook, for front-matter config). */
export function configErrorToDiagnostic(doc: TextDocument, error: ConfigError): Diagnostic {
  const start = error.start ?? 0;
  const end = error.end ?? (error.start !== undefined ? error.start : 0);
  return {
    range: offsetsToRange(doc, start, end),
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'config',
    // The engine's message already names the key.
    message: error.message,
  };
}

export function isDiagnosticData(data: unknown): data is DiagnosticData {
  const d = data as DiagnosticData | undefined;
  return !!d && typeof d.ruleId === 'string' && Array.isArray(d.fixes) && typeof d.start === 'number';
}
