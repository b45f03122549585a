/**
 * Versioned JSON: `{"version":1,"results":[{filePath, score, messages:[…]}]}`,
 * 1-based lines and UTF-16 columns, sorted by file then position. Streamed one
 * result at a time; fields may be added in version 1, never renamed or removed.
 */
import type { FileReport } from '../report';
import type { Formatter } from './types';

export const JSON_FORMAT_VERSION = 1;

export function fileToJson(r: FileReport): unknown {
  return {
    filePath: r.filePath,
    score: r.score,
    ...(r.fatal ? { error: r.fatal } : {}),
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      fixes: m.fixes.map((f) => ({ title: f.title, kind: f.kind, edits: f.edits })),
    })),
  };
}

export function createJsonFormatter(): Formatter {
  let first = true;
  return {
  begin() {
    return `{"version":${JSON_FORMAT_VERSION},"results":[`;
  },
  file(r) {
    const s = (first ? '\n' : ',\n') + JSON.stringify(fileToJson(r));
    first = false;
    return s;
  },
  end: () => `${first ? '' : '\n'}]}\n`,
  };
}
