/**
 * The parser enables each GFM extension only when its construct can start in
 * the text. That must never change the tree: the gated parse is compared with
 * a parse that always has every extension, on edge cases for each trigger, the
 * examples and random playbooks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { GFM_PARTS, createParser, parseMarkdown } from '../../server/src/engine/parse/parse';
import { playbook } from '../robustness/markdown-arbitrary';

const everything = createParser((1 << GFM_PARTS.length) - 1);

function assertSameTree(text: string): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  assert.deepStrictEqual(parseMarkdown(text).tree, everything.parse(body), JSON.stringify(text));
}

function types(text: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes) => {
    out.push(n.type === 'listItem' && typeof n.checked === 'boolean' ? `task:${n.checked}` : n.type);
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(parseMarkdown(text).tree);
  return out;
}

const EDGE_CASES = [
  '| a | b |\n| - | - |\n| 1 | 2 |\n',
  'a | b\n- | -\n',
  'a\n:-\nb\n', // a table without a single pipe
  'a b\n-:\n',
  '> | a |\n> | - |\n',
  '- | a |\n  |:-:|\n',
  'Text[^1].\n\n[^1]: The note.\n',
  '[^note]: Defined, never called.\n',
  'Call[^x] without a definition.\n',
  '~one~ and ~~two~~\n',
  'a ~ b\n',
  '~~~\nfenced\n~~~\n',
  '- [ ] open\n- [x] done\n- [X] done\n',
  '- [\t] tab\n',
  '- [\r\n] split\r\n',
  '1. [ ] ordered\n',
  '[ ] not in a list\n',
  '\ufeff| a |\n| - |\n',
  'plain paragraph, no trigger at all\n',
  '',
];

describe('parse: GFM extensions enabled by trigger', () => {
  it('each construct is still parsed', () => {
    assert.ok(types('| a |\n| - |\n| 1 |\n').includes('table'));
    assert.ok(types('a\n:-\nb\n').includes('table'));
    assert.ok(types('~~gone~~\n').includes('delete'));
    assert.ok(types('Text[^1].\n\n[^1]: Note.\n').includes('footnoteReference'));
    assert.ok(types('Text[^1].\n\n[^1]: Note.\n').includes('footnoteDefinition'));
    assert.deepEqual(types('- [ ] a\n- [x] b\n').filter((t) => t.startsWith('task')), ['task:false', 'task:true']);
  });
  it('bare URLs and emails stay text (the model makes them opaque)', () => {
    const t = types('See https://example.com or www.example.com and sam@example.com.\n');
    assert.ok(!t.includes('link'));
  });
  it('edge cases of every trigger give the tree all extensions give', () => {
    for (const text of EDGE_CASES) assertSameTree(text);
  });
  it('the examples give the tree all extensions give', () => {
    const dir = join(__dirname, '../../examples');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) assertSameTree(readFileSync(join(dir, f), 'utf8'));
  });
  it('random playbooks give the tree all extensions give', () => {
    fc.assert(fc.property(playbook, (text) => assertSameTree(text)), { numRuns: 300 });
  });
});
