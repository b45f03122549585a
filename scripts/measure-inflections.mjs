#!/usr/bin/env node
// Why the phrase families use compromise at build time (docs/accuracy.md, "Phrase families").
// Two ways to make a rule match every form of its verbs:
//   A. generate the forms of each lemma when the rules are built (compromise), so the
//      linter runs plain regular expressions;
//   B. lemmatise the buyer's text when linting (wink-lemmatizer, the lemmatiser of
//      wink-nlp) and match lemmas.
// This prints, on a hand-written gold list of the verbs and nouns sales phrases use
// (regular, irregular, doubled consonants, British and American spellings), how many
// gold forms each gets right and what each costs.
//   node scripts/measure-inflections.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { nounForms, verbForms } from './rule-families.mjs';

const require = createRequire(import.meta.url);
const version = (name) => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

// lemma: every form a phrase rule should match (British and American spellings both).
const VERBS = {
  chase: 'chase chases chased chasing',
  nudge: 'nudge nudges nudged nudging',
  ping: 'ping pings pinged pinging',
  bug: 'bug bugs bugged bugging',
  pester: 'pester pesters pestered pestering',
  bother: 'bother bothers bothered bothering',
  bump: 'bump bumps bumped bumping',
  interrupt: 'interrupt interrupts interrupted interrupting',
  intrude: 'intrude intrudes intruded intruding',
  apologise: 'apologise apologises apologised apologising apologize apologizes apologized apologizing',
  prioritize: 'prioritize prioritizes prioritized prioritizing prioritise prioritises prioritised prioritising',
  finalise: 'finalise finalises finalised finalising finalize finalizes finalized finalizing',
  analyse: 'analyse analyses analysed analysing analyze analyzes analyzed analyzing',
  cancel: 'cancel cancels cancelled canceled cancelling canceling',
  travel: 'travel travels travelled traveled travelling traveling',
  favour: 'favour favours favoured favouring favor favors favored favoring',
  hope: 'hope hopes hoped hoping',
  trust: 'trust trusts trusted trusting',
  want: 'want wants wanted wanting',
  catch: 'catch catches caught catching',
  get: 'get gets got gotten getting',
  find: 'find finds found finding',
  manage: 'manage manages managed managing',
  introduce: 'introduce introduces introduced introducing',
  review: 'review reviews reviewed reviewing',
  sign: 'sign signs signed signing',
  decide: 'decide decides decided deciding',
  stop: 'stop stops stopped stopping',
  plan: 'plan plans planned planning',
  refer: 'refer refers referred referring',
  send: 'send sends sent sending',
  resend: 'resend resends resent resending',
  'follow up': 'follow up|follows up|followed up|following up',
  'check in': 'check in|checks in|checked in|checking in',
  'reach out': 'reach out|reaches out|reached out|reaching out',
  'circle back': 'circle back|circles back|circled back|circling back',
  'touch base': 'touch base|touches base|touched base|touching base',
};
const NOUNS = {
  apology: 'apology apologies',
  update: 'update updates',
  proposal: 'proposal proposals',
  quote: 'quote quotes',
  contract: 'contract contracts',
  reminder: 'reminder reminders',
  'order form': 'order form|order forms',
  colour: 'colour colours color colors',
};
const split = (s) => (s.includes('|') ? s.split('|') : s.split(' '));

// A. compromise, lemma → forms (with the spelling variants of rule-families.mjs).
let t = performance.now();
let right = 0;
let gold = 0;
const spurious = [];
for (const [lemma, forms] of [...Object.entries(VERBS).map(([l, f]) => [l, f, 'v']), ...Object.entries(NOUNS).map(([l, f]) => [l, f, 'n'])]) {
  const want = new Set(split(forms));
  const got = new Set(forms && (VERBS[lemma] === forms ? verbForms(lemma) : nounForms(lemma)));
  gold += want.size;
  for (const f of want) if (got.has(f)) right++;
  for (const f of got) if (!want.has(f)) spurious.push(`${lemma}→${f}`);
}
const msA = performance.now() - t;

// B. wink-lemmatizer, form → lemma, as a run-time lemmatiser would do for every word.
const lem = require('wink-lemmatizer');
let rightB = 0;
let goldB = 0;
const missB = [];
const pairs = [];
for (const [lemma, forms] of Object.entries(VERBS)) for (const f of split(forms)) pairs.push([f, lemma, 'v']);
for (const [lemma, forms] of Object.entries(NOUNS)) for (const f of split(forms)) pairs.push([f, lemma, 'n']);
// A phrasal verb is lemmatised on its first word; a lemma spelled either way counts (apologize = apologise).
const same = (a, b) => a === b || a.replace(/([iy])z/g, '$1s').replace(/or$/, 'our') === b.replace(/([iy])z/g, '$1s').replace(/or$/, 'our');
for (const [form, lemma, pos] of pairs) {
  const [head, ...rest] = form.split(' ');
  const [lemmaHead] = lemma.split(' ');
  const out = pos === 'v' ? lem.verb(head) : rest.length ? lem.noun(rest.at(-1)) : lem.noun(head);
  const target = pos === 'n' && rest.length ? lemma.split(' ').at(-1) : lemmaHead;
  goldB++;
  if (same(out, target)) rightB++;
  else missB.push(`${form}→${out}`);
}
// Cost per word of text at lint time: lemmatise a 100,000-word sample.
const words = pairs.map(([f]) => f.split(' ')[0]);
t = performance.now();
for (let i = 0; i < 100_000; i++) lem.verb(words[i % words.length]);
const msPerWordB = (performance.now() - t) / 100_000;

console.log('| approach | gold forms right | wrong or extra | cost |');
console.log('|---|---:|---|---|');
console.log(`| compromise ${version('compromise')}, forms generated at build time | ${right} / ${gold} (${((100 * right) / gold).toFixed(1)} %) | ${spurious.length ? spurious.join(', ') : 'none'} | ${msA.toFixed(0)} ms once per build; nothing when linting |`);
console.log(`| wink-lemmatizer ${version('wink-lemmatizer')}, text lemmatised when linting | ${rightB} / ${goldB} (${((100 * rightB) / goldB).toFixed(1)} %) | ${missB.length ? missB.join(', ') : 'none'} | ${(msPerWordB * 1000).toFixed(2)} µs per word, every lint (plus tokenising) |`);
