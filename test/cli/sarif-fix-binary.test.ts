/**
 * SARIF against the official 2.1.0 schema (vendored from the MIT-licensed
 * @microsoft/jest-sarif package: sarif-2.1.0-rtm.5, draft-04), the JSON
 * format's shape, --fix on disk, baselines, and two runs of the real bundle.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { runMain } from './run-main';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');
const CLI = join(ROOT, 'dist', 'cli.js');
const temps: string[] = [];

function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-lint-cli-'));
  temps.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

after(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function validateSarif(log: unknown): void {
  const schema = JSON.parse(readFileSync(join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new AjvDraft04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
}

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, with rule metadata and help URIs', async () => {
    const r = await runMain(['--format', 'sarif', '--rule', 'no-empty-check-in:error'], join(FIXTURES, 'findings'));
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    validateSarif(log);
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'playbook-lint');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'no-empty-check-in');
    assert.match(rule.helpUri, /#no-empty-check-in$/);
    assert.ok(rule.help.text.length > 20);
    // Sources cited as "Title — Author" with the link, in both help texts; no research file names.
    assert.match(rule.help.markdown, /\n- \[Your Killer Communication Strategy — Paul McCord, ThinkAdvisor\]\(https:\/\/thinkadvisor\.com\/[^)]+\): /);
    assert.match(rule.help.text, /\n- Your Killer Communication Strategy — Paul McCord, ThinkAdvisor \(https:\/\/thinkadvisor\.com\/[^)]+\): /);
    assert.match(rule.help.markdown, /Buyers hate poorly executed prospecting, not the channel \(untitled blog post\) — author not named: /);
    assert.doesNotMatch(JSON.stringify(rule), /seed|\d{3}_[0-9a-f]{16}/);
    assert.equal(rule.shortDescription.text, 'Check-ins with nothing new ("just checking in", "touching base")');
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'no-empty-check-in');
    assert.equal(res.level, 'error');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'no-empty-check-in');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 17 });
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'emails/follow-up.md');
  });

  it('is valid with no results too; the validator does reject a broken log', async () => {
    const r = await runMain(['--format', 'sarif'], join(FIXTURES, 'clean'));
    validateSarif(JSON.parse(r.stdout));
    const broken = JSON.parse(r.stdout);
    broken.runs[0].results = [{ ruleId: 'x', level: 'loud', message: {} }];
    assert.throws(() => validateSarif(broken));
  });
});

describe('JSON format', () => {
  it('is versioned, relative, sorted, with 1-based positions and fixes', async () => {
    const r = await runMain(['--format', 'json'], join(FIXTURES, 'findings'));
    const data = JSON.parse(r.stdout);
    assert.equal(data.version, 1);
    assert.deepEqual(
      data.results.map((x: { filePath: string }) => x.filePath),
      ['emails/follow-up.md', 'emails/good.md'],
    );
    const [first] = data.results[0].messages;
    assert.deepEqual(
      { ruleId: first.ruleId, severity: first.severity, line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn },
      { ruleId: 'no-empty-check-in', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 17 },
    );
    assert.ok(first.fixes[0].title && Array.isArray(first.fixes[0].edits) && first.fixes[0].edits[0].line === 3);
    assert.ok(data.results[0].score >= 0 && data.results[0].score <= 100);
  });
});

describe('--fix on disk', () => {
  it('writes safe fixes, leaves clean and broken files alone, no temp files left', async () => {
    const dir = copyFixture('fixable');
    const broken = copyFixture('front-matter-error');
    const rewritesOnly = copyFixture('findings');
    const goodBefore = readFileSync(join(rewritesOnly, 'emails/good.md'), 'utf8');
    const r = await runMain(['--fix'], dir);
    assert.equal(r.code, 0, r.stderr);
    const fixed = readFileSync(join(dir, 'emails/follow-up.md'), 'utf8');
    assert.match(fixed, /^Hi Sam, we can use the freight benchmark to cut your Reno costs by 12% this quarter\.$/m);
    assert.deepEqual(readdirSync(join(dir, 'emails')).sort(), ['follow-up.md']);
    assert.match(r.stdout, /Fixed 2 problems/);

    // Deleting "Just checking in," or "Sorry to bother you," deletes words: a rewrite, never written by --fix.
    const followUp = readFileSync(join(rewritesOnly, 'emails/follow-up.md'), 'utf8');
    const w = await runMain(['--fix'], rewritesOnly);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(readFileSync(join(rewritesOnly, 'emails/follow-up.md'), 'utf8'), followUp);
    assert.equal(readFileSync(join(rewritesOnly, 'emails/good.md'), 'utf8'), goodBefore);
    assert.doesNotMatch(w.stdout, /Fixed/);

    const again = await runMain(['--fix-dry-run'], dir);
    assert.equal(again.stdout, '', 'fixing twice changes nothing');

    const before = readFileSync(join(broken, 'playbook.md'), 'utf8');
    const b = await runMain(['--fix'], broken);
    assert.equal(b.code, 2);
    assert.equal(readFileSync(join(broken, 'playbook.md'), 'utf8'), before, 'a file with config problems is never touched');
  });

  it('unreadable or binary files are reported, the others still linted, exit 2', async () => {
    const dir = copyFixture('findings');
    writeFileSync(join(dir, 'emails/attachment.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const r = await runMain(['--format', 'json'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^emails\/attachment.md: File looks binary/m);
    const data = JSON.parse(r.stdout);
    assert.ok(data.results.find((x: { filePath: string }) => x.filePath === 'emails/follow-up.md').messages.length >= 2);
  });
});

describe('baseline and cache', () => {
  it('--write-baseline then --baseline reports only new findings', async () => {
    const dir = copyFixture('findings');
    const w = await runMain(['--write-baseline', 'baseline.json'], dir);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).version, 1);
    const quiet = await runMain(['--baseline', 'baseline.json', '--max-warnings', '0'], dir);
    assert.equal(quiet.code, 0, quiet.stdout);
    writeFileSync(join(dir, 'emails/follow-up.md'), `${readFileSync(join(dir, 'emails/follow-up.md'), 'utf8')}\nJust checking in again, wanted to see if the team had a chance to read it.\n`);
    const r = await runMain(['--baseline', 'baseline.json', '--format', 'json'], dir);
    const msgs = JSON.parse(r.stdout).results[0].messages;
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0].line, 7);
  });

  it('--cache reuses results for unchanged files and notices changes', async () => {
    const dir = copyFixture('findings');
    const first = await runMain(['--cache', '--format', 'json'], dir);
    assert.ok(existsSync(join(dir, '.playbooklintcache')));
    const second = await runMain(['--cache', '--format', 'json'], dir);
    assert.equal(second.stdout, first.stdout);
    writeFileSync(join(dir, 'emails/follow-up.md'), '# Follow-up email\n\nNothing to flag here, right?\n');
    const third = await runMain(['--cache', '--format', 'json'], dir);
    assert.notEqual(third.stdout, first.stdout);
  });

  it('--init writes a starter config once', async () => {
    const dir = copyFixture('clean');
    assert.equal((await runMain(['--init'], dir)).code, 0);
    assert.ok(existsSync(join(dir, '.playbooklintrc.yaml')));
    assert.equal((await runMain(['--init'], dir)).code, 2);
    assert.equal((await runMain([], dir)).code, 0);
  });
});

function runBinary(args: string[], cwd: string, stdin?: string, timeoutMs = 20000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(child.pid, 'SIGKILL');
      reject(new Error(`playbook-lint ${args.join(' ')} hung; killed pid ${child.pid}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

describe('the real binary (dist/cli.js)', () => {
  it('lints examples/ to SARIF', async () => {
    assert.ok(existsSync(CLI), 'run npm run build first');
    const r = await runBinary(['--format', 'sarif', 'examples'], ROOT);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const log = JSON.parse(r.stdout);
    validateSarif(log);
    assert.ok(log.runs[0].results.length > 0);
    assert.ok(log.runs[0].results.every((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri.startsWith('examples/')));
  });

  it('reads --stdin, fails with --max-warnings 0, and runs worker threads with --jobs', async () => {
    const r = await runBinary(['--stdin', '--stdin-filename', 'emails/x.md', '--max-warnings', '0', '--format', 'github'], join(FIXTURES, 'findings'), '# Follow-up email\n\nJust checking in, wanted to see if you read the proposal I sent over.\n');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::warning file=emails\/x.md,line=3,col=1,/);
    const seq = await runBinary(['--format', 'json', 'examples'], ROOT);
    const par = await runBinary(['--format', 'json', '--jobs', '2', 'examples'], ROOT);
    assert.equal(par.stdout, seq.stdout, par.stderr);
  });

  it('validates a config and checks its team patterns with the separately bundled modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbook-lint-cli-'));
    temps.push(dir);
    writeFileSync(join(dir, '.playbooklintrc.yaml'), ['customRules:', '  - id: team/jargon', '    message: "{match} is jargon; say what changes for the buyer."', "    patterns: ['synerg(?:y|ies)']", '  - id: team/ahead', '    message: "{match} is vague."', "    patterns: ['leverage(?= our)']", ''].join('\n'));
    writeFileSync(join(dir, 'p.md'), '---\nplaybook-lint:\n  rules:\n    no-such-rule: error\n---\n# Email\n\nOur synergy is great.\n');
    const r = await runBinary(['--format', 'json', 'p.md'], dir);
    assert.equal(r.code, 2, 'a refused pattern is a config error');
    assert.match(r.stderr, /customRules\/1\/patterns\/0: "leverage\(\?= our\)" uses a lookahead/);
    assert.doesNotMatch(r.stderr, /customRules\/0/, 'the RE2-compatible pattern compiles');
    assert.match(r.stderr, /p\.md:4:5 front matter: rules\/no-such-rule: there is no rule/);
    assert.ok(JSON.stringify(JSON.parse(r.stdout)).includes('team/jargon'), r.stdout);
  });
});
