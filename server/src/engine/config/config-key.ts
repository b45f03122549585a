/**
 * The identity of an effective config: its full content as a string. Two
 * configs share a key only when they are the same config, so caches keyed by
 * it (compiled rule sets, the editor's per-document state, the CLI's result
 * cache) can never hand one config's rules to another. Equal configs built in
 * a different key order get different keys: a cache miss, never a wrong hit.
 */
import type { EffectiveConfig } from './config-types';

export function configKey(config: EffectiveConfig): string {
  return JSON.stringify(config);
}
