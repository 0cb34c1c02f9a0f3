// `npm run build` (after tsc): bundles the CLI into one CommonJS file, dist/src/cli/escalint.cjs,
// and writes V8's code cache for it (escalint.cjs.cache). A hook runs before every command an agent
// runs, so start-up is most of its cost: loading ~150 ES modules (resolving, reading and compiling
// each) costs more than the work. bin/escalint.js compiles the one bundle with the code cache, so
// V8 neither resolves modules nor parses what it compiled before; without the bundle (a checkout
// built with plain tsc) it imports dist/src/cli/main.js as before, with the same behaviour.
//
// The bundle sits beside main.js so that the paths the CLI finds from its own location (package.json,
// schemas/, bin/escalint.js) are the same. Chevrotain comes from its single-file build, as
// grammar/chevrotain.ts loads it; the other packages are bundled from node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outfile = join(root, 'dist/src/cli/escalint.cjs');

let esbuild;
try {
  esbuild = require('esbuild');
} catch {
  // Installed without devDependencies: the launcher falls back to the ES modules.
  process.stderr.write('escalint bundle: esbuild is not installed; the CLI runs from dist/src without a bundle\n');
  rmSync(outfile, { force: true });
  rmSync(`${outfile}.cache`, { force: true });
  process.exit(0);
}

const chevrotainBundle = join(dirname(require.resolve('chevrotain')), '..', 'chevrotain.min.mjs');

/** grammar/chevrotain.js picks Chevrotain's single-file build with a top-level await; here it is a plain import. */
const chevrotainModule = {
  name: 'chevrotain-single-file',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]grammar[\\/]chevrotain\.js$/ }, () => ({
      contents: `export * from ${JSON.stringify(chevrotainBundle)};`,
      loader: 'js',
    }));
  },
};

await esbuild.build({
  entryPoints: [join(root, 'dist/src/cli/main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Every module's `import.meta.url` is the bundle's own URL: the CLI only uses it to find files
  // relative to dist/src/cli/ and to resolve packages, which the bundle's location serves alike.
  define: { 'import.meta.url': '__escalintBundleUrl' },
  banner: { js: 'const __escalintBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [chevrotainModule],
  logLevel: 'warning',
  legalComments: 'none',
});

// The code cache: V8's compiled code for the bundle after a representative run (a hook event,
// which loads rules, parses a command and judges it), so the functions that run are in it too.
const dir = mkdtempSync(join(tmpdir(), 'escalint-bundle-'));
try {
  const rules = join(dir, 'rules.yaml');
  writeFileSync(rules, 'version: 1\nrules:\n  - pattern: [git, status]\n    decision: allow\n  - pattern: [rm]\n    decision: forbidden\n    justification: no\n');
  const event = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: dir, tool_input: { command: 'git status && echo $(rm -rf x) | cat' } });
  rmSync(`${outfile}.cache`, { force: true });
  const r = spawnSync(process.execPath, [join(root, 'bin/escalint.js'), 'hook', 'codex-pre-tool-use', '--rules', rules], {
    input: event,
    encoding: 'utf8',
    env: { ...process.env, ESCALINT_WRITE_CODE_CACHE: '1' },
  });
  if (r.status !== 0 || !r.stdout.includes('"deny"') || !existsSync(`${outfile}.cache`)) {
    process.stderr.write(`escalint bundle: the bundle did not run as expected (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`escalint bundle: wrote ${outfile.slice(root.length + 1)} and its code cache\n`);
