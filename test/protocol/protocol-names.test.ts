/**
 * The shared protocol module names exactly the commands the extension
 * contributes, so the client, the server and package.json agree.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as protocol from '../../server/src/protocol';

describe('shared protocol', () => {
  it('its command ids are the contributed commands, and no others', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const contributed = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    const named = Object.entries(protocol).filter(([k]) => k.endsWith('_COMMAND')).map(([, v]) => v as string).sort();
    assert.deepEqual(named, contributed);
  });

  it('custom methods live under the extension’s namespace', () => {
    const methods = [protocol.STATUS_NOTIFICATION, protocol.LINT_FILE_REQUEST, protocol.WORKSPACE_TRUSTED_NOTIFICATION];
    for (const m of methods) assert.match(m, /^playbookLint\/[a-z][A-Za-z]+$/);
    assert.equal(new Set(methods).size, methods.length);
  });
});
