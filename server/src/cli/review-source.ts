/**
 * Node side of `--format review`: each file's current text (for suggestion
 * blocks) and, with --changed-since, its score at the compared commit, from
 * linting the file's content there with today's config (so the change in
 * score is the change in the playbook, not in the rules).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { changeFor, readAtBase, type ChangeSet } from './changed-lines';
import type { ReviewDescriber, ReviewFileContext } from './formatters/review';
import { lintJob, type LintJobOptions } from './lint-file';

export function createReviewDescriber(cwd: string, jobOpts: LintJobOptions, changes: ChangeSet | undefined, stdinText?: string): ReviewDescriber {
  return (report) => {
    const absPath = resolve(cwd, report.filePath);
    const c: ReviewFileContext = {};
    try {
      c.text = stdinText ?? report.output ?? readFileSync(absPath, 'utf8');
    } catch {
      c.text = undefined;
    }
    if (!changes) return c;
    const file = changeFor(changes, absPath);
    if (!file) return c;
    const before = readAtBase(changes, file);
    if (before === undefined) {
      c.isNew = true;
      return c;
    }
    if (file.basePath !== file.path) c.renamedFrom = file.basePath;
    c.scoreBefore = lintJob({ absPath, text: before }, { ...jobOpts, fix: false, fixDryRun: false }).report.score;
    return c;
  };
}
