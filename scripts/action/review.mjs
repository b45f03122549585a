#!/usr/bin/env node
// The GitHub Action's work (action.yml runs this): lint for code scanning
// (SARIF), review the pull request's changes, write the job summary, print
// annotations, and post or update one pull-request comment when given a token.
// No dependencies: node's fetch and child_process only.
//
// Inputs come as environment variables (INPUT_*, set by action.yml) next to
// the ones GitHub sets (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH,
// GITHUB_STEP_SUMMARY, GITHUB_OUTPUT). Writes the outputs exit-code (the
// review run's: 0, 1 or 2), sarif-file and comment-url, and exits 0 so the
// SARIF upload still runs; action.yml fails the job afterwards on exit-code.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Identifies the one comment this action owns on a pull request. */
export const MARKER = '<!-- playbook-lint-review -->';

const env = process.env;
const cli = env.PLAYBOOK_LINT_CLI || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

function readEvent() {
  try {
    return env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  } catch {
    return {};
  }
}

function runCli(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.stderr) process.stderr.write(r.stderr);
  return { code: r.status ?? 2, stdout: r.stdout };
}

function setOutput(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

async function github(method, path, body) {
  const res = await fetch(`${env.GITHUB_API_URL || 'https://api.github.com'}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${env.INPUT_GITHUB_TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'playbook-lint-action',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: GitHub answered ${res.status} ${await res.text()}`);
  return res.json();
}

/** Updates the comment carrying MARKER, or creates it. Returns its URL. */
async function upsertComment(repo, number, body) {
  for (let page = 1; ; page++) {
    const comments = await github('GET', `/repos/${repo}/issues/${number}/comments?per_page=100&page=${page}`);
    const mine = comments.find((c) => typeof c.body === 'string' && c.body.includes(MARKER));
    if (mine) return (await github('PATCH', `/repos/${repo}/issues/comments/${mine.id}`, { body })).html_url;
    if (comments.length < 100) break;
  }
  return (await github('POST', `/repos/${repo}/issues/${number}/comments`, { body })).html_url;
}

async function main() {
  if (!existsSync(cli)) throw new Error(`Playbook Lint is not installed at ${cli}.`);
  const event = readEvent();
  const paths = (env.INPUT_PATHS || '').split(/\s+/).filter(Boolean);
  const changedSince = env.INPUT_CHANGED_SINCE || event.pull_request?.base?.sha || '';
  const maxWarnings = env.INPUT_MAX_WARNINGS && env.INPUT_MAX_WARNINGS !== '-1' ? ['--max-warnings', env.INPUT_MAX_WARNINGS] : [];
  const scope = [...(changedSince ? ['--changed-since', changedSince] : []), ...paths];

  // Code scanning gets every finding in the linted files; it shows the new ones on the pull request itself.
  if (env.INPUT_SARIF_FILE) {
    const sarif = resolve(env.INPUT_SARIF_FILE);
    runCli(['--format', 'sarif', '--output', sarif, ...paths]);
    if (existsSync(sarif)) setOutput('sarif-file', sarif);
  }
  const annotations = runCli(['--format', 'github', ...scope]);
  process.stdout.write(annotations.stdout);
  const review = runCli(['--format', 'review', ...maxWarnings, ...scope]);
  setOutput('exit-code', review.code);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${review.stdout}\n`);

  const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  if (env.INPUT_GITHUB_TOKEN && number !== undefined && env.GITHUB_REPOSITORY) {
    try {
      const url = await upsertComment(env.GITHUB_REPOSITORY, number, `${MARKER}\n${review.stdout}`);
      setOutput('comment-url', url);
      process.stdout.write(`Review comment: ${url}\n`);
    } catch (e) {
      // A fork's token cannot comment; the summary and annotations still stand.
      process.stdout.write(`::warning title=playbook-lint::Could not post the review comment (${e.message.split('\n')[0]}); the job summary has the review.\n`);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`playbook-lint action: ${e.message}\n`);
  setOutput('exit-code', 2);
  process.exitCode = 2;
});
