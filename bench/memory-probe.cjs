// Preloaded into the server by `bench/server-memory.ts --probe` (with --expose-gc); not part of the product.
// On SIGUSR2 it writes the process's memory figures as JSON to $PBL_MEM_PROBE_OUT: before and after a
// full GC, V8 heap spaces, and the GCs run so far. With $PBL_MEM_PROBE_SNAPSHOT it also writes a heap snapshot there.
const v8 = require('node:v8');
const fs = require('node:fs');
const { PerformanceObserver, constants } = require('node:perf_hooks');

const KINDS = { [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
const gcs = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const g = (gcs[KINDS[e.detail.kind] ?? String(e.detail.kind)] ??= { count: 0, ms: 0 });
    g.count++;
    g.ms += e.duration;
  }
}).observe({ entryTypes: ['gc'] });

const figures = () => ({
  memory: process.memoryUsage(),
  spaces: Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size, committed: s.physical_space_size }])),
  gcs: structuredClone(gcs),
});

process.on('SIGUSR2', () => {
  const before = figures();
  const snapshot = process.env.PBL_MEM_PROBE_SNAPSHOT ? v8.writeHeapSnapshot(process.env.PBL_MEM_PROBE_SNAPSHOT) : undefined;
  global.gc();
  const out = process.env.PBL_MEM_PROBE_OUT;
  fs.writeFileSync(`${out}.tmp`, JSON.stringify({ before, after: figures(), snapshot }));
  fs.renameSync(`${out}.tmp`, out);
});
