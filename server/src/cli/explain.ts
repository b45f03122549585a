/**
 * `playbook-lint --explain FILE`: how the file was read, piece by piece, so a
 * user can see why text was or was not checked and mark it otherwise.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { buildModel, explainReading } from '../engine';
import type { CliIo } from './main';

const VOICE = { rep: 'to the buyer', buyer: 'the buyer  ', guidance: 'guidance   ' } as const;

export function explainFile(io: CliIo, file: string): number {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    io.stderr.write(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check the path.\n`);
    return 2;
  }
  const model = buildModel(text, { fileName: path });
  const lines = explainReading(model);
  const out: string[] = [`${relative(io.cwd, path).replaceAll('\\', '/')}: how each part was read`, ''];
  let section: string | undefined;
  for (const l of lines) {
    if (l.section !== section) {
      section = l.section;
      out.push(section ? `## ${section}` : '(top of the file)');
    }
    const where = l.voice === 'rep' ? ` · ${l.channel}` : '';
    out.push(`  ${String(l.line + 1).padStart(4)}  ${l.linted ? 'checked  ' : 'skipped  '}${VOICE[l.voice]}${where.padEnd(13)}  ${l.excerpt}`);
    if (l.evidence.length) out.push(`        ${' '.repeat(9)}because: ${l.evidence.join('; ')}`);
  }
  const checked = lines.filter((l) => l.linted).length;
  out.push('', `${checked} of ${lines.length} ${lines.length === 1 ? 'piece' : 'pieces'} of text read as words to a buyer and checked.`);
  if (checked === 0) out.push('Mark scripts and emails with front matter `type: call-script` (or email-sequence, voicemail), a `<!-- section: email -->` comment, or a heading such as “Follow-up email”.');
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
