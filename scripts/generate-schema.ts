/**
 * Writes schemas/playbooklintrc.schema.json from the engine's CONFIG_SCHEMA,
 * the same object that validates config at run time. `--check` fails when the
 * file is out of date instead of writing it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_SCHEMA } from '../server/src/engine/config/config-schema';

export const SCHEMA_PATH = resolve(__dirname, '..', 'schemas', 'playbooklintrc.schema.json');

export function renderSchema(): string {
  const doc = { ...CONFIG_SCHEMA, $id: 'https://github.com/playbook-lint/playbook-lint/blob/main/schemas/playbooklintrc.schema.json' };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (require.main === module) {
  const text = renderSchema();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      process.stderr.write(`${SCHEMA_PATH} is out of date; run npm run schema:generate.\n`);
      process.exitCode = 1;
    }
  } else {
    mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
    writeFileSync(SCHEMA_PATH, text);
    process.stdout.write(`Wrote ${SCHEMA_PATH}\n`);
  }
}
