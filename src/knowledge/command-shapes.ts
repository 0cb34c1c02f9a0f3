// Command shapes: which leading words of a command name its *capability* — the categorical prefix
// a reviewer should accept as a rule ("categorical and reasonably scoped to similar capabilities",
// never the entire command: Codex's guidance to its model, reference/codex-0.169.md §4) — and
// which options may come before those words. Used by src/suggest/prefix.ts (`escalint suggest`)
// and the too-specific and whole-command checks (design.md §7, §8).
//
// A shape says what escalint understands about a command line, not what is safe: wrappers
// (`sudo`, `npx`, `uv run` …) are read from wrappers.ts and interpreters (`python3 -m`) from
// interpreters.ts; this table only names capabilities. Every lookup goes through `own()`, so a
// command named `toString` or `constructor` finds nothing.
import { GIT_GLOBAL_OPTIONS } from './git.js';
import { own } from './lookup.js';

/** An option before a capability word: `flag` stands alone, `value` takes the next word (or `=value`/`-xVALUE`). */
export type OptionKind = 'flag' | 'value';

/**
 * Options by spelling. The key `+` stands for any `+word` (`cargo +nightly`). Long options also
 * match their `--name=value` form and value-taking short options their attached form (`-n5`).
 */
export type OptionTable = Readonly<Record<string, OptionKind>>;

export interface CommandShape {
  /** Why the capability is named this way (one line). */
  reason: string;
  /**
   * How many more plain words name the capability when `sub` has no entry for the next word:
   * `git` 1 (`git push`), `gh` 2 (`gh pr view`), `make` 1 (`make build`), `pytest` 0. Default 0.
   */
  words?: number;
  /** Sub-commands whose capability is shaped differently from `words`. */
  sub?: Readonly<Record<string, CommandShape>>;
  /**
   * Options that may come before the next capability word (`git -C dir`, `kubectl -n ns`). They
   * stay known in sub-commands while capability words are still expected.
   */
  options?: OptionTable;
  /** The capability runs code or commands given in its arguments, so it cannot be allowed as a category. */
  runsCode?: string;
  /** A script an interpreter runs whose first argument is a sub-command (`python manage.py migrate`). */
  entryPoint?: boolean;
  /**
   * A capability word that is a command of this table is read with that command's shape
   * (`pnpm vitest run` → the shape of vitest): package managers run package binaries by name.
   */
  delegates?: boolean;
}

const F = 'flag' as const;
const V = 'value' as const;

/** A command group: its next word names the capability (`docker volume ls`). */
const group = (reason: string, words = 1, extra: Partial<CommandShape> = {}): CommandShape => ({ reason, words, ...extra });
/** A leaf: the words after it are arguments. */
const leaf = (reason: string, extra: Partial<CommandShape> = {}): CommandShape => ({ reason, ...extra });
/** Runs what its arguments say. */
const runs = (runsCode: string): CommandShape => ({ reason: runsCode, runsCode });
/** The same reason for several command groups. */
function groups(names: readonly string[], reason: (name: string) => string, words = 1): Record<string, CommandShape> {
  return Object.fromEntries(names.map((n) => [n, group(reason(n), words)]));
}

// ---------------------------------------------------------------------------------------------
// Options tables shared by several commands.

/** git(1) options before the sub-command: those with values come from git.ts, the flags from git(1). */
const GIT_OPTIONS: OptionTable = {
  ...Object.fromEntries(Object.entries(GIT_GLOBAL_OPTIONS).map(([name, o]) => [name, o.takes === 'program-folder' ? F : V])),
  '-p': F, '--paginate': F, '-P': F, '--no-pager': F, '--bare': F, '--no-replace-objects': F,
  '--literal-pathspecs': F, '--glob-pathspecs': F, '--noglob-pathspecs': F, '--icase-pathspecs': F,
  '--no-optional-locks': F, '--no-advice': F, '--no-lazy-fetch': F,
};

/** kubectl's global flags (`kubectl options`), accepted before and after the sub-command. */
const KUBECTL_OPTIONS: OptionTable = {
  '-n': V, '--namespace': V, '--context': V, '--kubeconfig': V, '--cluster': V, '--user': V, '-s': V, '--server': V,
  '--as': V, '--as-group': V, '--request-timeout': V, '--token': V, '-o': V, '--output': V, '-l': V, '--selector': V,
  '-A': F, '--all-namespaces': F, '--insecure-skip-tls-verify': F,
};

const HELM_OPTIONS: OptionTable = { '-n': V, '--namespace': V, '--kube-context': V, '--kubeconfig': V, '--debug': F };

/** docker(1) options before the sub-command. */
const DOCKER_OPTIONS: OptionTable = {
  '--context': V, '-c': V, '-H': V, '--host': V, '--config': V, '-l': V, '--log-level': V, '-D': F, '--debug': F,
  '--tls': F, '--tlsverify': F, '--tlscacert': V, '--tlscert': V, '--tlskey': V,
};

/** `docker compose` options before its sub-command. */
const COMPOSE_OPTIONS: OptionTable = {
  '-f': V, '--file': V, '-p': V, '--project-name': V, '--profile': V, '--env-file': V, '--project-directory': V,
  '--ansi': V, '--progress': V, '--parallel': V, '--compatibility': F, '--dry-run': F, '--all-resources': F,
};

const COMPOSE: CommandShape = group('`docker compose up|down|logs|ps …`: the compose sub-command is the capability', 1, {
  options: COMPOSE_OPTIONS,
  sub: { exec: leaf('`compose exec SERVICE cmd`: the service and command are arguments'), run: leaf('`compose run SERVICE cmd`: the service and command are arguments') },
});

const DOCKER_GROUPS = groups(
  ['builder', 'buildx', 'checkpoint', 'config', 'container', 'context', 'image', 'manifest', 'network', 'node', 'plugin', 'scout', 'secret', 'service', 'stack', 'swarm', 'system', 'trust', 'volume'],
  (n) => `\`docker ${n} …\` is a command group: its sub-command is the capability`,
);

const DOCKER: CommandShape = group('`docker run|build|ps …`: the sub-command is the capability; images, containers and paths are arguments', 1, {
  options: DOCKER_OPTIONS,
  sub: {
    ...DOCKER_GROUPS,
    compose: COMPOSE,
    exec: runs('docker exec runs any command in a container'),
  },
});

const NPM_OPTIONS: OptionTable = {
  '--prefix': V, '-w': V, '--workspace': V, '--registry': V, '--loglevel': V, '--userconfig': V,
  '-s': F, '--silent': F, '-q': F, '--quiet': F, '-g': F, '--global': F, '--workspaces': F, '-ws': F, '-y': F, '--yes': F,
};

const PACKAGE_SCRIPT = 'the script name is the capability (`npm run test`); Codex refuses the bare `run`';

const PNPM_OPTIONS: OptionTable = {
  '--filter': V, '-F': V, '-C': V, '--dir': V, '-w': F, '--workspace-root': F, '-r': F, '--recursive': F, '-s': F, '--silent': F, '--parallel': F,
};

const CARGO_OPTIONS: OptionTable = {
  '+': F, '-C': V, '-Z': V, '--config': V, '--color': V, '--manifest-path': V, '--locked': F, '--offline': F, '--frozen': F,
  '-q': F, '--quiet': F, '-v': F, '-vv': F, '--verbose': F,
};

const UV_OPTIONS: OptionTable = {
  '--directory': V, '--project': V, '--color': V, '--cache-dir': V, '-q': F, '--quiet': F, '-v': F, '--verbose': F,
  '--offline': F, '--no-cache': F, '-n': F, '--native-tls': F, '--no-progress': F,
};

const POETRY_OPTIONS: OptionTable = {
  '-C': V, '--directory': V, '-P': V, '--project': V, '-q': F, '--quiet': F, '-v': F, '-vv': F, '--verbose': F,
  '-n': F, '--no-interaction': F, '--ansi': F, '--no-ansi': F,
};

const MAKE_OPTIONS: OptionTable = {
  '-C': V, '--directory': V, '-f': V, '--file': V, '--makefile': V, '-j': V, '--jobs': V, '-l': V, '-o': V, '-W': V,
  '-k': F, '--keep-going': F, '-n': F, '--dry-run': F, '-s': F, '--silent': F, '-B': F, '--always-make': F, '-i': F, '-e': F,
  '-w': F, '--no-print-directory': F, '-r': F, '-R': F,
};

const MAVEN_OPTIONS: OptionTable = {
  '-pl': V, '--projects': V, '-f': V, '--file': V, '-P': V, '-T': V, '-s': V, '-D': V, '-q': F, '-B': F, '--batch-mode': F,
  '-U': F, '-o': F, '--offline': F, '-e': F, '-X': F, '-am': F, '-amd': F, '-N': F,
};

const GRADLE_OPTIONS: OptionTable = {
  '-p': V, '--project-dir': V, '-x': V, '--exclude-task': V, '-D': V, '-P': V, '-q': F, '--quiet': F, '--offline': F,
  '--no-daemon': F, '--daemon': F, '--info': F, '--stacktrace': F, '--scan': F, '--parallel': F, '--console': V,
};

const AWS_OPTIONS: OptionTable = {
  '--profile': V, '--region': V, '--output': V, '--endpoint-url': V, '--query': V, '--color': V, '--cli-read-timeout': V,
  '--cli-connect-timeout': V, '--ca-bundle': V, '--no-cli-pager': F, '--debug': F, '--no-verify-ssl': F, '--no-paginate': F,
  '--no-sign-request': F,
};

const GCLOUD_OPTIONS: OptionTable = {
  '--project': V, '--account': V, '--configuration': V, '--format': V, '--verbosity': V, '--region': V, '--zone': V,
  '--impersonate-service-account': V, '-q': F, '--quiet': F, '--no-user-output-enabled': F,
};

const AZ_OPTIONS: OptionTable = { '--subscription': V, '-o': V, '--output': V, '--query': V, '--only-show-errors': F, '--debug': F, '--verbose': F };

const APT_OPTIONS: OptionTable = { '-y': F, '--yes': F, '-q': F, '-qq': F, '-o': V, '-t': V, '-s': F, '--simulate': F, '--dry-run': F };

const SYSTEMCTL_OPTIONS: OptionTable = {
  '--user': F, '--system': F, '-q': F, '--quiet': F, '--no-pager': F, '-H': V, '--host': V, '-M': V, '--machine': V,
};

// ---------------------------------------------------------------------------------------------
// gcloud: groups nest to different depths (`gcloud compute instances list`, `gcloud run deploy`).

const GCLOUD_GROUPS: Record<string, CommandShape> = {
  compute: group('`gcloud compute instances list`: a resource group and its verb', 2, {
    sub: {
      ssh: leaf('`gcloud compute ssh VM`: the VM is an argument'),
      scp: leaf('`gcloud compute scp`: the files are arguments'),
      'config-ssh': leaf('writes the ssh configuration'),
      'connect-to-serial-port': leaf('the VM is an argument'),
      'reset-windows-password': leaf('the VM is an argument'),
    },
  }),
  container: group('`gcloud container clusters get-credentials`: a resource group and its verb', 2),
  run: group('`gcloud run deploy SERVICE`: the service is an argument', 1, {
    sub: groups(['services', 'jobs', 'revisions', 'domain-mappings'], (n) => `\`gcloud run ${n} list\`: the verb is the capability`),
  }),
  auth: group('`gcloud auth login|list`', 1, { sub: { 'application-default': group('`gcloud auth application-default login`') } }),
  config: group('`gcloud config set project`: the property is part of the capability, its value is not', 2),
  storage: group('`gcloud storage ls|cp`: the URLs are arguments', 1, { sub: groups(['buckets', 'objects'], (n) => `\`gcloud storage ${n} list\``) }),
  sql: group('`gcloud sql instances list`', 2, { sub: { connect: leaf('`gcloud sql connect INSTANCE`: the instance is an argument') } }),
  secrets: group('`gcloud secrets list`', 1, { sub: { versions: group('`gcloud secrets versions access`') } }),
  ...groups(['functions', 'projects', 'builds', 'app', 'logging', 'components', 'services', 'organizations', 'billing', 'scheduler', 'tasks', 'dns', 'deploy'], (n) => `\`gcloud ${n} VERB\`: the verb is the capability`),
  ...groups(['iam', 'pubsub', 'artifacts', 'kms', 'redis', 'spanner', 'firestore', 'dataproc', 'composer', 'network-connectivity'], (n) => `\`gcloud ${n} RESOURCE VERB\``, 2),
};

const GCLOUD: CommandShape = group('`gcloud GROUP VERB`: group and verb name the capability; names and flags are arguments', 2, {
  options: GCLOUD_OPTIONS,
  sub: {
    ...GCLOUD_GROUPS,
    beta: group('`gcloud beta …` has the same groups as gcloud', 2, { sub: GCLOUD_GROUPS }),
    alpha: group('`gcloud alpha …` has the same groups as gcloud', 2, { sub: GCLOUD_GROUPS }),
  },
});

// ---------------------------------------------------------------------------------------------
// Shared reasons of small tools whose operands are all arguments.

const READS = 'reads or lists what it is given: files, folders and patterns are arguments';
const PRINTS = 'prints information: its operands are arguments';
const NETWORK = 'talks to the host or URL given: hosts, URLs and data are arguments';
const LINTS = 'checks or formats the files given: the files are arguments';
const TESTS = 'runs the project\'s tests: test files, names and filters are arguments';
const BUILDS = 'builds what it is given: files and targets are arguments';
const TOOL = 'its sub-command is the capability; names, paths and flags are arguments';

const TERRAFORM: CommandShape = group('`terraform plan|apply|init`: the sub-command is the capability; plan files and -var values are arguments', 1, {
  options: { '-chdir': V, '-help': F, '-version': F },
  sub: groups(['state', 'workspace', 'providers'], (n) => `\`terraform ${n} list|…\`: a command group`),
});

const SHAPES = {
  // --- version control
  git: group('`git push`, `git log`: the sub-command is the capability; remotes, branches and paths are arguments', 1, {
    options: GIT_OPTIONS,
    sub: {
      ...groups(
        ['stash', 'remote', 'worktree', 'submodule', 'bisect', 'notes', 'lfs', 'sparse-checkout', 'maintenance', 'reflog'],
        (n) => `\`git ${n} list|add|…\`: a command group`,
      ),
      config: group('`git config user.name`: the key read or written is part of the capability, its new value is not'),
    },
  }),
  gh: group('`gh pr view`, `gh run watch`: noun and verb name the capability; numbers and repos are arguments', 2, { options: { '-R': V, '--repo': V } }),
  glab: group('`glab mr view`: noun and verb name the capability', 2, { options: { '-R': V, '--repo': V } }),
  hg: group('`hg status`: the sub-command is the capability', 1),
  svn: group('`svn status`: the sub-command is the capability', 1),
  jj: group('`jj log`, `jj git push`: the sub-command is the capability', 1, { sub: { git: group('`jj git push|fetch`'), op: group('`jj op log`') } }),

  // --- JavaScript and TypeScript
  npm: group('`npm install`, `npm test`: the sub-command is the capability; packages and paths are arguments', 1, {
    options: NPM_OPTIONS,
    sub: {
      run: group(PACKAGE_SCRIPT), 'run-script': group(PACKAGE_SCRIPT),
      exec: runs('npm exec runs the package binary given'), x: runs('npm x runs the package binary given'),
      ...groups(['config', 'cache', 'pkg', 'dist-tag', 'access', 'owner', 'profile', 'team', 'org', 'token', 'hook', 'audit'], (n) => `\`npm ${n} get|ls|…\`: a command group`),
    },
  }),
  pnpm: group('`pnpm install`, `pnpm test`, `pnpm dev`: the sub-command, script or package binary is the capability', 1, {
    delegates: true,
    options: PNPM_OPTIONS,
    sub: {
      run: group(PACKAGE_SCRIPT),
      exec: runs('pnpm exec runs the command given'), dlx: runs('pnpm dlx downloads and runs the package given'),
      ...groups(['store', 'env', 'config'], (n) => `\`pnpm ${n} …\`: a command group`),
    },
  }),
  yarn: group('`yarn install`, `yarn build`: the sub-command, script or package binary is the capability', 1, {
    delegates: true,
    options: { '--cwd': V },
    sub: {
      run: group(PACKAGE_SCRIPT),
      workspace: group('`yarn workspace NAME SCRIPT`: the workspace and its script name the capability', 2),
      dlx: runs('yarn dlx downloads and runs the package given'), exec: runs('yarn exec runs the command given'),
      ...groups(['workspaces', 'cache', 'config', 'global', 'plugin', 'npm', 'constraints'], (n) => `\`yarn ${n} …\`: a command group`),
    },
  }),
  bun: group('`bun install`, `bun test`, `bun run dev`: the sub-command or script is the capability; a file is code to run', 1, {
    delegates: true,
    sub: { run: group(PACKAGE_SCRIPT), x: group('`bun x TOOL`: the tool run is the capability (as bunx)'), pm: group('`bun pm ls`: a command group') },
  }),
  deno: group('`deno test`, `deno fmt`, `deno task build`: the sub-command (and task) is the capability', 1, {
    sub: {
      task: group('`deno task NAME`: the task name is the capability'),
      run: runs('deno run runs the script or URL given'),
      eval: runs('deno eval runs the code given'),
      repl: runs('deno repl runs any code typed into it'),
      serve: runs('deno serve runs the script given'),
    },
  }),
  tsc: leaf(LINTS),
  eslint: leaf(LINTS),
  prettier: leaf(LINTS),
  biome: group('`biome check|format|lint`: the sub-command is the capability'),
  oxlint: leaf(LINTS),
  stylelint: leaf(LINTS),
  jest: leaf(TESTS),
  mocha: leaf(TESTS),
  vitest: leaf(TESTS, { sub: groups(['run', 'watch', 'dev', 'related', 'bench', 'list', 'init', 'typecheck'], (n) => `\`vitest ${n}\`: a mode of the test runner`, 0) }),
  playwright: group('`playwright test|install|show-report`: the sub-command is the capability'),
  cypress: group('`cypress run|open`: the sub-command is the capability'),
  vite: leaf(BUILDS, { sub: groups(['build', 'preview', 'optimize', 'dev', 'serve'], (n) => `\`vite ${n}\`: a mode of vite`, 0) }),
  webpack: leaf(BUILDS, { sub: groups(['serve', 'build', 'watch', 'info', 'configtest'], (n) => `\`webpack ${n}\`: a mode of webpack`, 0) }),
  next: group('`next dev|build|start|lint`: the sub-command is the capability'),
  nuxi: group('`nuxi dev|build`: the sub-command is the capability'),
  nuxt: group('`nuxt dev|build`: the sub-command is the capability'),
  astro: group('`astro dev|build|check`: the sub-command is the capability'),
  ng: group('`ng build`, `ng generate component`: the sub-command is the capability', 1, { sub: groups(['generate', 'g'], () => '`ng generate component NAME`: the schematic is the capability, the name is not') }),
  expo: group('`expo start|prebuild`: the sub-command is the capability'),
  eas: group('`eas build|submit|update`: the sub-command is the capability'),
  'react-native': group('`react-native run-android|start`: the sub-command is the capability'),
  storybook: group('`storybook dev|build`: the sub-command is the capability'),
  nx: group('`nx build APP`, `nx affected -t test`: the target is the capability, the project is an argument'),
  turbo: group('`turbo build`, `turbo run build`: the task is the capability', 1, { sub: { run: group('`turbo run TASK`: the task name is the capability') } }),
  lerna: group('`lerna run build`: the sub-command and script are the capability', 1, { sub: { run: group('`lerna run SCRIPT`: the script name is the capability') } }),
  changeset: group('`changeset version|publish`: the sub-command is the capability'),
  corepack: group('`corepack enable|prepare`: the sub-command is the capability'),
  nvm: group('`nvm use|install`: the sub-command is the capability; versions are arguments'),
  fnm: group('`fnm use|install`: the sub-command is the capability; versions are arguments'),
  volta: group('`volta install|pin`: the sub-command is the capability'),
  pm2: group('`pm2 start|logs|restart`: the sub-command is the capability; apps are arguments'),
  tsx: runs('tsx runs the TypeScript file given'),
  'ts-node': runs('ts-node runs the TypeScript file given'),
  nodemon: runs('nodemon runs the script given'),

  // --- Rust, Go, C and friends
  cargo: group('`cargo test`, `cargo build`: the sub-command is the capability; packages, filters and paths are arguments', 1, {
    options: CARGO_OPTIONS,
    sub: {
      ...groups(['nextest', 'insta', 'make'], (n) => `\`cargo ${n} run|test|…\`: a cargo plugin with sub-commands`),
      watch: runs('cargo watch runs the commands given in -x and -s'),
    },
  }),
  rustup: group('`rustup update`, `rustup component add`: the sub-command is the capability; toolchains are arguments', 1, {
    options: { '+': F },
    sub: {
      ...groups(['toolchain', 'component', 'target', 'override', 'self', 'set', 'show'], (n) => `\`rustup ${n} …\`: a command group`),
      run: runs('rustup run runs the command given with a toolchain'),
    },
  }),
  rustc: leaf(BUILDS),
  go: group('`go test`, `go build`: the sub-command is the capability; packages and flags are arguments', 1, {
    sub: groups(['mod', 'work', 'tool'], (n) => `\`go ${n} tidy|…\`: a command group`),
  }),
  gofmt: leaf(LINTS),
  'golangci-lint': group('`golangci-lint run`: the sub-command is the capability'),
  staticcheck: leaf(LINTS),
  cmake: leaf('`cmake --build DIR`, `cmake -S . -B build`: folders and options are arguments'),
  ctest: leaf(TESTS),
  ninja: group('`ninja TARGET`: the target is the capability, as with make'),
  bazel: group('`bazel build //pkg:target`: the sub-command is the capability; targets are arguments'),
  bazelisk: group('`bazelisk build //pkg:target`: the sub-command is the capability'),
  buck2: group('`buck2 build //pkg:target`: the sub-command is the capability'),
  meson: group('`meson setup|compile|test`: the sub-command is the capability'),
  conan: group('`conan install|create`: the sub-command is the capability'),
  vcpkg: group('`vcpkg install`: the sub-command is the capability'),
  gcc: leaf(BUILDS),
  'g++': leaf(BUILDS),
  clang: leaf(BUILDS),
  'clang++': leaf(BUILDS),
  cc: leaf(BUILDS),
  zig: group('`zig build`, `zig test`: the sub-command is the capability', 1, { sub: { build: group('`zig build STEP`: the build step is the capability') } }),
  swift: group('`swift build|test|run`: the sub-command is the capability', 1, { sub: { package: group('`swift package resolve|update`') } }),
  xcodebuild: leaf('`xcodebuild -scheme X`: schemes, destinations and actions are arguments'),
  xcrun: group('`xcrun swift`, `xcrun simctl list`: the developer tool and its sub-command are the capability', 2, {
    sub: { simctl: group('`xcrun simctl list devices`: the verb and what it lists or acts on', 2) },
  }),
  pod: group('`pod install|update`: the sub-command is the capability'),
  fastlane: group('`fastlane ios beta`: the platform and lane are the capability', 2),
  flutter: group('`flutter test|build|pub get`: the sub-command is the capability', 1, { sub: { pub: group('`flutter pub get`') } }),
  dart: group('`dart test|format|pub get`: the sub-command is the capability', 1, { sub: { pub: group('`dart pub get`') } }),

  // --- Python
  pip: group('`pip install`, `pip list`: the sub-command is the capability; packages and files are arguments', 1, {
    options: { '-q': F, '--quiet': F, '-v': F, '--verbose': F, '--disable-pip-version-check': F, '--no-cache-dir': F, '--isolated': F, '--python': V, '--require-virtualenv': F },
    sub: groups(['cache', 'config'], (n) => `\`pip ${n} …\`: a command group`),
  }),
  pip3: group('`pip3 install`: as pip', 1, {
    options: { '-q': F, '--quiet': F, '-v': F, '--disable-pip-version-check': F, '--no-cache-dir': F, '--python': V },
    sub: groups(['cache', 'config'], (n) => `\`pip3 ${n} …\`: a command group`),
  }),
  pipx: group('`pipx install|list`: the sub-command is the capability (`pipx run` is a wrapper)'),
  uv: group('`uv sync`, `uv add`, `uv pip install`: the sub-command is the capability; packages are arguments', 1, {
    options: UV_OPTIONS,
    sub: {
      ...groups(['pip', 'python', 'cache', 'self'], (n) => `\`uv ${n} …\`: a command group`),
      tool: group('`uv tool install|run TOOL`', 1, { sub: { run: group('`uv tool run TOOL`: the tool run is the capability (as uvx)') } }),
      run: runs('uv run runs the command given'),
    },
  }),
  poetry: group('`poetry install`, `poetry add`: the sub-command is the capability', 1, {
    options: POETRY_OPTIONS,
    sub: { ...groups(['env', 'cache', 'self', 'source', 'debug'], (n) => `\`poetry ${n} …\`: a command group`), run: runs('poetry run runs the command given') },
  }),
  pipenv: group('`pipenv install|sync`: the sub-command is the capability', 1, { sub: { run: runs('pipenv run runs the command given') } }),
  pdm: group('`pdm install`, `pdm run test`: the sub-command (and script) is the capability', 1, { sub: { run: group('`pdm run SCRIPT`: the script name is the capability') } }),
  hatch: group('`hatch build`, `hatch run test`: the sub-command (and script) is the capability', 1, { sub: { run: group('`hatch run ENV:SCRIPT`: the script is the capability'), env: group('`hatch env create`') } }),
  conda: group('`conda install`, `conda env list`: the sub-command is the capability', 1, {
    sub: { ...groups(['env', 'config'], (n) => `\`conda ${n} …\`: a command group`), run: runs('conda run runs the command given') },
  }),
  mamba: group('`mamba install`: as conda', 1, { sub: { env: group('`mamba env …`'), run: runs('mamba run runs the command given') } }),
  pytest: leaf(TESTS),
  tox: leaf('`tox -e py312`: environments are arguments'),
  nox: leaf('`nox -s tests`: sessions are arguments'),
  coverage: group('`coverage report|html`: the sub-command is the capability', 1, { sub: { run: runs('coverage run runs the program given') } }),
  ruff: group('`ruff check|format`: the sub-command is the capability; paths are arguments'),
  mypy: leaf(LINTS),
  black: leaf(LINTS),
  isort: leaf(LINTS),
  flake8: leaf(LINTS),
  pylint: leaf(LINTS),
  pyright: leaf(LINTS),
  bandit: leaf(LINTS),
  'pre-commit': group('`pre-commit run|install`: the sub-command is the capability; hook ids are arguments'),
  jupyter: group('`jupyter lab`, `jupyter nbconvert`: the sub-command is the capability'),
  ipython: runs('IPython runs any Python code'),
  'django-admin': group('`django-admin startproject`: the management command is the capability'),
  'manage.py': group('`python manage.py migrate`: the Django management command is the capability', 1, { entryPoint: true }),

  // --- JVM, .NET, Ruby, PHP, Elixir
  mvn: group('`mvn clean install`: lifecycle phases and goals are the capability; -D properties are arguments', 3, { options: MAVEN_OPTIONS }),
  mvnw: group('`./mvnw test`: as mvn', 3, { options: MAVEN_OPTIONS }),
  gradle: group('`gradle build`, `gradle :app:test`: tasks are the capability', 3, { options: GRADLE_OPTIONS }),
  gradlew: group('`./gradlew build`: as gradle', 3, { options: GRADLE_OPTIONS }),
  sbt: group('`sbt test`: the task is the capability'),
  java: runs('java runs the class or jar given'),
  jbang: runs('jbang runs the script given'),
  javac: leaf(BUILDS),
  kotlinc: leaf(BUILDS),
  dotnet: group('`dotnet build|test|run`: the sub-command is the capability; projects and packages are arguments', 1, {
    sub: {
      ...groups(['tool', 'new', 'nuget', 'sln', 'workload', 'dev-certs', 'add', 'remove', 'list', 'user-secrets'], (n) => `\`dotnet ${n} …\`: a command group`),
      ef: group('`dotnet ef database update`, `dotnet ef migrations add NAME`', 2),
    },
  }),
  bundle: group('`bundle install|update`: the sub-command is the capability (`bundle exec` is a wrapper)', 1, { sub: { config: group('`bundle config set`') } }),
  bundler: group('`bundler install`: as bundle'),
  rails: group('`rails server`, `rails db:migrate`, `rails generate model`: the command is the capability', 1, {
    sub: {
      ...groups(['generate', 'g', 'destroy', 'd'], (n) => `\`rails ${n} GENERATOR NAME\`: the generator is the capability, the name is not`),
      runner: runs('rails runner runs the Ruby code given'),
      r: runs('rails r runs the Ruby code given'),
    },
  }),
  rake: group('`rake db:migrate`, `rake test`: the task is the capability'),
  rspec: leaf(TESTS),
  rubocop: leaf(LINTS),
  gem: group('`gem install|list`: the sub-command is the capability; gems are arguments'),
  composer: group('`composer install|require`: the sub-command is the capability; packages are arguments', 1, {
    options: { '-d': V, '--working-dir': V, '-n': F, '--no-interaction': F, '-q': F, '--quiet': F },
    sub: {
      ...groups(['global', 'config'], (n) => `\`composer ${n} …\`: a command group`),
      'run-script': group('`composer run-script NAME`: the script name is the capability'),
      run: group('`composer run NAME`: the script name is the capability'),
      exec: runs('composer exec runs the vendor binary given'),
    },
  }),
  artisan: group('`php artisan migrate`: the artisan command is the capability', 1, { entryPoint: true }),
  console: group('`php bin/console cache:clear`: the Symfony console command is the capability', 1, { entryPoint: true }),
  phpunit: leaf(TESTS),
  phpstan: group('`phpstan analyse`: the sub-command is the capability'),
  pest: leaf(TESTS),
  mix: group('`mix test`, `mix ecto.migrate`: the task is the capability'),
  iex: runs('iex runs any Elixir code'),

  // --- build runners
  make: group('`make build`: the target is the capability; variables and files are arguments', 1, { options: MAKE_OPTIONS }),
  just: group('`just test`: the recipe is the capability', 1, { options: { '-f': V, '--justfile': V, '-d': V, '--working-directory': V, '--dotenv-path': V, '-q': F, '--quiet': F } }),
  task: group('`task build`: the task is the capability', 1, { options: { '-d': V, '--dir': V, '-t': V, '--taskfile': V, '-p': F, '--parallel': F, '-s': F, '--silent': F } }),
  mage: group('`mage build`: the target is the capability'),

  // --- containers and clusters
  docker: DOCKER,
  podman: DOCKER,
  'docker-compose': group('`docker-compose up`: as docker compose', 1, { options: COMPOSE_OPTIONS }),
  'podman-compose': group('`podman-compose up`: as docker compose', 1, { options: COMPOSE_OPTIONS }),
  kubectl: group('`kubectl get pods`, `kubectl logs`: the verb (and the resource kind it reads or changes) is the capability; names are arguments', 1, {
    options: KUBECTL_OPTIONS,
    sub: {
      ...groups(
        ['get', 'describe', 'delete', 'edit', 'explain', 'top', 'scale', 'label', 'annotate', 'patch', 'create', 'expose', 'autoscale', 'set', 'taint', 'config', 'auth', 'certificate'],
        (n) => `\`kubectl ${n} KIND NAME\`: the resource kind is part of the capability, the name is not`,
      ),
      rollout: group('`kubectl rollout restart deployment NAME`: the verb and the kind', 2),
      exec: runs('kubectl exec runs any command in a pod'),
      debug: runs('kubectl debug runs a debugging container with the command given'),
    },
  }),
  helm: group('`helm install|upgrade|list`: the sub-command is the capability; releases and charts are arguments', 1, {
    options: HELM_OPTIONS,
    sub: groups(['repo', 'plugin', 'dependency', 'dep', 'registry', 'show', 'get', 'search'], (n) => `\`helm ${n} …\`: a command group`),
  }),
  minikube: group('`minikube start|status`: the sub-command is the capability'),
  kind: group('`kind create cluster`: verb and object are the capability', 2),
  k3d: group('`k3d cluster create`: object and verb are the capability', 2),
  kustomize: group('`kustomize build DIR`: the sub-command is the capability'),
  skaffold: group('`skaffold dev|run`: the sub-command is the capability'),
  tilt: group('`tilt up|down`: the sub-command is the capability'),
  argocd: group('`argocd app sync NAME`: object and verb are the capability', 2),
  flux: group('`flux get kustomizations`, `flux reconcile kustomization NAME`: verb and kind are the capability', 2),
  istioctl: group('`istioctl analyze|install`: the sub-command is the capability'),
  eksctl: group('`eksctl get clusters`: verb and object are the capability', 2),
  stern: leaf('`stern QUERY`: the pod query is an argument'),
  kubectx: leaf('`kubectx NAME`: the context is an argument'),
  kubens: leaf('`kubens NAME`: the namespace is an argument'),

  // --- infrastructure and cloud
  terraform: TERRAFORM,
  tofu: TERRAFORM,
  terragrunt: group('`terragrunt plan`, `terragrunt run-all plan`: the sub-command is the capability', 1, { sub: { 'run-all': group('`terragrunt run-all plan`') } }),
  pulumi: group('`pulumi up|preview`: the sub-command is the capability', 1, { sub: groups(['stack', 'config', 'plugin'], (n) => `\`pulumi ${n} …\`: a command group`) }),
  packer: group('`packer build|validate`: the sub-command is the capability'),
  vagrant: group('`vagrant up|ssh`: the sub-command is the capability'),
  ansible: leaf('`ansible HOSTS -m MODULE`: hosts and modules are arguments'),
  'ansible-playbook': leaf('`ansible-playbook site.yml`: the playbook is an argument'),
  'ansible-galaxy': group('`ansible-galaxy collection install`: object and verb are the capability', 2),
  cdk: group('`cdk deploy|diff|synth`: the sub-command is the capability; stacks are arguments'),
  sam: group('`sam build|deploy`, `sam local invoke`: the sub-command is the capability', 1, { sub: { local: group('`sam local invoke|start-api`') } }),
  serverless: group('`serverless deploy`: the sub-command is the capability'),
  aws: group('`aws s3 ls`, `aws sts get-caller-identity`: service and operation are the capability; buckets, ids and flags are arguments', 2, { options: AWS_OPTIONS }),
  gcloud: GCLOUD,
  gsutil: group('`gsutil ls|cp`: the sub-command is the capability; URLs are arguments'),
  bq: group('`bq query|ls`: the sub-command is the capability; queries and tables are arguments'),
  az: group('`az group list`, `az storage blob list`: groups and the verb are the capability; names come as flags', 3, { options: AZ_OPTIONS }),
  azd: group('`azd up|deploy`: the sub-command is the capability'),
  doctl: group('`doctl apps list`: object and verb are the capability', 2, { sub: { compute: group('`doctl compute droplet list`', 2) } }),
  heroku: group('`heroku logs`, `heroku config:set`: the command is the capability; apps and values are arguments'),
  fly: group('`fly deploy`, `fly apps list`: the command is the capability', 1, { sub: groups(['apps', 'secrets', 'machine', 'machines', 'volumes', 'postgres', 'ssh', 'config'], (n) => `\`fly ${n} …\`: a command group`) }),
  flyctl: group('`flyctl deploy`: as fly', 1, { sub: groups(['apps', 'secrets', 'machine', 'volumes', 'postgres', 'ssh'], (n) => `\`flyctl ${n} …\`: a command group`) }),
  vercel: group('`vercel deploy`, `vercel env pull`: the command is the capability', 1, { sub: groups(['env', 'domains', 'dns', 'project', 'secrets'], (n) => `\`vercel ${n} …\`: a command group`) }),
  netlify: group('`netlify deploy`, `netlify env:list`: the command is the capability'),
  firebase: group('`firebase deploy`, `firebase emulators:start`: the command is the capability'),
  wrangler: group('`wrangler deploy|dev`: the command is the capability', 1, {
    sub: { ...groups(['d1', 'secret', 'pages', 'queues'], (n) => `\`wrangler ${n} …\`: a command group`), kv: group('`wrangler kv key list`', 2), r2: group('`wrangler r2 object get`', 2) },
  }),
  supabase: group('`supabase start`, `supabase db push`: the command is the capability', 1, {
    sub: { ...groups(['db', 'functions', 'migration', 'projects', 'secrets', 'storage'], (n) => `\`supabase ${n} …\`: a command group`), gen: group('`supabase gen types typescript`', 2) },
  }),
  railway: group('`railway up|logs`: the command is the capability'),

  // --- system packages and services
  brew: group('`brew install|upgrade|list`: the sub-command is the capability; formulae are arguments', 1, {
    sub: groups(['services', 'bundle', 'cask'], (n) => `\`brew ${n} …\`: a command group`),
  }),
  apt: group('`apt install|update`: the sub-command is the capability; packages are arguments', 1, { options: APT_OPTIONS }),
  'apt-get': group('`apt-get install|update`: the sub-command is the capability; packages are arguments', 1, { options: APT_OPTIONS }),
  'apt-cache': group('`apt-cache search|policy`: the sub-command is the capability'),
  dpkg: leaf('`dpkg -l`, `dpkg -i FILE`: operations are flags, packages and files are arguments'),
  dnf: group('`dnf install`: the sub-command is the capability', 1, { options: { '-y': F, '--assumeyes': F, '-q': F } }),
  yum: group('`yum install`: the sub-command is the capability', 1, { options: { '-y': F, '--assumeyes': F, '-q': F } }),
  apk: group('`apk add`: the sub-command is the capability'),
  pacman: leaf('`pacman -S NAME`: operations are flags, packages are arguments'),
  zypper: group('`zypper install`: the sub-command is the capability'),
  snap: group('`snap install`: the sub-command is the capability'),
  flatpak: group('`flatpak install`: the sub-command is the capability'),
  port: group('`port install`: the sub-command is the capability'),
  choco: group('`choco install`: the sub-command is the capability'),
  winget: group('`winget install`: the sub-command is the capability'),
  scoop: group('`scoop install`: the sub-command is the capability'),
  nix: group('`nix build`, `nix flake update`: the sub-command is the capability', 1, {
    sub: {
      ...groups(['flake', 'profile', 'store', 'registry', 'config', 'derivation', 'hash', 'key', 'nar', 'realisation', 'daemon'], (n) => `\`nix ${n} …\`: a command group`),
      run: runs('nix run runs the package given'),
      shell: runs('nix shell runs the command given in its environment'),
      develop: runs('nix develop runs the command given in its environment'),
    },
  }),
  systemctl: group('`systemctl status|restart`: the verb is the capability; units are arguments', 1, { options: SYSTEMCTL_OPTIONS }),
  journalctl: leaf('`journalctl -u UNIT`: units and times are arguments'),
  launchctl: group('`launchctl list|load`: the sub-command is the capability'),
  service: leaf('`service NAME ACTION`: the service and action are arguments'),
  loginctl: group('`loginctl list-sessions`: the sub-command is the capability'),
  timedatectl: group('`timedatectl status`: the sub-command is the capability'),
  hostnamectl: group('`hostnamectl status`: the sub-command is the capability'),
  ufw: group('`ufw status|allow`: the sub-command is the capability'),
  tmux: group('`tmux ls`, `tmux new-session`: the sub-command is the capability'),

  // --- databases and remote shells (what they run is given in their arguments)
  psql: runs('psql runs the SQL given, and \\! runs shell commands'),
  mysql: runs('mysql runs the SQL given, and \\! runs shell commands'),
  mongosh: runs('mongosh runs any JavaScript given'),
  ssh: runs('ssh runs any command on the remote host'),
  find: runs('find -exec, -execdir and -ok run commands for the files found'),
  parallel: runs('GNU parallel runs the commands given'),

  // --- small tools whose operands are all arguments
  ls: leaf(READS), cat: leaf(READS), head: leaf(READS), tail: leaf(READS), less: leaf(READS), wc: leaf(READS),
  grep: leaf(READS), egrep: leaf(READS), rg: leaf(READS), ag: leaf(READS), fd: leaf(READS), tree: leaf(READS),
  du: leaf(READS), df: leaf(READS), stat: leaf(READS), file: leaf(READS), diff: leaf(READS), cmp: leaf(READS),
  jq: leaf(READS), yq: leaf(READS), sort: leaf(READS), uniq: leaf(READS), cut: leaf(READS), realpath: leaf(READS),
  readlink: leaf(READS), dirname: leaf(PRINTS), basename: leaf(PRINTS), sha256sum: leaf(READS), shasum: leaf(READS),
  md5sum: leaf(READS), base64: leaf(READS), xxd: leaf(READS), hexdump: leaf(READS), strings: leaf(READS),
  which: leaf(PRINTS), whereis: leaf(PRINTS), echo: leaf(PRINTS), printf: leaf(PRINTS), pwd: leaf(PRINTS),
  date: leaf(PRINTS), whoami: leaf(PRINTS), id: leaf(PRINTS), uname: leaf(PRINTS), hostname: leaf(PRINTS),
  printenv: leaf(PRINTS), ps: leaf(PRINTS), lsof: leaf(PRINTS), free: leaf(PRINTS), uptime: leaf(PRINTS),
  nproc: leaf(PRINTS), man: leaf(PRINTS), tldr: leaf(PRINTS),
  cd: leaf('`cd DIR`: changes the working directory; the folder is an argument'),
  pushd: leaf('`pushd DIR`: changes the working directory; the folder is an argument'),
  popd: leaf('`popd`: returns to the previous directory'),
  curl: leaf(NETWORK), wget: leaf(NETWORK), http: leaf(NETWORK), https: leaf(NETWORK), xh: leaf(NETWORK),
  ping: leaf(NETWORK), dig: leaf(NETWORK), nslookup: leaf(NETWORK), host: leaf(NETWORK), nc: leaf(NETWORK),
  openssl: group('`openssl x509|rand|s_client`: the sub-command is the capability'),
  'redis-cli': leaf('`redis-cli GET KEY`: commands and keys are arguments'),
} as const satisfies Record<string, CommandShape>;

/** The shape of a command by its name (`git`, `docker`), or undefined. */
export function commandShape(name: string): CommandShape | undefined {
  return own<CommandShape>(SHAPES, name);
}

/** Every command the table knows, for tests and documentation. */
export const SHAPE_NAMES: readonly string[] = Object.keys(SHAPES);

// ---------------------------------------------------------------------------------------------
// What marks a word as an argument value rather than part of a capability.

/** Operands that stand for the whole project rather than one thing in it: a rule with them is still categorical. */
const WHOLE_PROJECT_OPERANDS = {
  '.': 'the current folder: the whole project (`prettier --check .`, `git add .`)',
  './': 'the current folder, spelled with a slash',
  './...': 'Go: every package under the current folder (`go test ./...`)',
  '...': 'Go: every package',
} as const satisfies Record<string, string>;

export function isWholeProjectOperand(token: string): boolean {
  return own<string>(WHOLE_PROJECT_OPERANDS, token) !== undefined;
}

/**
 * Values of options that pick a mode rather than name a thing (`-o json`, `-D warnings`): a rule
 * with them is still categorical. Looked up only right after an option.
 */
const MODE_VALUES = new Map<string, string>([
  ...['json', 'yaml', 'yml', 'table', 'text', 'wide', 'name', 'csv', 'tsv', 'markdown', 'md', 'html', 'xml', 'raw', 'pretty', 'compact', 'short', 'long', 'full', 'oneline', 'plain', 'tsv', 'junit', 'github', 'sarif', 'stylish', 'dot', 'none'].map(
    (v) => [v, 'an output format'] as const,
  ),
  ...['warnings', 'clippy::all', 'clippy::pedantic', 'error', 'warn', 'info', 'debug', 'trace', 'quiet', 'verbose'].map((v) => [v, 'a lint or log level'] as const),
  ...['all', 'auto', 'always', 'never', 'true', 'false', 'yes', 'no', 'on', 'off'].map((v) => [v, 'a switch'] as const),
  ...['release', 'debug'].map((v) => [v, 'a build profile'] as const),
]);

export function isModeValue(value: string): boolean {
  return MODE_VALUES.has(value.toLowerCase());
}

/**
 * File extensions that mark a word as a file name (`build.js`, `data.csv`). An explicit list:
 * sub-commands and modules contain dots too (`mix ecto.migrate`, `python -m http.server`).
 */
const FILE_EXTENSIONS = new Map<string, string>([
  ...['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'tsx', 'jsx', 'vue', 'svelte'].map((e) => [e, 'JavaScript and TypeScript sources'] as const),
  ...['py', 'pyi', 'ipynb', 'rb', 'php', 'pl', 'lua', 'r', 'jl', 'ex', 'exs', 'erl'].map((e) => [e, 'scripting-language sources'] as const),
  ...['go', 'rs', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'java', 'kt', 'kts', 'scala', 'swift', 'm', 'zig', 'dart'].map((e) => [e, 'compiled-language sources'] as const),
  ...['sh', 'bash', 'zsh', 'fish', 'ps1', 'bat', 'cmd'].map((e) => [e, 'shell scripts'] as const),
  ...['json', 'jsonc', 'json5', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'env', 'xml', 'plist', 'properties', 'lock'].map((e) => [e, 'configuration and data files'] as const),
  ...['md', 'mdx', 'txt', 'rst', 'csv', 'tsv', 'log', 'html', 'htm', 'css', 'scss', 'sass', 'less', 'sql', 'graphql', 'gql', 'proto'].map((e) => [e, 'documents and data'] as const),
  ...['tf', 'tfvars', 'tfplan', 'hcl', 'nix', 'dockerfile', 'gradle', 'csproj', 'sln', 'xcodeproj', 'xcworkspace'].map((e) => [e, 'build and infrastructure files'] as const),
  ...['zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'whl', 'jar', 'war', 'deb', 'rpm', 'dmg', 'pkg', 'apk', 'exe', 'dll', 'so', 'dylib', 'wasm', 'bin', 'iso', 'img'].map((e) => [e, 'archives and binaries'] as const),
  ...['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'pdf', 'mp4', 'mp3', 'wav'].map((e) => [e, 'media'] as const),
  ...['patch', 'diff', 'pem', 'crt', 'key', 'pub', 'p12', 'sqlite', 'db', 'bak', 'tmp', 'orig'].map((e) => [e, 'patches, keys and other files'] as const),
]);

export function isFileExtension(ext: string): boolean {
  return FILE_EXTENSIONS.has(ext.toLowerCase());
}

/**
 * Why no rule on a program of Codex's banned list (src/knowledge/codex-banned.ts) can be
 * categorical, by program name. test/suggest/prefix.test.ts keeps every banned head covered.
 */
const WHY_UNSAFE = {
  python: 'python runs arbitrary code', python3: 'python3 runs arbitrary code', py: 'py runs arbitrary Python code',
  pythonw: 'pythonw runs arbitrary code', pyw: 'pyw runs arbitrary code', pypy: 'pypy runs arbitrary code', pypy3: 'pypy3 runs arbitrary code',
  git: 'git alone covers every git sub-command, including those that run programs (-c, aliases)',
  bash: 'bash runs any shell script', sh: 'sh runs any shell script', zsh: 'zsh runs any shell script', dash: 'dash runs any shell script',
  ksh: 'ksh runs any shell script', fish: 'fish runs any shell script',
  pwsh: 'pwsh runs any PowerShell script', powershell: 'powershell runs any PowerShell script', 'powershell.exe': 'powershell runs any PowerShell script',
  cmd: 'cmd runs any command line', 'cmd.exe': 'cmd runs any command line',
  env: 'env runs any command', sudo: 'sudo runs any command as root',
  node: 'node runs arbitrary JavaScript', nodejs: 'nodejs runs arbitrary JavaScript',
  deno: 'deno runs arbitrary code', bun: 'bun runs arbitrary code',
  perl: 'perl runs arbitrary code', ruby: 'ruby runs arbitrary code', php: 'php runs arbitrary code', lua: 'lua runs arbitrary code',
  Rscript: 'Rscript runs arbitrary R code', julia: 'julia runs arbitrary code', osascript: 'osascript runs arbitrary AppleScript',
  rm: 'rm deletes any file',
  npm: 'npm run runs any package.json script; the script name is the capability',
  yarn: 'yarn run runs any package.json script; the script name is the capability',
  pnpm: 'pnpm run runs any package.json script; the script name is the capability',
} as const satisfies Record<string, string>;

/** Why a rule on `name` alone (or its banned forms) is unsafe, or undefined. */
export function whyUnsafe(name: string): string | undefined {
  return own<string>(WHY_UNSAFE, name);
}

// ---------------------------------------------------------------------------------------------
// Shell syntax in patterns (the whole-command check).

/**
 * Words that are shell operators: a command line has them, an argv never does, because the shell
 * (and Codex's splitter, reference/codex-0.169.md §3) acts on them before a program runs.
 */
const SHELL_OPERATORS = {
  '|': 'pipeline', '|&': 'pipeline with stderr', '||': 'or-list', '&&': 'and-list', ';': 'command separator', '&': 'background',
  ';;': 'case terminator', '>': 'redirection', '>>': 'redirection', '<': 'redirection', '<<': 'heredoc', '<<<': 'here-string',
  '2>': 'redirection', '2>>': 'redirection', '2>&1': 'redirection', '&>': 'redirection', '&>>': 'redirection', '>&': 'redirection',
  '1>': 'redirection', '(': 'subshell', ')': 'subshell',
} as const satisfies Record<string, string>;

export function isShellOperator(token: string): boolean {
  return own<string>(SHELL_OPERATORS, token) !== undefined;
}

/** Commands that take operator-looking words as ordinary arguments (escaped on the command line). */
const EXPRESSION_COMMANDS = {
  find: { tokens: [';', '(', ')', '+'], reason: 'find -exec ends with `\\;`, and `\\(` `\\)` group its tests' },
  test: { tokens: ['<', '>', '(', ')'], reason: 'test compares strings with `\\<`, `\\>` and groups with `\\(`' },
  '[': { tokens: ['<', '>', '(', ')'], reason: 'the `[` spelling of test' },
  expr: { tokens: ['|', '&', '<', '>', '(', ')'], reason: 'expr takes its operators as arguments' },
} as const satisfies Record<string, { tokens: readonly string[]; reason: string }>;

/** Whether `token` is an ordinary argument of `program` although it looks like an operator. */
export function isExpressionOperand(program: string, token: string): boolean {
  const entry = own<{ tokens: readonly string[] }>(EXPRESSION_COMMANDS, program);
  return entry !== undefined && entry.tokens.includes(token);
}
