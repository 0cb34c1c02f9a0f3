// Options a program reads before its sub-command (`git -C DIR push`, `kubectl -n prod delete`).
// A prefix rule on `[git, push]` does not match `git -C x push`, because Codex compares tokens
// position by position (reference/codex-0.169.md §2): the option-bypass check reports prompt and
// forbidden rules that these options slip past, and the command-form tables (code-runners.ts,
// destructive.ts) read them as the options before a program's sub-command.
//
// Listed: the options that take a value (the ones agents use to pick a folder, a cluster, a
// context). Flags (`git --no-pager`) slip past too, but a rule on them would also catch everyday
// read-only commands (`git --no-pager log`); they are left out on purpose.
import { own } from './lookup.js';

export interface GlobalOption {
  /**
   * `value`: the next word is its value (`-C DIR`), so a rule `[git, -C]` covers it;
   * `attached`: the value is part of the word (`-chdir=DIR`, `+nightly`), so no rule can list every spelling.
   */
  takes: 'value' | 'attached';
  reason: string;
  /** For `attached`: how the option looks in an example (`-chdir=infra`). */
  spelling?: string;
  /** For `attached`: the usual spellings a rule can list (`+stable`, `+nightly`), if there are any. */
  cover?: readonly string[];
}

export interface ProgramGlobalOptions {
  reason: string;
  options: Readonly<Record<string, GlobalOption>>;
}

const value = (reason: string): GlobalOption => ({ takes: 'value', reason });

const GLOBAL_OPTIONS = {
  git: {
    reason: 'git(1): options before the sub-command apply to the whole run',
    options: {
      '-C': value('runs as if started in the folder given'),
      '-c': value('sets a configuration key for this run'),
      '--git-dir': value('the repository folder'),
      '--work-tree': value('the working tree folder'),
      '--namespace': value('the ref namespace'),
      '--config-env': value('sets a configuration key from an environment variable'),
    },
  },
  docker: {
    reason: 'docker(1): global options come before the sub-command',
    options: {
      '--context': value('the Docker context (which daemon) to use'),
      '-c': value('short for --context'),
      '--host': value('the daemon socket to connect to'),
      '-H': value('short for --host'),
      '--config': value('the client configuration folder'),
      '--log-level': value('the logging level'),
      '-l': value('short for --log-level'),
    },
  },
  podman: {
    reason: 'podman(1): global options come before the sub-command',
    options: {
      '--connection': value('the remote connection to use'),
      '-c': value('short for --connection'),
      '--url': value('the remote service URL'),
      '--root': value('the storage root folder'),
      '--runroot': value('the state folder'),
      '--log-level': value('the logging level'),
    },
  },
  kubectl: {
    reason: 'kubectl: flags may precede the sub-command (cobra)',
    options: {
      '-n': value('the namespace to act in'),
      '--namespace': value('the namespace to act in'),
      '--context': value('the kubeconfig context (which cluster) to use'),
      '--cluster': value('the cluster to use'),
      '--kubeconfig': value('the kubeconfig file'),
      '--user': value('the kubeconfig user'),
      '--server': value('the API server address'),
      '-s': value('short for --server'),
      '--as': value('the user to impersonate'),
      '--token': value('the bearer token'),
    },
  },
  helm: {
    reason: 'helm: flags may precede the sub-command (cobra)',
    options: {
      '-n': value('the namespace to act in'),
      '--namespace': value('the namespace to act in'),
      '--kube-context': value('the kubeconfig context (which cluster) to use'),
      '--kubeconfig': value('the kubeconfig file'),
    },
  },
  npm: {
    reason: 'npm: configuration options may precede the command',
    options: {
      '--prefix': value('the package folder to act in'),
      '--workspace': value('the workspace to act in'),
      '-w': value('short for --workspace'),
      '--userconfig': value('the user configuration file'),
      '--registry': value('the registry to talk to'),
    },
  },
  pnpm: {
    reason: 'pnpm: options may precede the command',
    options: {
      '--dir': value('the folder to act in'),
      '-C': value('short for --dir'),
      '--filter': value('the workspace packages to act on'),
      '-F': value('short for --filter'),
    },
  },
  yarn: {
    reason: 'yarn: options may precede the command',
    options: {
      '--cwd': value('the folder to act in'),
    },
  },
  cargo: {
    reason: 'cargo: the toolchain and global options come before the sub-command',
    options: {
      '+toolchain': { takes: 'attached', reason: 'rustup picks the toolchain named (`+nightly`)', spelling: '+nightly', cover: ['+stable', '+beta', '+nightly'] },
      '-C': value('runs in the folder given'),
      '--config': value('overrides a configuration value'),
      '-Z': value('an unstable flag'),
      '--color': value('when to colour output'),
    },
  },
  terraform: {
    reason: 'terraform: -chdir comes before the sub-command',
    options: {
      '-chdir': { takes: 'attached', reason: 'runs in the folder given (`-chdir=DIR`, one word)', spelling: '-chdir=infra' },
    },
  },
  tofu: {
    reason: 'OpenTofu: -chdir comes before the sub-command',
    options: {
      '-chdir': { takes: 'attached', reason: 'runs in the folder given (`-chdir=DIR`, one word)', spelling: '-chdir=infra' },
    },
  },
  gh: {
    // cobra finds the sub-command past unknown flags and their values (stripFlags), then parses
    // inherited flags such as -R wherever they are: `gh -R o/r pr merge` works.
    reason: 'gh: inherited flags may precede the sub-commands (cobra)',
    options: {
      '--repo': value('the repository to act on'),
      '-R': value('short for --repo'),
    },
  },
  aws: {
    reason: 'aws: global options may precede the service',
    options: {
      '--profile': value('the credentials profile (which account) to use'),
      '--region': value('the region to act in'),
      '--endpoint-url': value('the endpoint to talk to'),
      '--output': value('the output format'),
    },
  },
} as const satisfies Record<string, ProgramGlobalOptions>;

/** The global options of a program (its name as a command word), or undefined. */
export function globalOptionsOf(program: string): ProgramGlobalOptions | undefined {
  return own<ProgramGlobalOptions>(GLOBAL_OPTIONS, program);
}

/** The global options of a program that take a separate value, for a command-form option table. */
export function globalValueOptions(program: string): string[] {
  const table = globalOptionsOf(program);
  if (table === undefined) return [];
  return Object.entries(table.options)
    .filter(([, o]) => o.takes === 'value')
    .map(([name]) => name);
}
