/** The committed config schema is generated from the engine's CONFIG_SCHEMA and wired into the editor. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { SCHEMA_PATH, renderSchema } from '../../scripts/generate-schema';
import { STARTER_CONFIG } from '../../server/src/cli/init';

const ROOT = join(__dirname, '..', '..');

describe('config JSON schema', () => {
  it('schemas/playbooklintrc.schema.json is in sync with CONFIG_SCHEMA (run npm run schema:generate)', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), renderSchema());
  });

  it('is contributed for .playbooklintrc.json and the YAML variants', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const json = pkg.contributes.jsonValidation.find((v: { url: string }) => v.url === './schemas/playbooklintrc.schema.json');
    assert.ok(json?.fileMatch.includes('.playbooklintrc.json'));
    const yaml = pkg.contributes.yamlValidation.find((v: { url: string }) => v.url === './schemas/playbooklintrc.schema.json');
    assert.ok(yaml?.fileMatch.includes('.playbooklintrc.yaml') && yaml.fileMatch.includes('.playbooklintrc.yml'));
  });

  it('accepts the --init starter config and the fixture configs, rejects a wrong severity', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(renderSchema()));
    assert.ok(validate(parse(STARTER_CONFIG)), JSON.stringify(validate.errors));
    assert.ok(validate(parse(readFileSync(join(__dirname, 'fixtures/overrides/.playbooklintrc.yaml'), 'utf8'))), JSON.stringify(validate.errors));
    const uncommented = STARTER_CONFIG.replace(/^(\w+): (\[\]|\{\})\n/gm, '$1:\n').replace(/^#(  .*)$/gm, '$1');
    assert.ok(validate(parse(uncommented)), `every commented example in the starter config is valid: ${JSON.stringify(validate.errors)}`);
    assert.equal(validate({ rules: { 'no-empty-check-in': 'loud' } }), false);
  });
});
