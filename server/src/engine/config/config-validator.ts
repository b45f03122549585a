/**
 * The config schema compiled with Ajv. Its own module (and, in the bundles, its
 * own file: see esbuild.mjs) so that Ajv loads only when a config file or a
 * `playbook-lint:` front matter block is first read.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA } from './config-schema';

/** Compiling costs ~70 ms; the caller keeps the result. */
export function compileConfigValidator(): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
}
