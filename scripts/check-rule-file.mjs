// Checks one built-in rule file (server/rules/<id>.yaml) against
// schemas/rule.schema.json and returns every problem at once, each as
// `file:line:col message` at the line of the bad key or value. Used by
// scripts/generate-rules.mjs at build and by test/rules/rule-schema.test.ts.
import { readFileSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { LineCounter, parseDocument, isMap } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'rule.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);

/** JSON pointer (`/fixes/0/action`) to YAML path segments. */
function segments(pointer) {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error) {
  const where = error.instancePath ? `${error.instancePath.slice(1)}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(schemaAt(error.schemaPath)?.properties ?? {});
      return `${where}unknown key "${error.params.additionalProperty}"${allowed.length ? `; use one of ${allowed.join(', ')}` : ''}.`;
    }
    case 'required':
      return `${where}missing "${error.params.missingProperty}".`;
    case 'enum':
      return `${where}${JSON.stringify(error.data)} is not one of ${error.params.allowedValues.join(', ')}.`;
    case 'anyOf':
      return `${where}must be a number, a string, true/false, a list of strings or a map of strings.`;
    default:
      return `${where}${error.message}.`;
  }
}

/** The schema object an Ajv schemaPath (`#/definitions/fix/additionalProperties`) belongs to. */
function schemaAt(schemaPath) {
  let node = schema;
  const parts = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1);
  for (const p of parts) node = node?.[p];
  return node;
}

/**
 * Problems in one rule file's text, sorted by position. `file` is the path
 * printed in front of each problem.
 */
export function checkRuleText(text, file) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${file}:${line}:${col}`;
  };
  const problems = [];
  for (const e of doc.errors) problems.push({ offset: e.pos[0], text: `${at(e.pos[0])} ${e.message.split('\n')[0]}` });
  if (problems.length) return { rule: undefined, problems: problems.map((p) => p.text) };
  const rule = doc.toJS({ maxAliasCount: 100 });
  if (!validate(rule)) {
    const errors = validate.errors.filter((e) => !e.schemaPath.includes('/anyOf/') && e.keyword !== 'if');
    for (const e of errors) {
      let offset;
      const path = segments(e.instancePath);
      const node = doc.getIn(path, true) ?? (path.length === 0 ? doc.contents : undefined);
      if (e.keyword === 'additionalProperties' && isMap(node)) {
        const pair = node.items.find((p) => (p.key?.value ?? p.key) === e.params.additionalProperty);
        offset = pair?.key?.range?.[0];
      }
      if (offset === undefined) {
        // A value's own position; for the document root, its first key.
        offset = node?.range?.[0] ?? doc.contents?.range?.[0] ?? 0;
      }
      problems.push({ offset, text: `${at(offset)} ${describe(e)}` });
    }
  }
  const expected = basename(file).replace(/\.yaml$/, '');
  if (typeof rule?.id === 'string' && rule.id !== expected) {
    const offset = doc.getIn(['id'], true)?.range?.[0];
    problems.push({ offset, text: `${at(offset)} id: "${rule.id}" does not match the file name; name the file ${rule.id}.yaml or the rule ${expected}.` });
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { rule, problems: problems.map((p) => p.text) };
}
