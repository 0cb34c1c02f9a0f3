// Compiles the CLI bundle (dist/src/cli/escalint.cjs, scripts/bundle.js) as CommonJS with V8's code
// cache. The launcher (escalint.js) and the build, which writes the cache, compile it the same way:
// V8 accepts a cache only for the very source it was made from.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Whether the bundle at `file` is at least as new as the ES modules' entry `main`: a plain `tsc`
 * (npm run typecheck, an editor) rewrites dist/src but not the bundle, which then holds older code.
 */
export function bundleIsCurrent(file, main) {
  try {
    return statSync(file).mtimeMs >= statSync(main).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Compiles and runs the bundle at `file`; undefined when there is no bundle. `cachedData` is the
 * code cache, if any (`script.cachedDataRejected` then says whether V8 used it).
 */
export function compileBundle(file, cachedData) {
  let source;
  try {
    // The build makes the bundle ASCII-only (esbuild escapes the rest), so it is read as Latin-1:
    // no UTF-8 decoding, and V8 gets a one-byte string, faster to hash and scan.
    source = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  // The wrapper CommonJS gives a module, on the bundle's first line so that line numbers hold.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { script, exports: module.exports };
}
