/**
 * Words users read: every message says the measured thing with its unit and
 * the target, in the right number, without internal terms.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES, fillMessage, listOf, plural } from '../../server/src/engine';
import { configFrom, lint } from '../helpers/findings';

/** Every message template of a rule: the main one, `*Message` options and `messages.*`. */
function templatesOf(rule: (typeof BUILTIN_RULES)[number]): Array<[string, string]> {
  const o = (rule.options ?? {}) as Record<string, unknown>;
  const out: Array<[string, string]> = [['message', rule.message]];
  for (const [k, v] of Object.entries(o)) if (/Message$/.test(k) && typeof v === 'string') out.push([k, v]);
  for (const [k, v] of Object.entries((o.messages ?? {}) as Record<string, string>)) out.push([`messages.${k}`, v]);
  return out;
}

/** Words an engineer would say and a sales manager would not. */
const INTERNAL = /\(s\)|\bbudget\b|\bgrade \d+\.\d|\bseed\b|\bwpm\b|\binbound-responsiveness\b|\bsyntax\b|\bbank\b|\bCTA\b|\b\d+ s\b/i;

describe('plural and message fields', () => {
  it('counts nouns in the right number', () => {
    assert.equal(plural(1, 'question'), '1 question');
    assert.equal(plural(0, 'question'), '0 questions');
    assert.equal(plural(4, 'question'), '4 questions');
    assert.equal(plural(2, 'company'), '2 companies');
    assert.equal(plural(2, 'day'), '2 days');
    assert.equal(plural(3, 'match'), '3 matches');
    assert.equal(plural(2, 'person', 'people'), '2 people');
    assert.equal(plural(1, 'different thing'), '1 different thing');
  });

  it('fills {field}, {field:noun} and {field:noun/nouns}; leaves unknown fields', () => {
    assert.equal(fillMessage('asks {n:question}', { n: 1 }), 'asks 1 question');
    assert.equal(fillMessage('asks {n:question}', { n: 5 }), 'asks 5 questions');
    assert.equal(fillMessage('{n:person/people} and {m}', { n: 3, m: 'x' }), '3 people and x');
    assert.equal(fillMessage('{missing:word} {n}', { n: 2 }), '{missing:word} 2');
    assert.equal(listOf(['a meeting']), 'a meeting');
    assert.equal(listOf(['a meeting', 'a reply', 'a link']), 'a meeting, a reply and a link');
  });

  it('built-in templates count with {field:noun} and use no internal terms', () => {
    for (const rule of BUILTIN_RULES) {
      for (const [key, t] of templatesOf(rule)) {
        assert.doesNotMatch(t.replace(/\{\w+(?::[^{}]+)?\}/g, '9'), INTERNAL, `${rule.id} ${key}: ${t}`);
        // A count of words, seconds, questions or characters carries its noun.
        assert.doesNotMatch(t, /\{(?:words|seconds|questions|chars|count|self|you|total)\}/, `${rule.id} ${key} counts without a noun: ${t}`);
      }
    }
  });
});

describe('messages as users read them', () => {
  const config = configFrom(undefined);
  const messagesOf = (text: string, ruleId: string) => lint(text, config).findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);

  it('voicemail length: the measured seconds and the target, in seconds', () => {
    const text = '## Voicemail (≤ 20 seconds)\n> Hi {{first_name}}, it\'s {{rep_name}} at Acme. I saw {{company}} opened a new warehouse in Reno and teams in that spot often fight pick errors in the first ninety days. I have a two-page checklist that helps, and it takes ten minutes to read. Call me at {{rep_phone}}.\n';
    const [m] = messagesOf(text, 'voicemail-length');
    assert.match(m, /^This voicemail runs about \d+ seconds \(\d+ words(?: and (?:a phone number|\d+ phone numbers) read out)? at 150 words a minute\); aim for 20 seconds or less: your name, one reason and your number\.$/);
  });

  it('readability: a whole US school grade and the target grade', () => {
    const rule = BUILTIN_RULES.find((r) => r.id === 'readability')!;
    const [m] = messagesOf(rule.examples!.invalid![0].text, 'readability');
    assert.match(m, /^This reads at US school grade \d+; aim for grade 8 or lower by splitting long sentences \(the longest is \d+ words\) and using shorter words such as “\p{L}+”, “\p{L}+” and “\p{L}+”\.$/u);
  });

  it('question count, email length, asks and monologues name the count with its noun', () => {
    const email = '## Follow-up email\n\nSubject: Reno pick errors\n\nHi Dana,\n\nDid the Reno site open? Is the team hiring? Are pick errors up? Do you use scanners? Want the checklist?\n\nBest,\nSam\n';
    assert.deepEqual(messagesOf(email, 'question-count'), ['This email asks 5 questions; ask 3 or fewer so the buyer knows which one to answer.']);
    const long = `## Email 1\n\nSubject: Reno\n\nHi Dana,\n\n${'Your Reno team can cut pick errors with a short checklist that fits the first weeks. '.repeat(12)}Worth a look?\n\nBest,\nSam\n`;
    assert.match(messagesOf(long, 'email-length')[0], /^This first-touch email is \d+ words; buyers skim past about 150, so cut it/);
    const asks = '## Email 2\n\nSubject: Reno\n\nHi Dana,\n\nCan you book a time on my calendar link https://cal.example/sam this week, or reply with who owns picking, or forward this to the right person? Let me know.\n\nBest,\nSam\n';
    const [multi] = messagesOf(asks, 'single-clear-cta');
    assert.match(multi, /^This email asks for \d+ different things \((?:a [a-z ]+(?:, | and ))+a [a-z ]+\); keep the one/);
  });
});
