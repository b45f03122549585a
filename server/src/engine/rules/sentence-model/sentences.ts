/**
 * The sentences of a turn as the sentence model reads them, both when it is
 * fitted and when it lints: each sentence's text without the phrases it
 * quotes as examples (The “just checking in” email is selfish → The email is
 * selfish), so the model reads what is said, not what is mentioned.
 */
import { isMention } from '../../read/mention';
import type { Turn } from '../../read/model';
import { sentencesIn } from '../../read/words';

export interface ModelSentence {
  a: number;
  b: number;
  /** The words the model reads. */
  text: string;
}

const QUOTED = /["“'‘][^"“”'‘’\n]{2,200}["”'’]/g;

export function modelSentences(turn: Turn): ModelSentence[] {
  const text = turn.unit.text;
  return sentencesIn(text, turn.a, turn.b).map(({ a, b }) => {
    let out = '';
    let from = a;
    QUOTED.lastIndex = a;
    for (let m = QUOTED.exec(text); m && m.index + m[0].length <= b; m = QUOTED.exec(text)) {
      if (!isMention(turn, m.index + 1, m.index + m[0].length - 1)) continue;
      out += `${text.slice(from, m.index)} `;
      from = m.index + m[0].length;
    }
    return { a, b, text: out + text.slice(from, b) };
  });
}
