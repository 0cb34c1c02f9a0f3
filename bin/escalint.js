#!/usr/bin/env node
// Launcher. The CLI is built into dist/ by `npm ci` (the prepare script): tsc's ES modules, and one
// bundle of them, dist/src/cli/escalint.cjs, with V8's code cache beside it (scripts/bundle.js).
// The bundle starts in about half the time — the hook runs before every command an agent runs — so
// it is used when it is there; otherwise the ES modules are.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/src/cli/escalint.cjs', import.meta.url));

/** The bundle's `main`, compiled with the code cache when V8 accepts it; undefined without a bundle. */
function loadBundle() {
  let source;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return undefined;
  }
  const cacheFile = `${bundle}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The wrapper CommonJS gives a module, on the bundle's first line so that line numbers hold.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  // A missing cache, or one another Node version wrote, is written again after the run (the build
  // writes it with ESCALINT_WRITE_CODE_CACHE=1). Best effort: a read-only install just runs without.
  const write = process.env.ESCALINT_WRITE_CODE_CACHE === '1' || cachedData === undefined || script.cachedDataRejected === true;
  const saveCache = () => {
    if (!write) return;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // not writable: nothing to do
    }
  };
  return { main: module.exports.main, saveCache };
}

const loaded = loadBundle();
const main = loaded ? loaded.main : (await import('../dist/src/cli/main.js')).main;

main(process.argv).then(
  (code) => {
    process.exitCode = code;
    loaded?.saveCache();
  },
  (err) => {
    // A bug must never surface as a bare stack trace (design.md §5).
    process.stderr.write(`escalint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
