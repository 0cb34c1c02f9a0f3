// `npm run bench`: builds dist/ first, then runs every bench/*.js module that exports `run()`,
// in a fixed order (ORDER first, then the rest by name), printing each one's figures as they
// come and a plain summary at the end. A module may export `report(result)` (its full figures)
// and `summary(result)` (a few lines for the end); `run({ log })` may print through `log`.
// `node bench/run.js parse engine` runs only the named modules.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const ORDER = ['parse', 'engine', 'test-e2e', 'check', 'checks', 'compile', 'import', 'hook'];

/**
 * Builds dist/ as `npm run build` does: tsc, then the CLI bundle and its code caches (which the
 * launcher uses, as an installed escalint does). Type errors still emit, so only a missing dist/
 * is fatal; without a bundle the processes run the ES modules, and the summary says so.
 */
function build() {
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    const errors = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('error TS')).length;
    console.log(`bench: tsc reported ${errors} type error(s); benchmarking the JavaScript it emitted`);
  }
  if (!existsSync(join(root, 'dist/src/index.js'))) throw new Error('dist/src/index.js was not built; run `npm run build` and read its errors');
  const b = spawnSync(process.execPath, [join(root, 'scripts/bundle.js')], { cwd: root, encoding: 'utf8' });
  if (b.status !== 0) console.log(`bench: the CLI bundle was not built, so processes run the ES modules:\n${b.stdout}${b.stderr}`);
}

function modules(only) {
  const names = readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.js') && f !== 'run.js')
    .map((f) => f.slice(0, -3));
  const rank = (n) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return only.length > 0 ? names.filter((n) => only.includes(n)) : names;
}

async function main() {
  const only = process.argv.slice(2);
  build();
  const results = [];
  for (const name of modules(only)) {
    const mod = await import(pathToFileURL(join(root, 'bench', `${name}.js`)).href);
    if (typeof mod.run !== 'function') continue;
    console.log(`== bench/${name}.js`);
    const t0 = Date.now();
    try {
      const result = await mod.run({ log: (line) => console.log(line) });
      if (typeof mod.report === 'function') console.log(mod.report(result));
      console.log(`(bench/${name}.js took ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      results.push({ name, mod, result });
    } catch (err) {
      console.log(`bench/${name}.js failed: ${err instanceof Error ? err.message : String(err)}`);
      results.push({ name, error: err });
      process.exitCode = 1;
    }
  }
  console.log('\n== summary');
  for (const { name, mod, result, error } of results) {
    if (error) console.log(`${name}: failed`);
    else if (typeof mod.summary === 'function') console.log(mod.summary(result));
    else if (typeof mod.report === 'function') console.log(mod.report(result));
    else console.log(`${name}: ${JSON.stringify(result)}`);
  }
}

main().catch((err) => {
  console.error(`bench/run.js: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
