// `npm run build` (after tsc): bundles the CLI into one CommonJS file, dist/src/cli/escalint.cjs,
// and writes V8's code caches for it (escalint.cjs.hook.cache for `hook`, escalint.cjs.cache for the
// other commands). A hook runs before every command an agent
// runs, so start-up is most of its cost: loading ~150 ES modules (resolving, reading and compiling
// each) costs more than the work. bin/escalint.js compiles the one bundle with the code cache, so
// V8 neither resolves modules nor parses what it compiled before; without the bundle (a checkout
// built with plain tsc) it imports dist/src/cli/main.js as before, with the same behaviour.
//
// The bundle sits beside main.js so that the paths the CLI finds from its own location (package.json,
// schemas/, bin/escalint.js) are the same. Chevrotain comes from its single-file build, as
// grammar/chevrotain.ts loads it; the other packages are bundled from node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  rmSync(`${outfile}.hook.cache`, { force: true });
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
  charset: 'ascii', // (the default) bin/load-bundle.js reads the bundle as Latin-1
  legalComments: 'none',
  // Less to read and hash at every start; names are kept, for stack traces in bug reports.
  minifyWhitespace: true,
  minifySyntax: true,
});

// bin/load-bundle.js reads the bundle as Latin-1, which is only right for ASCII.
if (!/^[\x00-\x7f]*$/.test(readFileSync(outfile, 'latin1'))) {
  process.stderr.write('escalint bundle: the bundle is not ASCII-only (esbuild charset); bin/load-bundle.js reads it as Latin-1\n');
  process.exit(1);
}

// The code caches: V8's compiled code for the bundle after representative runs (a hook event, which
// loads rules, parses a command and judges it; `check` of a YAML and a `.rules` file), so that the
// functions they run are in them, not only the top level of each module.
const { compileBundle } = await import(pathToFileURL(join(root, 'bin/load-bundle.js')).href);
const dir = mkdtempSync(join(tmpdir(), 'escalint-bundle-'));
try {
  rmSync(`${outfile}.cache`, { force: true });
  rmSync(`${outfile}.hook.cache`, { force: true });
  const yaml = join(dir, 'rules.yaml');
  writeFileSync(
    yaml,
    'version: 1\nrules:\n  - pattern: [git, [status, diff]]\n    decision: allow\n  - id: no-rm\n    pattern: [rm]\n    decision: forbidden\n    justification: "no"\n  - pattern: [cargo, test, -p, core]\n    decision: allow\n  - pattern: [grep]\n    decision: prompt\n',
  );
  const rules = join(dir, 'default.rules');
  writeFileSync(rules, 'prefix_rule(pattern=["git", "status"], decision="allow")\nprefix_rule(pattern=["/bin/bash", "-lc", "cd app && npm test"], decision="allow")\n');
  // A command with the common shapes (and-or lists, a pipe, a substitution, quotes, an assignment,
  // redirections), so that what most hook runs compile is in the cache.
  const event = JSON.stringify({
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    cwd: dir,
    tool_input: { command: `cd app && NODE_ENV=test git status --short 2>&1 | grep -v '^??' > /dev/null; echo "$(rm -rf x)" || cargo test -p core` },
  });
  // The hook's cache holds what a hook run compiles, and nothing more (a larger cache takes longer
  // to read, and the hook runs before every command): a process of its own, reading its event from
  // standard input as under the agent.
  const hook = spawnSync(process.execPath, [join(root, 'bin/escalint.js'), 'hook', 'codex-pre-tool-use', '--rules', yaml], {
    input: event,
    encoding: 'utf8',
    env: { ...process.env, ESCALINT_WRITE_CODE_CACHE: '1' },
  });
  if (hook.status !== 0 || !hook.stdout.includes('"deny"') || !existsSync(`${outfile}.hook.cache`)) {
    process.stderr.write(`escalint bundle: escalint hook did not run as expected from the bundle (exit ${hook.status}):\n${hook.stdout}${hook.stderr}`);
    process.exit(1);
  }
  // The other commands' cache: check runs on a YAML and a `.rules` file in this process.
  const loaded = compileBundle(outfile, undefined);
  for (const [file, finding] of [[yaml, 'too-specific'], [rules, 'shell-wrapper']]) {
    let out = '';
    const io = { stdout: (t) => void (out += t), stderr: (t) => void (out += t), readStdin: async () => '', isTTY: false, env: { ...process.env, NO_COLOR: '1' }, cwd: dir };
    await loaded.exports.main(['node', 'escalint', 'check', file], io);
    if (!out.includes(finding)) {
      process.stderr.write(`escalint bundle: escalint check did not run as expected from the bundle:\n${out}`);
      process.exit(1);
    }
  }
  writeFileSync(`${outfile}.cache`, loaded.script.createCachedData());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`escalint bundle: wrote ${outfile.slice(root.length + 1)} and its code caches\n`);
