/**
 * Restricted Mode over the real server (stdio): a workspace that is not
 * trusted gets built-in rules only, its team rules and pattern settings are
 * off (said once), and its settings cannot raise the size limit; trusting the
 * workspace turns them on without a restart. A client that says nothing about
 * trust (Neovim, Emacs) is trusted.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { STATUS_NOTIFICATION, WORKSPACE_TRUSTED_NOTIFICATION, type LintStatus } from '../../server/src/protocol';
import { byRule, fileUri, serverSessions, type LspSession } from './lsp-harness';

const CAPS = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };
const TEAM_CONFIG = 'customRules:\n  - id: team/no-synergy\n    message: "Say what changes for the buyer instead of {match}."\n    patterns: ["synergy"]\n';
const PLAYBOOK = '# Cold call\n\nRep: Hi Sam, just checking in about the synergy we discussed.\n';

const RESTRICTED_NOTICE = /Restricted Mode, so its 1 team rule in \.playbooklintrc\.yaml is off until you trust the workspace/;

describe('restricted mode (untrusted workspace)', () => {
  const servers = serverSessions('pbl-trust-');

  function workspace(name: string): string {
    const ws = join(servers.dir(), name);
    mkdirSync(ws, { recursive: true });
    writeFileSync(join(ws, '.playbooklintrc.yaml'), TEAM_CONFIG);
    return ws;
  }

  function notices(s: LspSession): string[] {
    return s.notifications.filter((n) => n.method === 'window/showMessage' && /Restricted Mode/.test(n.params.message)).map((n) => n.params.message);
  }

  it('applies only built-in rules until trust is granted, then the team rules too', async () => {
    const ws = workspace('untrusted');
    const s = servers.start();
    s.settings = { debounceMs: 0 };
    await s.initialize(CAPS, fileUri(ws), { workspaceTrusted: false });
    const a = fileUri(join(ws, 'a.md'));
    const b = fileUri(join(ws, 'b.md'));
    s.open(a, PLAYBOOK);
    const before = await s.diagnosticsFor(a, 1, 0);
    assert.equal(byRule(before.diagnostics, 'team/no-synergy').length, 0, 'team rule off');
    assert.equal(byRule(before.diagnostics, 'no-empty-check-in').length, 1, 'built-in rules still apply');
    s.open(b, PLAYBOOK);
    await s.diagnosticsFor(b, 1, 0);
    const told = notices(s);
    assert.equal(told.length, 1, 'said once, not per document');
    assert.match(told[0], RESTRICTED_NOTICE);
    assert.equal(s.notifications.find((n) => n.method === 'window/showMessage' && /Restricted Mode/.test(n.params.message))?.params.type, 3, 'an information notice');

    const mark = s.notifications.length;
    await s.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
    const after = await s.diagnosticsFor(a, 1, mark);
    assert.equal(byRule(after.diagnostics, 'team/no-synergy').length, 1, 'team rule on after trust');
    assert.match(String(byRule(after.diagnostics, 'team/no-synergy')[0].message), /instead of synergy/);
    const afterB = await s.diagnosticsFor(b, 1, mark);
    assert.equal(byRule(afterB.diagnostics, 'team/no-synergy').length, 1, 'every open document re-linted');
    assert.equal(notices(s).length, 1, 'no further notice once trusted');
    assert.equal(await s.shutdown(), 0);
  });

  it('says once that a custom pattern setting in the workspace config is off while restricted', async () => {
    const ws = join(servers.dir(), 'pattern-option');
    mkdirSync(ws, { recursive: true });
    writeFileSync(join(ws, '.playbooklintrc.yaml'), 'rules:\n  single-clear-cta:\n    options:\n      exemptHeadings: "^(?:x+x+)+y$"\n');
    const s = servers.start();
    s.settings = { debounceMs: 0 };
    await s.initialize(CAPS, fileUri(ws), { workspaceTrusted: false });
    const uri = fileUri(join(ws, 'p.md'));
    s.open(uri, PLAYBOOK);
    await s.diagnosticsFor(uri, 1, 0);
    assert.match(notices(s)[0] ?? '', /its 1 custom pattern setting in \.playbooklintrc\.yaml is off/);
    assert.equal(await s.shutdown(), 0);
  });

  it('cannot raise the size limit while restricted; can once trusted', async () => {
    const ws = workspace('size');
    const s = servers.start();
    s.settings = { debounceMs: 0, maxFileSize: 10_000_000 };
    await s.initialize(CAPS, fileUri(ws), { workspaceTrusted: false });
    // Above the 2 MB default, cheap to lint: one fenced code block.
    const big = `# Notes\n\n\`\`\`\n${'x'.repeat(2_200_000)}\n\`\`\`\n`;
    const uri = fileUri(join(ws, 'big.md'));
    s.open(uri, big);
    const status = await s.waitFor<LintStatus>('status of big.md', (n) => n.method === STATUS_NOTIFICATION && n.params.uri === uri);
    assert.equal(status.params.skipped, 'too-large');
    const warning = s.notifications.find((n) => n.method === 'window/showMessage' && /big\.md/.test(n.params.message));
    assert.match(warning?.params.message ?? '', /larger than 2097152 bytes, the most it reads in Restricted Mode\. Trust the workspace/);

    const mark = s.notifications.length;
    await s.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
    const linted = await s.waitFor<LintStatus>('status of big.md after trust', (n) => n.method === STATUS_NOTIFICATION && n.params.uri === uri, 30_000, mark);
    assert.equal(linted.params.skipped, undefined, 'linted with the setting once trusted');
    assert.ok(linted.params.counts);
    assert.equal(await s.shutdown(), 0);
  });

  it('a client that says nothing about trust (Neovim, Emacs) is trusted: team rules apply at once', async () => {
    const ws = workspace('no-trust-model');
    const s = servers.start();
    s.settings = { debounceMs: 0 };
    await s.initialize(CAPS, fileUri(ws));
    const uri = fileUri(join(ws, 'a.md'));
    s.open(uri, PLAYBOOK);
    const published = await s.diagnosticsFor(uri, 1, 0);
    assert.equal(byRule(published.diagnostics, 'team/no-synergy').length, 1);
    assert.equal(notices(s).length, 0);
    assert.equal(await s.shutdown(), 0);
  });
});
