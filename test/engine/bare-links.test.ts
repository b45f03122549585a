/**
 * Bare URLs and email addresses are not parsed as links; the model makes them
 * opaque like written links, with GitHub's rules for where one starts and ends.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/engine';
import { bareLinkRanges } from '../../server/src/engine/parse/bare-links';
import { OPAQUE } from '../../server/src/engine/parse/text-builder';
import { formatFinding, lint } from '../helpers/findings';

const links = (value: string) => bareLinkRanges(value).map(([a, b]) => value.slice(a, b));

function found(text: string, rule = 'no-empty-check-in'): string[] {
  return lint(text).findings.filter((f) => f.ruleId === rule).map((f) => formatFinding(text, f));
}

describe('bare links: where they start and end', () => {
  it('http(s), www, email, mailto and xmpp', () => {
    assert.deepEqual(links('see https://example.com/a?b=1 now'), ['https://example.com/a?b=1']);
    assert.deepEqual(links('or www.example.co.uk/pricing'), ['www.example.co.uk/pricing']);
    assert.deepEqual(links('mail sam.lee+sales@example.com today'), ['sam.lee+sales@example.com']);
    assert.deepEqual(links('mailto:sam@example.com and xmpp:sam@example.com/desk'), ['mailto:sam@example.com', 'xmpp:sam@example.com/desk']);
  });
  it('trailing punctuation and unbalanced parentheses stay outside', () => {
    assert.deepEqual(links('Go to https://example.com/a.'), ['https://example.com/a']);
    assert.deepEqual(links('(see https://example.com/a), then'), ['https://example.com/a']);
    assert.deepEqual(links('https://en.wikipedia.org/wiki/Sales_(disambiguation)'), ['https://en.wikipedia.org/wiki/Sales_(disambiguation)']);
    assert.deepEqual(links('https://example.com/a**'), ['https://example.com/a']);
  });
  it('not a link', () => {
    assert.deepEqual(links('just checking in'), []);
    assert.deepEqual(links('https://localhost and wwwexample and a@b'), []);
    assert.deepEqual(links('xhttps://example.com'), []); // preceded by a letter
    assert.deepEqual(links('sam@example.c0m_'), []);
  });
  it('after an emoji', () => {
    assert.deepEqual(links('😀https://example.com'), ['https://example.com']);
  });
});

describe('model: bare links are opaque', () => {
  it('a phrase inside a bare URL or email is not read', () => {
    assert.deepEqual(found('## Email 2\nSee https://example.com/just_checking_in?touching_base=1 and www.just-checking-in.com now.\n'), []);
    assert.deepEqual(found('## Email 2\nWrite to just.checking.in@example.com for the deck.\n'), []);
  });
  it('one opaque character spanning the URL; the rest keeps its offsets', () => {
    const text = '## Email 2\nSee https://example.com/x, then call.\n';
    const unit = buildModel(text).units[0];
    assert.equal(unit.text, `See ${OPAQUE}, then call.`);
    assert.equal(text.slice(unit.starts[4], unit.ends[4]), 'https://example.com/x');
    assert.equal(text.slice(unit.starts[5], unit.ends[5]), ',');
  });
  it('escapes and character references inside a URL are part of it', () => {
    const text = '## Email 2\nSee https://example.com/a\\_b&amp;c now.\n';
    const unit = buildModel(text).units[0];
    assert.equal(unit.text, `See ${OPAQUE} now.`);
    assert.equal(text.slice(unit.starts[4], unit.ends[4]), 'https://example.com/a\\_b&amp;c');
  });
  it('findings after a quoted www link keep their place', () => {
    // GFM's autolink-literal transform created nodes without positions here, so findings landed at 0:0.
    assert.deepEqual(found("## Email 2\n\nHi Sam, see 'www.example.com/pricing' ok. Just checking in on the proposal.\n"), ['3:43-3:59 warning no-empty-check-in']);
  });
});
