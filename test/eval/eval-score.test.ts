/**
 * The evaluation scorer on a tiny synthetic set: precision and recall
 * arithmetic, message spans, tolerated labels, severity views, and a changed
 * line caught by its hash.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  LabelError,
  driftedRows,
  emptyScore,
  lineHash,
  parseLabels,
  parseSplits,
  precision,
  recall,
  scoreFile,
  splitLines,
  type EvalFinding,
} from '../../scripts/eval-score';

const draft = [
  'Subject: Plan for Leeds', // 1
  'Hi Kay,', // 2
  'Sorry to trouble you again.', // 3
  'Touching base on the quote.', // 4
  'Our team can help.', // 5
  'Thanks,', // 6
  'Lou', // 7
];

function tsv(rows: Array<[number, string, string, number?]>): string {
  const body = rows.map(([line, label, note, end]) => `d.md\t${line}\t${end ?? ''}\t${lineHash(draft[line - 1])}\t${label}\t${note}`);
  return ['path\tline\tend\thash\tlabel\tnote', ...body].join('\n');
}

const labels = tsv([
  [1, 'email-length@warning', 'whole message too long', 7],
  [2, 'clean', 'greeting'],
  [3, 'no-apology-for-contact@warning', 'apology'],
  [4, 'no-empty-check-in,?weak-hedge-language', 'check-in'],
  [5, 'clean', 'plain line'],
]);

const f = (ruleId: string, line: number, severity: EvalFinding['severity']): EvalFinding => ({ ruleId, line, severity, message: '' });

test('precision and recall count right, wrong and missed findings per line', () => {
  const rows = parseLabels(labels, 'drafts');
  const findings = [
    f('email-length', 3, 'warning'), // inside the labelled message span: right
    f('no-apology-for-contact', 3, 'info'), // right at info+, absent at warning+
    f('no-apology-for-contact', 3, 'info'), // same line and rule: counted once
    f('weak-hedge-language', 4, 'info'), // tolerated: neither right nor wrong
    f('readability', 5, 'info'), // clean line: wrong
    f('no-empty-check-in', 2, 'warning'), // clean line: wrong
    f('readability', 9, 'info'), // unlabelled line: ignored
  ];
  const info = emptyScore();
  scoreFile(info, rows, findings, 'info');
  assert.deepEqual(info.overall, { tp: 2, fp: 2, expected: 3, hits: 2 });
  assert.equal(precision(info.overall), 0.5);
  assert.equal(recall(info.overall), 2 / 3);
  assert.deepEqual(info.rules['no-apology-for-contact'], { tp: 1, fp: 0, expected: 1, hits: 1 });
  assert.deepEqual(info.rules['no-empty-check-in'], { tp: 0, fp: 1, expected: 1, hits: 0 });
  assert.deepEqual(
    info.misses.map((m) => `${m.line} ${m.rule}`),
    ['4 no-empty-check-in'],
  );
  assert.deepEqual(
    info.falsePositives.map((m) => `${m.line} ${m.rule}`),
    ['5 readability', '2 no-empty-check-in'],
  );

  const warning = emptyScore();
  scoreFile(warning, rows, findings, 'warning');
  // Only labels with a warning floor are expected; info findings are not counted.
  assert.deepEqual(warning.overall, { tp: 1, fp: 1, expected: 2, hits: 1 });
  assert.deepEqual(
    warning.misses.map((m) => `${m.line} ${m.rule}`),
    ['3 no-apology-for-contact'],
  );
});

test('a metric finding outside its labelled message is wrong, and no findings give no precision', () => {
  const rows = parseLabels(tsv([[2, 'question-count', 'message', 3], [5, 'clean', 'x']]), 'drafts');
  const s = emptyScore();
  scoreFile(s, rows, [f('question-count', 5, 'info')], 'info');
  assert.deepEqual(s.overall, { tp: 0, fp: 1, expected: 1, hits: 0 });
  const empty = emptyScore();
  scoreFile(empty, parseLabels(tsv([[2, 'clean', 'x']]), 'drafts'), [], 'info');
  assert.equal(precision(empty.overall), null);
  assert.equal(recall(empty.overall), null);
});

test('a phrase finding inside a labelled message counts on its own line, not on the message span', () => {
  // The subject names the check-in for the whole message (email-length) and for itself; the body line names it too.
  const rows = parseLabels(tsv([[1, 'no-empty-check-in,email-length', 'bump', 7], [4, 'no-empty-check-in', 'check-in']]), 'drafts');
  const s = emptyScore();
  scoreFile(s, rows, [f('no-empty-check-in', 1, 'warning'), f('no-empty-check-in', 4, 'warning'), f('email-length', 2, 'info')], 'info');
  assert.deepEqual(s.overall, { tp: 3, fp: 0, expected: 3, hits: 3 });
});

test('a changed or removed line is caught by its hash', () => {
  const rows = parseLabels(labels, 'drafts');
  assert.deepEqual(driftedRows(rows, draft), []);
  const edited = [...draft];
  edited[3] = 'Touching base on the new quote.';
  assert.deepEqual(
    driftedRows(rows, edited).map((r) => r.line),
    [4],
  );
  assert.deepEqual(
    driftedRows(rows, draft.slice(0, 4)).map((r) => r.line),
    [1, 5],
  );
  // A CRLF file has the same hashes.
  assert.deepEqual(driftedRows(rows, splitLines(draft.join('\r\n'))), []);
});

test('malformed labels and splits are reported with their line', () => {
  assert.throws(() => parseLabels('h\nd.md\tx\t\tabcdefabcdef\tclean', 'drafts'), /drafts\.tsv:2: line "x"/);
  assert.throws(() => parseLabels('h\nd.md\t3\t\tabcdefabcdef\tno such label!', 'drafts'), LabelError);
  assert.throws(() => parseLabels('h\nd.md\t3\t2\tabcdefabcdef\tclean', 'drafts'), /end "2"/);
  assert.throws(() => parseSplits('h\ncorpus\ta.md\ttrain'), /split\.tsv:2/);
});

test('the shipped set is well formed: every labelled file has a split, about 40 % held out', () => {
  const dir = join(__dirname, '..', '..', 'eval', 'labels');
  const rows = [...parseLabels(readFileSync(join(dir, 'corpus.tsv'), 'utf8'), 'corpus'), ...parseLabels(readFileSync(join(dir, 'drafts.tsv'), 'utf8'), 'drafts')];
  const splits = parseSplits(readFileSync(join(dir, 'split.tsv'), 'utf8'));
  const files = new Set(rows.map((r) => `${r.source}:${r.path}`));
  for (const key of files) assert.ok(splits.has(key), `${key} has no split`);
  const corpusFiles = [...files].filter((k) => k.startsWith('corpus:'));
  assert.ok(corpusFiles.length >= 40, `${corpusFiles.length} corpus files`);
  assert.ok(rows.filter((r) => r.source === 'corpus').length >= 200);
  const held = [...files].filter((k) => splits.get(k) === 'heldout').length / files.size;
  assert.ok(held > 0.3 && held < 0.5, `held-out share ${held}`);
  // The drafts are part of the project, so their hashes must match exactly.
  for (const key of [...files].filter((k) => k.startsWith('drafts:'))) {
    const path = key.slice('drafts:'.length);
    const text = readFileSync(join(__dirname, '..', '..', 'eval', 'drafts', path), 'utf8');
    assert.deepEqual(driftedRows(rows.filter((r) => r.source === 'drafts' && r.path === path), splitLines(text)), [], path);
  }
});
