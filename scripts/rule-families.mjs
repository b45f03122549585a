// Phrase families for the built-in rules, expanded at BUILD time (see
// scripts/generate-rules.mjs). A phrase pattern in server/rules/*.yaml may use
// tokens that no valid `u`-flag regular expression contains (in `u` mode a
// brace that does not start a numeric quantifier is a syntax error):
//
//   {forms:chase}            every form of a verb:  (?:chase|chased|chases|chasing)
//   {forms:follow up|chase}  several verbs; a phrasal verb inflects its first word
//   {plural:apology}         a noun and its plural:  (?:apologies|apology)
//   {filler}                 up to three optional filler words, each followed by a
//                            space ("just ", "quickly ", "really "…): write it
//                            directly before the next word, "to {filler}follow up"
//   {NAME}                   a named set from server/rules/_vocabulary.yaml
//                            (contractions, deal documents, time words…)
//
// Word forms come from compromise (https://github.com/spencermountain/compromise),
// an English NLP library, used here only: the generated module holds plain regular
// expression sources, so linting pays nothing for it at run time. Each form is
// also given its British/American spelling variant (apologise/apologize,
// analyse/analyze, favour/favor, cancelled/canceled). Why compromise and not a
// run-time lemmatiser (wink-nlp, wink-lemmatizer): docs/accuracy.md, "Phrase
// families", with the numbers from `node scripts/measure-inflections.mjs`.
//
// The resolved table of every token (built-in rules' lemmas plus the
// vocabulary's `lemmas:` list) is written into the generated module too, so
// team `customRules` can use the same tokens: they are substituted at config
// load from that table, with no NLP library in the bundle.
import nlp from 'compromise';

/** A token: `{name}` or `{kind:arg}`; not after a backslash (`\{` is a literal brace). */
export const TOKEN = /(?<!\\)\{([a-z][a-z-]*)(?::([^{}]+))?\}/g;

/** -ise verbs that never take -ize (and nouns that end the same way). */
const NO_IZE = new Set(
  'advertise advise chastise comprise compromise despise devise disguise enterprise excise exercise expertise franchise improvise merchandise noise otherwise praise premise promise raise revise rise supervise surmise surprise televise treatise wise'.split(' '),
);
/** -our words that stay -our in American spelling. */
const KEEP_OUR = new Set('our your hour four pour tour flour sour devour detour contour scour amour'.split(' '));

const world = nlp.world();
const conjugate = (verb) => world.methods.two.transform.verb.conjugate(verb, world.model);
const toPlural = (noun) => world.methods.two.transform.noun.toPlural(noun, world.model);

/** British and American spellings of one word form (the form itself included). */
export function spellingVariants(form, lemma) {
  const out = new Set([form]);
  const base = lemma.toLowerCase();
  if (/[iy]s(?:e|es|ed|ing|ation|ations)$/.test(form) && /[iy]se$/.test(base) && !NO_IZE.has(base)) out.add(form.replace(/([iy])s(e|es|ed|ing|ation|ations)$/, '$1z$2'));
  if (/[iy]z(?:e|es|ed|ing|ation|ations)$/.test(form) && /[iy]ze$/.test(base) && !['size', 'seize', 'prize'].includes(base)) out.add(form.replace(/([iy])z(e|es|ed|ing|ation|ations)$/, '$1s$2'));
  if (/our$/.test(base) && !KEEP_OUR.has(base)) for (const f of [...out]) out.add(f.replace(/our(?=s?$|ed$|ing$|ite|able)/, 'or'));
  // travel/cancel/label: British doubles the l before -ed/-ing, American does not.
  if (/[aeiou]l$/.test(base) && !/[aeiou]{2}l$/.test(base)) {
    for (const f of [...out]) {
      if (/lled$|lling$/.test(f)) out.add(f.replace(/ll(ed|ing)$/, 'l$1'));
      else if (/[aeiou]l(ed|ing)$/.test(f)) out.add(f.replace(/l(ed|ing)$/, 'll$1'));
    }
  }
  return [...out];
}

/** Regular -ed past for a verb compromise leaves unchanged ("ping" → "pinged"). */
function regularPast(verb) {
  if (/e$/.test(verb)) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** Unchanged pasts that are right (put, cut, set…); any other unchanged past is compromise misreading the verb. */
const SAME_PAST = new Set('bet bid broadcast burst cast cost cut fit forecast hit hurt let put quit read set shed shut slit split spread thrust upset wed'.split(' '));

/** Every form of a verb lemma (a phrasal verb inflects its first word), with spelling variants. */
export function verbForms(lemma, overrides = {}) {
  const [head, ...rest] = lemma.trim().split(/\s+/);
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const c = conjugate(head.toLowerCase());
  const heads = new Set([head.toLowerCase()]);
  for (const key of ['PastTense', 'PresentTense', 'Gerund', 'Participle']) if (c?.[key]) heads.add(c[key]);
  if (c?.PastTense === head.toLowerCase() && !SAME_PAST.has(head.toLowerCase())) heads.add(regularPast(head.toLowerCase()));
  for (const extra of overrides[head.toLowerCase()] ?? []) heads.add(extra);
  const out = new Set();
  for (const h of heads) for (const v of spellingVariants(h, head)) out.add(v + tail);
  return [...out];
}

/** A noun lemma and its plural (the last word of a compound), with spelling variants. */
export function nounForms(lemma) {
  const words = lemma.trim().split(/\s+/);
  const last = words.pop().toLowerCase();
  const lead = words.length ? `${words.join(' ')} ` : '';
  const out = new Set();
  for (const f of [last, toPlural(last) || last]) for (const v of spellingVariants(f, last)) out.add(lead + v);
  return [...out];
}

/** Regex-escapes a word form (forms are plain words, apostrophes and hyphens). */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `(?:a|b|c)`, longest first so the regex tries the fullest form first. */
const group = (alternatives) => `(?:${[...new Set(alternatives)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|')})`;

/**
 * Resolves one token to its regex source. `vocab` is the parsed
 * _vocabulary.yaml; named sets may themselves use tokens (one level deep is
 * plenty; a cycle is an error).
 */
export function resolveToken(name, arg, vocab, seen = []) {
  if (name === 'forms' || name === 'plural') {
    if (!arg) throw new Error(`{${name}:…} needs a word, e.g. {${name}:${name === 'forms' ? 'chase' : 'apology'}}`);
    const lemmas = arg.split('|').map((s) => s.trim()).filter(Boolean);
    const forms = lemmas.flatMap((l) => (name === 'forms' ? verbForms(l, vocab.overrides ?? {}) : nounForms(l)));
    return group(forms.map(escape));
  }
  if (arg !== undefined) throw new Error(`unknown token {${name}:${arg}}; the tokens are {forms:verb}, {plural:noun}, {filler} and the sets of server/rules/_vocabulary.yaml`);
  if (name === 'filler') {
    const words = vocab.fillers ?? [];
    if (!words.length) throw new Error('{filler}: server/rules/_vocabulary.yaml lists no fillers');
    return `(?:${group(words.map(escape))} ){0,3}`;
  }
  const set = vocab.sets?.[name];
  if (!Array.isArray(set) || !set.length) throw new Error(`unknown token {${name}}; add it under "sets:" in server/rules/_vocabulary.yaml`);
  if (seen.includes(name)) throw new Error(`{${name}} refers to itself through ${seen.join(' → ')}`);
  return group(set.map((s) => expandPattern(String(s), vocab, [...seen, name])));
}

/** `source` with every token replaced by its regex source. */
export function expandPattern(source, vocab, seen = []) {
  return source.replace(TOKEN, (_, name, arg) => resolveToken(name, arg, vocab, seen));
}

/** Every token text used in `sources`, e.g. "forms:chase", "filler". */
export function tokensIn(sources) {
  const out = new Set();
  for (const s of sources) for (const m of String(s).matchAll(TOKEN)) out.add(m[2] === undefined ? m[1] : `${m[1]}:${m[2]}`);
  return out;
}

/**
 * The token table shipped in the generated module: every token the built-in
 * rules use, every set and the filler, and `{forms:…}` / `{plural:…}` for the
 * vocabulary's `lemmas:` / `nouns:` lists, so team rules can use them too.
 */
export function tokenTable(usedTokens, vocab) {
  const keys = new Set(usedTokens);
  keys.add('filler');
  for (const name of Object.keys(vocab.sets ?? {})) keys.add(name);
  for (const l of vocab.lemmas ?? []) keys.add(`forms:${l}`);
  for (const n of vocab.nouns ?? []) keys.add(`plural:${n}`);
  const table = {};
  for (const key of [...keys].sort()) {
    const i = key.indexOf(':');
    table[key] = i < 0 ? resolveToken(key, undefined, vocab) : resolveToken(key.slice(0, i), key.slice(i + 1), vocab);
  }
  return table;
}
