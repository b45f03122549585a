/** Fix texts as readable text for clients without snippet edits (and the CLI's reports). */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { snippetToPlainText } from '../../server/src/engine';

it('turns tab stops into [blanks], drops bare tab stops and unescapes', () => {
  assert.equal(snippetToPlainText('I noticed ${1:trigger event} at {{company}} — ${2:what it means}.$0'), 'I noticed [trigger event] at {{company}} — [what it means].');
  assert.equal(snippetToPlainText('a \\$5 \\} x ${1:a\\}b} ${3}$'), 'a $5 } x [a}b] $');
});

it('a placeholder nested in another keeps only its words: one pair of brackets', () => {
  assert.equal(snippetToPlainText('${1:Worth a ${2:15-minute} look, or not a priority right now?}'), '[Worth a 15-minute look, or not a priority right now?]');
});
