/**
 * Counted nouns for the words users read: `plural(1, 'question')` → "1 question",
 * `plural(3, 'question')` → "3 questions", `plural(2, 'company', 'companies')`.
 * Messages in rule data use the same thing as `{field:noun}` (see `fillMessage`).
 */

/** The plural of an English noun (or a phrase ending in one) by the regular spelling rules. */
export function pluralOf(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return noun.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/i.test(noun)) return noun + 'es';
  return noun + 's';
}

/** "1 question", "0 questions", "4 questions"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = pluralOf(one)): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Fills a message template with figures. `{field}` is replaced with the value;
 * `{field:noun}` (or `{field:noun/nouns}` for an irregular plural) with the
 * value and the noun in the right number, so a template reads "asks
 * {questions:question}" and never "question(s)". Unknown fields stay as written.
 */
export function fillMessage(template: string, fields: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)(?::([^{}/]+)(?:\/([^{}]+))?)?\}/g, (m, key: string, one?: string, many?: string) => {
    if (!(key in fields)) return m;
    const v = fields[key];
    if (one === undefined) return String(v);
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? plural(n, one, many) : `${v} ${one}`;
  });
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
