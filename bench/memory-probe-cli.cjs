// Preloaded into the CLI to see which thread holds its peak memory; not part of the product:
//   PBL_MEM_PROBE_OUT=/tmp/cli-mem node -r ./bench/memory-probe-cli.cjs dist/cli.js --format json .
// Workers inherit the preload. Each thread samples its own V8 heap every 10 ms and writes, at its largest
// heap (committed), its V8 heap spaces to $PBL_MEM_PROBE_OUT.<thread>.json ("main" or the worker's thread id);
// the main thread also records the process's peak RSS, which covers every thread (workers are threads).
const v8 = require('node:v8');
const fs = require('node:fs');
const { isMainThread, threadId } = require('node:worker_threads');

const out = `${process.env.PBL_MEM_PROBE_OUT ?? '/tmp/pbl-cli-mem'}.${isMainThread ? 'main' : threadId}.json`;
const MB = (n) => Math.round(n / 2 ** 20);
const t0 = performance.now();
let peak = { heapTotalMB: 0 };
let peakRssMB = 0;

function sample() {
  if (isMainThread) peakRssMB = Math.max(peakRssMB, MB(process.memoryUsage.rss()));
  const h = v8.getHeapStatistics();
  if (MB(h.total_heap_size) <= peak.heapTotalMB) return;
  peak = {
    heapTotalMB: MB(h.total_heap_size),
    heapUsedMB: MB(h.used_heap_size),
    atMs: Math.round(performance.now() - t0),
    spacesMB: Object.fromEntries(v8.getHeapSpaceStatistics().filter((s) => s.physical_space_size > 0).map((s) => [s.space_name, MB(s.physical_space_size)])),
    externalMB: MB(h.external_memory),
    mallocedPeakMB: MB(h.peak_malloced_memory),
  };
}

const write = () => {
  sample();
  fs.writeFileSync(out, JSON.stringify({ thread: isMainThread ? 'main' : threadId, ...(isMainThread ? { peakRssMB } : {}), ...peak }));
};
setInterval(sample, 10).unref();
// Workers are terminated, not exited, so they write as they go.
if (isMainThread) process.on('exit', write);
else setInterval(write, 250).unref();
