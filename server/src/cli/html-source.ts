/**
 * Node side of `--format html`: each file's text (for the sentences its
 * findings are in) and, with --baseline, what main() worked out for the file
 * while applying the baseline.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HtmlDescriber, HtmlFileContext } from './formatters/html';

export function createHtmlDescriber(cwd: string, baseline: ReadonlyMap<string, NonNullable<HtmlFileContext['baseline']>>, stdinText?: string): HtmlDescriber {
  return (report) => {
    const c: HtmlFileContext = {};
    try {
      c.text = stdinText ?? readFileSync(resolve(cwd, report.filePath), 'utf8');
    } catch {
      c.text = undefined;
    }
    const b = baseline.get(report.filePath);
    if (b) c.baseline = b;
    return c;
  };
}
