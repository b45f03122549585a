/**
 * The README's Neovim and Emacs configurations, as written, in the real
 * editors (Debian's Neovim 0.7 and Emacs 28 with Eglot and markdown-mode;
 * scripts/ci-e2e-setup.sh installs them): each editor starts headless with the
 * README's config, opens a playbook in a git repository, and must show a
 * diagnostic pushed by our language server (`playbook-language-server` on the
 * PATH runs the built dist/server.js, as the package's bin does). Each test
 * stops the editor and the server it started by their process ids. Without
 * the editor the test is skipped, saying why (under CI=true it fails).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { ensureBuilt } from '../protocol/lsp-harness';
import { ROOT, readmeSnippets } from './readme-snippets';

const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const PLAYBOOK = '# Follow-up email\n\nHi Sam,\n\nJust checking in on the proposal I sent last week.\n\nBest,\nDana\n';

let tmp = '';
let ws = '';
let env: NodeJS.ProcessEnv = {};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process by its id and waits (up to 5 s) until it is gone. */
async function stop(pid: number | undefined): Promise<void> {
  if (pid === undefined || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/** Runs the editor until it exits (it quits itself once the probe wrote its file), or 60 s; returns its pid, exit code and output. */
function runEditor(cmd: string, args: string[]): Promise<{ pid: number; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ pid: child.pid!, code, output });
    });
  });
}

function unavailable(t: TestContext, why: string | undefined): boolean {
  if (!why) return false;
  if (inCI) throw new Error(`cannot run the README's editor snippet: ${why}`);
  t.skip(why);
  return true;
}

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'pbl-editors-'));
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'playbook-language-server'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'server.js')}" "$@"\n`);
  chmodSync(join(bin, 'playbook-language-server'), 0o755);
  ws = join(tmp, 'team-playbooks');
  mkdirSync(join(ws, 'emails'), { recursive: true });
  writeFileSync(join(ws, '.playbooklintrc.yaml'), 'extends: recommended\n');
  writeFileSync(join(ws, 'emails', 'nudge.md'), PLAYBOOK);
  spawnSync('git', ['init', '-q', ws]);
  env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: join(tmp, 'home'), XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data'), XDG_STATE_HOME: join(tmp, 'state') };
  mkdirSync(join(tmp, 'home'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("the README's editor configurations", () => {
  it('Neovim: the init.lua from the README starts our server for a playbook; its diagnostics and quick fixes arrive', async (t) => {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (unavailable(t, nvim.status === 0 ? undefined : 'Neovim is not installed (apt-get install -y neovim)')) return;
    const version = /NVIM v(\d+\.\d+\.\d+)/.exec(nvim.stdout)![1];
    const [snippet] = readmeSnippets().filter((s) => s.kind === 'neovim');
    writeFileSync(join(tmp, 'init.lua'), snippet.text);
    const out = join(tmp, 'nvim.json');
    writeFileSync(
      join(tmp, 'probe.lua'),
      `
local buf = vim.api.nvim_get_current_buf()
local waited = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local clients, diags, actions = {}, {}, {}
for _, c in pairs(vim.lsp.get_active_clients()) do
  table.insert(clients, { name = c.name, pid = c.rpc and c.rpc.pid or vim.NIL, root = c.config.root_dir or vim.NIL })
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(diags, { line = d.lnum + 1, col = d.col + 1, source = d.source or vim.NIL, code = d.code or vim.NIL, message = d.message })
end
local first = vim.diagnostic.get(buf)[1]
if first then
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics and vim.lsp.diagnostic.get_line_diagnostics(buf, first.lnum) or {} },
  }
  for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(actions, a.title) end
  end
end
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode({ waited = waited, filetype = vim.bo[buf].filetype, clients = clients, diagnostics = diags, actions = actions }))
f:close()
vim.cmd('qa!')
`,
    );
    let serverPid: number | undefined;
    let editorPid: number | undefined;
    try {
      const r = await runEditor('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', join(tmp, 'init.lua'), '-c', `luafile ${join(tmp, 'probe.lua')}`, join(ws, 'emails', 'nudge.md')]);
      editorPid = r.pid;
      assert.equal(r.code, 0, `nvim ${version} exited with ${r.code}:\n${r.output}`);
      const got = JSON.parse(readFileSync(out, 'utf8')) as {
        waited: boolean;
        filetype: string;
        clients: Array<{ name: string; pid: number; root: string }>;
        diagnostics: Array<{ line: number; source: string; code: string; message: string }>;
        actions: string[];
      };
      serverPid = got.clients[0]?.pid;
      assert.equal(got.filetype, 'markdown');
      assert.deepEqual(got.clients.map((c) => [c.name, c.root]), [['playbook-lint', ws]], `nvim ${version}: one client, rooted at the folder with .playbooklintrc.yaml`);
      assert.ok(got.waited, `nvim ${version}: diagnostics arrived`);
      const checkIn = got.diagnostics.find((d) => d.code === 'no-empty-check-in');
      assert.ok(checkIn, JSON.stringify(got.diagnostics));
      assert.equal(checkIn.source, 'playbook-lint');
      assert.equal(checkIn.line, 5);
      assert.ok(got.actions.includes('Rewrite: lead with the trigger event'), `quick fixes: ${got.actions.join(' | ')}`);
    } finally {
      await stop(editorPid);
      await stop(serverPid);
    }
    if (serverPid !== undefined) assert.equal(alive(serverPid), false);
  });

  it('Emacs with Eglot: the README configuration and M-x eglot connect our server to a playbook in markdown-mode; diagnostics arrive', async (t) => {
    const probe = spawnSync('emacs', ['--batch', '--eval', "(progn (package-initialize) (require 'eglot) (require 'markdown-mode) (princ emacs-version))"], { encoding: 'utf8', env });
    const why = probe.error
      ? 'Emacs is not installed (apt-get install -y emacs-nox elpa-eglot elpa-markdown-mode)'
      : probe.status !== 0
        ? `Emacs cannot load Eglot and markdown-mode (apt-get install -y elpa-eglot elpa-markdown-mode): ${probe.stderr.trim().split('\n').pop()}`
        : undefined;
    if (unavailable(t, why)) return;
    const version = probe.stdout.trim();
    const [snippet] = readmeSnippets().filter((s) => s.kind === 'emacs');
    writeFileSync(join(tmp, 'readme.el'), snippet.text);
    const out = join(tmp, 'emacs.json');
    writeFileSync(
      join(tmp, 'probe.el'),
      `
(require 'package)
(package-initialize)
(load ${JSON.stringify(join(tmp, 'readme.el'))} nil t)
(require 'eglot)
(require 'json)
(find-file ${JSON.stringify(join(ws, 'emails', 'nudge.md'))})
(call-interactively #'eglot)
(let ((deadline (+ (float-time) 30)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.1)))
(let* ((server (eglot-current-server))
       (mode (symbol-name major-mode))
       (pid (and server (process-id (jsonrpc--process server))))
       (diags (mapcar (lambda (d) (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                        (cons 'text (flymake-diagnostic-text d))))
                      (flymake-diagnostics))))
  (with-temp-file ${JSON.stringify(out)}
    (insert (json-encode (list (cons 'mode mode) (cons 'pid pid) (cons 'diagnostics (vconcat diags))))))
  (kill-emacs 0))
`,
    );
    let serverPid: number | undefined;
    let editorPid: number | undefined;
    try {
      const r = await runEditor('emacs', ['--batch', '-l', join(tmp, 'probe.el')]);
      editorPid = r.pid;
      assert.equal(r.code, 0, `emacs ${version} exited with ${r.code}:\n${r.output}`);
      assert.match(r.output, /\[eglot\] Connected! Server `playbook-language-server' now managing `\(markdown-mode gfm-mode\)' buffers/);
      const got = JSON.parse(readFileSync(out, 'utf8')) as { mode: string; pid: number | null; diagnostics: Array<{ line: number; text: string }> };
      serverPid = got.pid ?? undefined;
      assert.equal(got.mode, 'markdown-mode');
      const checkIn = got.diagnostics.find((d) => d.text.includes('[no-empty-check-in]'));
      assert.ok(checkIn, `emacs ${version}: ${JSON.stringify(got.diagnostics)}`);
      assert.equal(checkIn.line, 5);
      assert.match(checkIn.text, /^playbook-lint \[no-empty-check-in\]: “Just checking in”/);
    } finally {
      await stop(editorPid);
      await stop(serverPid);
    }
    if (serverPid !== undefined) assert.equal(alive(serverPid), false);
  });
});

