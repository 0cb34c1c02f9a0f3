#!/usr/bin/env node
// Launcher. The CLI is built into dist/ by `npm ci` (the prepare script): tsc's ES modules, and one
// bundle of them, dist/src/cli/escalint.cjs, with V8's code caches beside it (scripts/bundle.js).
// The bundle starts in about half the time — the hook runs before every command an agent runs — so
// it is used when it is there and not older than the ES modules; otherwise the ES modules are.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent, compileBundle } from './load-bundle.js';

const bundle = fileURLToPath(new URL('../dist/src/cli/escalint.cjs', import.meta.url));
// `hook` has a cache of its own, of what a hook run compiles: the smaller the cache, the sooner it is read.
const cacheFile = process.argv[2] === 'hook' ? `${bundle}.hook.cache` : `${bundle}.cache`;

let cachedData;
let loaded;
if (bundleIsCurrent(bundle, fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url)))) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  loaded = compileBundle(bundle, cachedData);
}

/**
 * A cache another Node version wrote (V8 rejects it) is written again after the run, from what
 * this run compiled; so is any cache under ESCALINT_WRITE_CODE_CACHE=1 (the build writes the hook's
 * cache that way, from a hook run reading its real standard input). Best effort: a read-only
 * installation runs without.
 */
function saveCache() {
  const rejected = cachedData !== undefined && loaded?.script.cachedDataRejected === true;
  if (!loaded || !(rejected || process.env.ESCALINT_WRITE_CODE_CACHE === '1')) return;
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, loaded.script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // not writable: nothing to do
  }
}

const main = loaded ? loaded.exports.main : (await import('../dist/src/cli/main.js')).main;

main(process.argv).then(
  (code) => {
    process.exitCode = code;
    saveCache();
  },
  (err) => {
    // A bug must never surface as a bare stack trace (design.md §5).
    process.stderr.write(`escalint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
