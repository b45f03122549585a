/**
 * Phone numbers in a script, in the forms reps write them: national and
 * international ("(415) 555-0199", "+44 20 7946 0958", "0161 496 0000"),
 * local ("555-0199"), with an extension ("ext. 204", "x12"), spelled out the
 * way a voicemail says them ("five five five, oh one nine nine"), or as a
 * merge field or slot ("{{phone}}", "[your number]").
 *
 * Written by hand: no maintained library here reads phone numbers out of
 * free text without a country and a metadata download (libphonenumber wants
 * both and still skips spelled-out digits). Dates, times, prices and
 * percentages are digit runs too, so they are ruled out first.
 */

/** Digit groups joined by spaces, dots, dashes or brackets, with an optional + and extension. */
const DIGITS = /(?<![\w$£€.,/:])(\+\s?)?\(?\d[\d\s().-]{5,22}\d(?:\s*(?:ext\.?|extension|x)\s*\d{1,5})?(?![\w%/:]|[.,]\d)/gi;
const SPELLED = /\b(?:(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple)[\s,-]+){6,}(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)\b/gi;
const FIELD = /\{\{\s*[\w.]*(?:phone|number|tel|mobile|cell)[\w.]*\s*\}\}|\[[^\]\n]{0,30}(?:phone|number|tel\b|mobile|cell)[^\]\n]{0,30}\]|\{[\w.]*(?:phone|number|tel|mobile|cell)[\w.]*\}|<[^>\n]{0,30}(?:phone|number)[^>\n]{0,30}>/gi;
/** Dates and times that look like digit groups: 2026-12-05, 05.12.2026, 12 05 2026, 10:30. */
const DATE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4})$/;

/** How many phone numbers the text gives (each mention counts, repeats included). */
export function countPhoneNumbers(text: string): number {
  return countWrittenNumbers(text) + (text.match(SPELLED) ?? []).length;
}

/** Numbers written as digits or a field: their words are not in the word count, but take time to say. */
export function countWrittenNumbers(text: string): number {
  let n = 0;
  for (const m of text.matchAll(DIGITS)) if (isPhone(m[0])) n++;
  return n + (text.match(FIELD) ?? []).length;
}

/** The same number given twice ("0117 496 0813 — that's 0117 496 0813"): said slowly for a listener, never written so. */
export function repeatsANumber(text: string): boolean {
  const seen = new Set<string>();
  for (const m of text.matchAll(DIGITS)) {
    if (!isPhone(m[0])) continue;
    const digits = m[0].replace(/\D/g, '');
    if (seen.has(digits)) return true;
    seen.add(digits);
  }
  return false;
}

/** The first call-back number in `text` (digits or a phone field), as written: a rewrite says it again. */
export function firstPhoneNumber(text: string): string | undefined {
  const digits = [...text.matchAll(DIGITS)].find((m) => isPhone(m[0]));
  const field = new RegExp(FIELD.source, 'i').exec(text);
  const first = digits && (!field || digits.index! <= field.index) ? digits : field;
  return first?.[0].trim();
}

function isPhone(raw: string): boolean {
  const main = raw.replace(/\s*(?:ext\.?|extension|x)\s*\d{1,5}$/i, '').trim();
  const digits = main.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (DATE.test(main)) return false;
  // A year range or a list of numbers ("2019 - 2024", "10, 20, 30") is not a number to call.
  if (/^\d{4}\s*-\s*\d{4}$/.test(main)) return false;
  // Groups of a phone number: short, or the whole number is one run of ten or more (07700900123).
  // "+44 (0)20 …": the bracketed trunk zero of an international number is not a group of its own.
  const groups = main.replace(/\(0\)/, ' ').split(/[\s().-]+/).filter(Boolean);
  // After a country code ("+61 2 5550 1234", "0049 …") a one-digit area code is a group of its own.
  const international = /^(?:\+|00)/.test(groups[0] ?? '');
  return groups.length === 1 ? digits.length >= 10 : groups.every((g, i) => g.length <= 8 && (i === 0 || g.length >= 2 || (i === 1 && international)));
}
