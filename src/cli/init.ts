// `escalint init [path]`: writes a starter rule file (default rules.yaml) whose modeline points
// editors at the schema of the escalint that wrote it. Refuses to overwrite without --force.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './io.js';
import type { CommandContext } from './main.js';

export const DEFAULT_INIT_FILE = 'rules.yaml';

/** The starter file; `schemaRef` is the modeline's schema path or URL. */
export function starterRuleFile(schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# Command-approval rules for Codex. Check them:   escalint check <this file>
# Try a command against them:  escalint test <this file> -c "git push"
version: 1

rules:
  # Read-only git commands run without asking.
  - id: git-read
    pattern: [git, [status, log, diff]]
    decision: allow
    justification: Read-only git commands
    match: [git status, git log --oneline]
    not_match: [git push]

  # Pushing changes shared state: ask first.
  - id: git-push
    pattern: [git, push]
    decision: prompt
    justification: Pushing needs network access and review

  # Options before the subcommand (git -C x push) would slip past the rule above.
  - id: git-global-options
    pattern: [git, [-C, -c, --git-dir, --work-tree, --namespace, --config-env]]
    decision: prompt
    justification: Options before the subcommand can change what git runs

  # Refuse outright, and tell the model what to do instead.
  - id: no-rm-rf
    pattern: [rm, -rf]
    decision: forbidden
    justification: Use \`trash\` instead, so deletions can be undone.

  # Codex checks a script it cannot split (echo $(rm -rf x), loops, redirections) as one
  # bash -lc command, where the rules above do not apply: ask before running those.
  - id: complex-scripts
    pattern: [[bash, zsh, sh], [-lc, -c]]
    decision: prompt
    justification: Codex checks scripts it cannot split as one command; review them

settings:
  checks: # per-check severity: error, warn or off (escalint check --help lists the checks)
    too-specific: error # allow the capability (cargo test), not one command line
    arbitrary-code: error # never allow python, bash, env or sudo as a whole
`;
}

/** The schema file of this installation of escalint (the package root holds schemas/). */
export function installedSchemaPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'schemas', 'escalint.schema.json');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new CliError('cannot find schemas/escalint.schema.json in this installation');
    dir = parent;
  }
}

/** The modeline's schema reference: relative to the new file, with `/` separators. */
export function schemaRefFor(target: string, schemaFile: string): string {
  const rel = path.relative(path.dirname(target), schemaFile).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

interface InitOptions {
  force?: boolean;
  schema?: string;
}

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description(`write a starter rule file (default ${DEFAULT_INIT_FILE})`)
    .argument('[path]', 'file to create', DEFAULT_INIT_FILE)
    .option('--force', 'overwrite the file if it exists')
    .option('--schema <ref>', "schema path or URL for the editor modeline (default: this escalint's schema)")
    .action((file: string, opts: InitOptions) => {
      const target = path.resolve(ctx.io.cwd, file);
      if (!opts.force && fs.existsSync(target)) {
        throw new CliError(`${file} already exists; use --force to overwrite it`);
      }
      const ref = opts.schema ?? schemaRefFor(target, installedSchemaPath());
      try {
        fs.writeFileSync(target, starterRuleFile(ref));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new CliError(`cannot write ${file}: ${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : String(code ?? err)}`);
      }
      ctx.io.stdout(`created ${file}; check it with: escalint check ${file}\n`);
    });
}
