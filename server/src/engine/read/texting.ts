/**
 * Texting spellings read as the words they stand for: "u" → "you", "ur" → "your", "checkin" → "checking",
 * "dont" → "don't", "msg" → "message", "lmk" → "let me know". A rep's texts are written this way, and a
 * phrase rule that knows "did you get a chance" should know "did u get a chance". The spelled-out text keeps,
 * for each of its characters, where it came from in the original, so a finding is placed where the rep wrote it.
 *
 * Written by hand: the English NLP libraries weighed for this project (wink-nlp, compromise) read standard
 * spelling and leave these as unknown words. Only spellings with one reading are listed ("its", "were", "ill"
 * and "id" are also words, and stay as written).
 */
const SPELLED_OUT: ReadonlyMap<string, string> = new Map(Object.entries({
  u: 'you', ya: 'you', ur: 'your', r: 'are', yr: 'your', thru: 'through', tho: 'though',
  msg: 'message', msgs: 'messages', txt: 'text', txts: 'texts', pls: 'please', plz: 'please', thx: 'thanks', ty: 'thank you',
  wk: 'week', wks: 'weeks', tmrw: 'tomorrow', tmr: 'tomorrow', '2day': 'today', b4: 'before', bc: 'because', cuz: 'because', coz: 'because',
  abt: 'about', ppl: 'people', rn: 'right now', lmk: 'let me know', checkin: 'checking', gonna: 'going to', wanna: 'want to', gotta: 'got to',
  dont: "don't", didnt: "didn't", cant: "can't", wont: "won't", im: "I'm", ive: "I've", youre: "you're", youve: "you've", theyre: "they're",
  isnt: "isn't", havent: "haven't", hasnt: "hasn't", doesnt: "doesn't", wasnt: "wasn't", couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't",
  whats: "what's", thats: "that's", heres: "here's", theres: "there's", lets: "let's",
}));

const TOKEN = new RegExp(String.raw`(?<![\p{L}\p{N}'’&/@.-])(?:${[...SPELLED_OUT.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\p{L}\p{N}'’&@-]|\.\p{L})`, 'giu');

/** The text with texting spellings written out, and for each of its characters the original span it stands for. */
export interface SpelledOut {
  text: string;
  /** Where each character's source starts in the original. */
  from: Int32Array;
  /** Where each character's source ends in the original (exclusive). */
  to: Int32Array;
}

/** The text spelled out, or undefined when it holds no texting spelling (most text). */
export function spellOut(text: string): SpelledOut | undefined {
  TOKEN.lastIndex = 0;
  if (!TOKEN.test(text)) return undefined;
  TOKEN.lastIndex = 0;
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const s = m.index!;
    const e = s + m[0].length;
    for (let i = at; i < s; i++) {
      from.push(i);
      to.push(i + 1);
    }
    out += text.slice(at, s);
    let word = SPELLED_OUT.get(m[0].toLowerCase())!;
    // "Dont" at a sentence's start stays capitalised: "Don't".
    if (m[0][0] !== m[0][0].toLowerCase()) word = word[0].toUpperCase() + word.slice(1);
    out += word;
    for (let i = 0; i < word.length; i++) {
      from.push(s);
      to.push(e);
    }
    at = e;
  }
  for (let i = at; i < text.length; i++) {
    from.push(i);
    to.push(i + 1);
  }
  out += text.slice(at);
  return { text: out, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** One word's spelled-out form, for readers of single words (the sentence model); undefined for any other word ("constructor" included). */
export function spelledOutWord(word: string): string | undefined {
  return SPELLED_OUT.get(word);
}
