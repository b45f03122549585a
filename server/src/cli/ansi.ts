/**
 * Colour for the terminal, the way ESLint and most CLIs decide it: FORCE_COLOR
 * (any value but "0" or "false") turns it on, NO_COLOR (any non-empty value,
 * https://no-color.org) turns it off, otherwise colour only when writing to a
 * terminal. Plain SGR codes: a dependency would be larger than this file.
 */
export interface ColorEnv {
  env?: Readonly<Record<string, string | undefined>>;
  /** Standard output is a terminal. */
  isTTY?: boolean;
}

export function wantsColor({ env = {}, isTTY = false }: ColorEnv, toFile = false): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR) return false;
  if (force !== undefined) return false;
  return isTTY && !toFile && env.TERM !== 'dumb';
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => (s ? `\x1b[${open}m${s}\x1b[${close}m` : s);
const identity = (s: string) => s;

export const COLORS: Paint = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), blue: sgr(34, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
export const NO_COLORS: Paint = { red: identity, yellow: identity, green: identity, blue: identity, dim: identity, bold: identity, underline: identity };

export function paint(color: boolean): Paint {
  return color ? COLORS : NO_COLORS;
}
