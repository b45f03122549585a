/**
 * fast-check generators for playbook-shaped Markdown: headings with sales
 * section names, speaker lines, quotes, fences, tables, lists, emoji,
 * placeholders, sales phrases the rules react to, directives, and mixed
 * line endings (LF, CRLF, lone CR), plus NUL bytes and lone surrogates.
 */
import fc from 'fast-check';

const phrases = [
  'just checking in', 'touching base', 'sorry to bother you', 'I hope this email finds you well', 'circling back',
  'we are the leading provider', 'I wanted to reach out', 'Do you have 15 minutes?', 'act now', 'limited time only',
  'Would it be crazy to', 'our platform', 'you', 'your team', 'I', 'we', 'Call me back at 555-123-4567.',
];
const headings = ['Call script', 'Cold call opener', 'Voicemail (≤ 25 seconds)', 'Email template', 'Subject lines', 'Objection handling', 'Discovery questions', 'What not to say', 'Notes', 'Follow-up email'];
const speakers = ['Rep:', 'You:', 'Prospect:', 'Buyer:', '**Rep:**', 'AE:', 'SDR:', 'Tip:', 'Subject:', 'Re:'];
const words = ['hi', 'value', 'meeting', 'renewal', 'pipeline', 'budget', '{{first_name}}', '[Company]', '{company}', '😀', '👍🏽', 'naïve', '`code`', '[link](https://x.y)', '*emphasis*', '**strong**', '~~gone~~', '<!-- playbook-lint-disable -->', '<!-- playbook-lint-enable -->', '<!-- playbook-lint-disable-next-line no-empty-check-in -->', '<!-- example: bad -->', '\u0000', '\ud800', '\udc00', '\t', '&amp;', '\\', '|', '>', '#'];

const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...words) }, { weight: 3, arbitrary: fc.constantFrom(...phrases) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const sentence = fc.array(word, { minLength: 1, maxLength: 10 }).map((ws) => ws.join(' '));
const punct = fc.constantFrom('.', '?', '!', ',', '', ' —');
const line = fc.tuple(fc.option(fc.constantFrom(...speakers), { nil: undefined }), sentence, punct).map(([s, t, p]) => `${s ? s + ' ' : ''}${t}${p}`);

const block: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...headings)).map(([d, h]) => [`${'#'.repeat(d)} ${h}`]),
  fc.array(line, { minLength: 1, maxLength: 4 }),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `> ${l}`)),
  fc.tuple(fc.constantFrom('-', '*', '1.', '- [ ]', '- [x]'), fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), line), { minLength: 1, maxLength: 4 })).map(([m, items]) => items.map(([d, l]) => `${'  '.repeat(d)}${m} ${l}`)),
  fc.tuple(fc.constantFrom('```', '~~~', '```text', '```email', '```js', '````'), fc.array(line, { maxLength: 3 }), fc.boolean()).map(([f, ls, closed]) => [f, ...ls, ...(closed ? [f.replace(/[a-z]+$/, '')] : [])]),
  fc.tuple(fc.constantFrom('Instead of', 'Objection', 'Say', 'Response'), fc.constantFrom('Try', 'Rebuttal', 'Better'), fc.array(fc.tuple(sentence, sentence), { minLength: 1, maxLength: 3 })).map(([a, b, rows]) => [`| ${a} | ${b} |`, '|---|---|', ...rows.map(([x, y]) => `| ${x.replace(/\|/g, '')} | ${y.replace(/\|/g, '')} |`)]),
  fc.constantFrom<string[]>(['---', 'type: cold-call', 'audience: prospect', '---'], ['<!-- section: voicemail -->'], ['    indented code'], ['***'], ['[ref]: https://example.com'], ['See [ref] and [^1].'], ['[^1]: A footnote.'], ['<div>', 'html', '</div>']),
);

const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A random playbook: blocks separated by blank lines (sometimes none), each line ending chosen at random. */
export const playbook: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(block, fc.constantFrom(1, 1, 1, 0, 2)), { maxLength: 12 }), fc.infiniteStream(eol), fc.boolean())
  .map(([bom, blocks, eols, finalNewline]) => {
    const lines: string[] = [];
    for (const [b, gap] of blocks) {
      lines.push(...b);
      for (let i = 0; i < gap; i++) lines.push('');
    }
    let out = bom ? '\ufeff' : '';
    lines.forEach((l, i) => {
      out += l;
      if (i < lines.length - 1 || finalNewline) out += eols.next().value;
    });
    return out;
  });

/** An edit: replace `[at, at + del)` (clamped to the text) with `insert`. */
export interface Edit {
  at: number;
  del: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat({ max: 100_000 }),
  del: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 40 })),
  insert: fc.oneof(fc.constantFrom('', 'a', ' ', '\n', '\n\n', '\r\n', '#', '# Voicemail\n', '> ', '- ', '```\n', '|', 'just checking in', 'Rep: ', '😀', '\ud800'), fc.string({ maxLength: 5 }), line),
});

export function applyEdit(text: string, e: Edit): { text: string; start: number; end: number } {
  const start = text.length === 0 ? 0 : e.at % (text.length + 1);
  const end = Math.min(text.length, start + e.del);
  return { text: text.slice(0, start) + e.insert + text.slice(end), start, end };
}
