/**
 * `--format html`: one self-contained page (no script, nothing loaded from
 * elsewhere) with the team score, per-file and per-type scores, findings by
 * rule and by section, the worst sentences with their rewrites, and with
 * --baseline the change since then. User text is escaped. The page in a real
 * browser (render, keyboard, colour schemes) is test/e2e/html-report.e2e.ts.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { escapeHtml } from '../../server/src/cli/formatters/html';
import { BUILTIN_RULES } from '../../server/src/engine';
import { runMain } from './run-main';

const FIXTURE = join(__dirname, 'fixtures/html-report');
const temps: string[] = [];

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-lint-html-'));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

after(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** The page's text content, tags dropped and entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The rows of the table that follows `heading` (an h2's text), as cell texts. */
function tableAfter(html: string, heading: string): string[][] {
  const at = html.indexOf(`${heading}</h2>`);
  assert.ok(at >= 0, `no section "${heading}"`);
  const table = html.slice(at).match(/<table>[\s\S]*?<\/table>/)![0];
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => textOf(c[1]).trim()));
}

describe('--format html', () => {
  it('writes one self-contained page with -o: no script, no external resource, a content security policy that forbids loading', async () => {
    const dir = copyFixture();
    const r = await runMain(['--format', 'html', '-o', 'report.html'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(html, /<\/html>\n$/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /\s(?:src|srcset)=/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.match(html, /prefers-color-scheme:dark/);
    assert.match(html, /<a class="skip" href="#files">/);
    assert.match(html, /:focus-visible/);
  });

  it('escapes every piece of user text: headings, sentences and paths', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, '<b>&x.md'), '# Voicemail\n\nSorry to bother you, <i>it</i> is Dana & "Co" at 555-0100.\n');
    const r = await runMain(['--format', 'html'], dir);
    const html = r.stdout;
    // The only tags are the page's own: no <script>, <team>, <pricing>, <b> or <i> from the playbooks.
    assert.doesNotMatch(html, /<script|<team>|<pricing>|<under|<b>|<i>/);
    assert.match(html, /<td>Opener &lt;under 30 s&gt; &amp; &quot;hook&quot;<\/td>/);
    assert.match(html, /&lt;b&gt;&amp;x\.md/);
    assert.match(html, /covers &lt;pricing&gt; &amp; &quot;terms&quot;/);
    assert.equal(escapeHtml(`<a href='x'>&"</a>`), '&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;');
  });

  it('shows the team score, the scale in one line, each playbook with its type and score, and per-type scores', async () => {
    const dir = copyFixture();
    const json = JSON.parse((await runMain(['--format', 'json'], dir)).stdout) as { results: Array<{ filePath: string; score: number }> };
    const score = (f: string) => json.results.find((x) => x.filePath === f)!.score;
    const html = (await runMain(['--format', 'html'], dir)).stdout;
    const text = textOf(html);
    assert.match(text, /Scores run from 0 to 100: 100 means nothing was found;/);
    // Both scored playbooks have about the same words; the team score is their word-weighted mean and lies between them.
    const team = Number(text.match(/(\d+) Team score \(0–100\)/)![1]);
    assert.ok(team >= Math.min(score('call.md'), score('email.md')) && team <= Math.max(score('call.md'), score('email.md')), `team ${team}`);
    assert.match(text, /3 playbooks checked/);
    assert.match(text, /1 file had no words to a buyer/);

    const rows = tableAfter(html, 'Playbooks');
    assert.deepEqual(rows[0], ['Playbook', 'Type', 'Score', 'Findings']);
    const row = (f: string) => rows.find((x) => x[0] === f)!;
    assert.deepEqual(row('call.md').slice(1, 3), ['call-script', String(score('call.md'))]);
    assert.deepEqual(row('email.md').slice(1, 3), ['—', String(score('email.md'))]);
    assert.equal(row('process-notes.md')[2], 'no score');

    const types = tableAfter(html, 'Score per playbook type');
    assert.deepEqual(types.find((x) => x[0] === 'call-script'), ['call-script', '1', String(score('call.md')), '2 warnings, 1 suggestion']);
    assert.deepEqual(types.find((x) => x[0] === 'No type given')!.slice(0, 2), ['No type given', '2']);
    // Charts are inline SVG with an accessible name.
    assert.match(html, /<svg role="img" aria-label="Score per playbook type \(0–100\)"/);
  });

  it('groups findings by rule (described in plain words, the id only as a link) and by section heading', async () => {
    const html = (await runMain(['--format', 'html'], copyFixture())).stdout;
    const rules = tableAfter(html, 'Findings by rule');
    const checkIn = BUILTIN_RULES.find((r) => r.id === 'no-empty-check-in')!;
    assert.deepEqual(rules[1], [checkIn.description!, '3', '2', 'no-empty-check-in']);
    assert.ok(!/<h[1-6][^>]*>[^<]*no-empty-check-in/.test(html), 'a rule id is never a heading');
    const sections = tableAfter(html, 'Findings by section');
    assert.deepEqual(sections.find((x) => x[0].startsWith('Opener')), ['Opener <under 30 s> & "hook"', '2', '1']);
    assert.deepEqual(sections.find((x) => x[0] === 'Email 2 — Day 3'), ['Email 2 — Day 3', '3', '1']);
  });

  it('lists the worst sentences with their safe fix applied and the rewrite ideas', async () => {
    const html = (await runMain(['--format', 'html'], copyFixture())).stdout;
    const part = textOf(html.slice(html.indexOf('Sentences to rewrite first</h2>'), html.indexOf('Playbooks</h2>')));
    // The email line has a warning and a suggestion: the heaviest sentence comes first.
    const first = part.indexOf('Just checking in — the proposal I sent last week covers <pricing> & "terms".');
    assert.ok(first >= 0, part);
    assert.ok(first < part.indexOf('Sorry to bother you, but I saw your <team> post'), 'heaviest first');
    // A fix inside the sentence is shown applied to it; a rewrite of the whole sentence shows its wording.
    assert.match(part, /Rewrite idea: Delete the filler opener — “The proposal I sent last week covers <pricing> & "terms"\.”/);
    assert.match(part, /Rewrite idea: give the reason for the call — “The reason for my call: \[trigger event\] — \[what it means for them\]\.”/);
    // The speaker label is not part of the sentence.
    assert.match(part, /Rewrite idea: Delete the apology — “I saw your <team> post & wanted to call\.”/);
    assert.doesNotMatch(part, /\*\*Rep:\*\*/);
  });

  it('with --baseline: new and resolved findings, the score then → now, new findings marked; the exit code counts only new ones', async () => {
    const dir = copyFixture();
    const w = await runMain(['--write-baseline', 'base.json'], dir);
    assert.equal(w.code, 0, w.stderr);
    const base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    const scoreOf = async (f: string) => JSON.parse((await runMain(['--format', 'json'], dir)).stdout).results.find((x: { filePath: string }) => x.filePath === f).score as number;
    const before = await scoreOf('call.md');
    assert.equal(base.scores['call.md'], before);
    assert.equal(base.scores['email.md'], await scoreOf('email.md'));
    assert.equal(base.scores['process-notes.md'], undefined, 'a file with no score has none recorded');

    // In the call script: the check-in is gone, a new apology came in. The email is untouched.
    const call = join(dir, 'call.md');
    writeFileSync(call, `${readFileSync(call, 'utf8').replace('Just checking in on the proposal.', 'Your team asked about pricing last week.')}\n**Prospect:** Fine.\n\n**Rep:** Sorry to bother you again, one last thing.\n`);

    const r = await runMain(['--format', 'html', '--baseline', 'base.json', '--max-warnings', '0'], dir);
    assert.equal(r.code, 1, 'the one new warning is over --max-warnings 0');
    assert.match(r.stderr, /1 warnings, more than --max-warnings 0/);
    const text = textOf(r.stdout);
    assert.match(text, /Compared with the baseline base\.json ?: 1 new finding and 1 finding resolved since it was written\./);
    const after = await scoreOf('call.md');
    const d = after - before;
    const then = `${before} → ${after} ${d > 0 ? `+${d} better` : d < 0 ? `${d} worse` : 'no change'}`;
    const changed = tableAfter(r.stdout, 'Change since the baseline');
    assert.deepEqual(changed.slice(1), [['call.md', then, '1', '1']], 'only the changed playbook is listed');
    assert.deepEqual(tableAfter(r.stdout, 'Playbooks').find((x) => x[0] === 'call.md')![3], then);
    // Every current finding is listed, the new one marked.
    const details = r.stdout.slice(r.stdout.indexOf('<details id="file-1">'));
    assert.equal((details.slice(0, details.indexOf('</details>')).match(/class="new"/g) ?? []).length, 1);
    assert.match(textOf(details.slice(0, details.indexOf('</details>'))), /apologises for reaching out[^|]*new/);
  });

  it('an old baseline without scores still gives the finding counts and says how to record scores', async () => {
    const dir = copyFixture();
    await runMain(['--write-baseline', 'base.json'], dir);
    const base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    delete base.scores;
    writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    const r = await runMain(['--format', 'html', '--baseline', 'base.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const text = textOf(r.stdout);
    assert.match(text, /0 new findings and 0 findings resolved/);
    assert.doesNotMatch(r.stdout, /class="new"/);
    assert.match(text, /This baseline does not record scores/);
    assert.match(text, /No playbook changed since the baseline\./);
  });
});
