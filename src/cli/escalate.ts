// `escalint escalate [--telegram | --prompt FILE] [--output FILE|-] [-C DIR] [--session ID]
// [--confirm-buttons] [--approval-policy P] [--sandbox S] [--network N] [--config FILE]
// [--format text|json] -- <command or request text>` (design.md §8): is the run blocked, by
// what, and the exact way to get full access. The library (src/escalate/) decides; this file
// reads the files, finds the repository root with git, and prints.
import type { Command } from 'commander';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './io.js';
import type { CommandContext } from './main.js';

interface EscalateOptions {
  telegram?: boolean;
  prompt?: string;
  output?: string;
  C?: string;
  session?: string;
  confirmButtons?: boolean;
  approvalPolicy?: string;
  sandbox?: string;
  network?: string;
  config?: string;
  format: string;
}

export function registerEscalate(program: Command, ctx: CommandContext): void {
  program
    .command('escalate')
    .description('tell whether a command is blocked by the Codex sandbox, and print the exact way to run it with full access')
    .argument('[command...]', 'the command or request text (after --); several words are joined with spaces')
    .option('--telegram', 'the session is bridged through the Telegram bot: print the ∆ re-send of the command')
    .option('--prompt <file>', 'the prompt text; a TELEGRAM_BOT_CONTEXT block in it marks a Telegram-bridged session')
    .option('--output <file>', 'the failing output of the command (- for standard input)')
    .option('-C <dir>', 'the repository root to resume in (default: found with git from the current folder)')
    .option('--session <id>', 'the session to resume (default: --last)')
    .option('--confirm-buttons', 'follow the Telegram re-send with the {"dangerous_confirm": true} control block')
    .option('--approval-policy <policy>', 'the approval policy in force: untrusted, on-failure, on-request or never')
    .option('--sandbox <mode>', 'the sandbox in force: read-only, workspace-write or danger-full-access')
    .option('--network <mode>', 'the sandbox network: restricted or enabled')
    .option('--config <file>', "a Codex config.toml to read the approval policy and sandbox from (flags win)")
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExit codes: 0 always, blocked or not; 2 wrong arguments or an unreadable file.')
    .action(async (words: string[], opts: EscalateOptions) => ctx.setExit(await runEscalate(words, opts, ctx)));
}

function choice<T extends string>(flag: string, value: string | undefined, values: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw new CliError(`${flag} takes ${values.join(', ')}; got "${value}"`);
  return value as T;
}

function readText(file: string, what: string, ctx: CommandContext): string {
  try {
    return fs.readFileSync(path.resolve(ctx.io.cwd, file), 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** The top folder of the git work tree that holds `cwd`, or null (no git, not a repository). */
function gitRoot(cwd: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    const root = out.replace(/\n$/, '');
    return root === '' ? null : root;
  } catch {
    return null;
  }
}

async function runEscalate(words: string[], opts: EscalateOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (opts.format !== 'text' && opts.format !== 'json') throw new CliError(`unknown format "${opts.format}"; use text or json`);
  const { APPROVAL_POLICIES, SANDBOX_MODES, NETWORK_MODES, EMPTY_POLICY, readCodexConfig, mergePolicy } = await import('../escalate/policy.js');
  const approvalPolicy = choice('--approval-policy', opts.approvalPolicy, APPROVAL_POLICIES);
  const sandbox = choice('--sandbox', opts.sandbox, SANDBOX_MODES);
  const network = choice('--network', opts.network, NETWORK_MODES);
  if (opts.telegram && opts.prompt !== undefined) throw new CliError('give --telegram or --prompt FILE, not both');
  if (opts.prompt === '-' && opts.output === '-') throw new CliError('only one of --prompt and --output can read standard input');
  if (opts.session !== undefined && (opts.session === '' || opts.session.startsWith('-') || /[\p{Cc}\p{Cf}\s]/u.test(opts.session))) {
    throw new CliError(`--session takes a session id, e.g. one listed by codex resume; got ${JSON.stringify(opts.session)}`);
  }

  const command = words.join(' ');
  let telegramRequest: string | null = null;
  let judged = command;
  if (opts.prompt !== undefined) {
    const { readTelegramPrompt } = await import('../escalate/telegram.js');
    const text = opts.prompt === '-' ? await io.readStdin() : readText(opts.prompt, 'prompt', ctx);
    const prompt = readTelegramPrompt(text);
    if (judged.trim() === '') judged = prompt.request;
    if (prompt.telegram) {
      // The user's own words, never the bot's context block; the command after -- when the prompt holds nothing else.
      telegramRequest = prompt.request !== '' ? prompt.request : command.trim();
      if (telegramRequest === '') throw new CliError(`the prompt ${opts.prompt} holds nothing outside its TELEGRAM_BOT_CONTEXT block; give the command after --`);
    }
  } else if (opts.telegram) {
    telegramRequest = command.trim();
    if (telegramRequest === '') throw new CliError('--telegram needs the user\'s command after --');
  }
  if (judged.trim() === '') throw new CliError('nothing to judge: give the command after -- (escalint escalate -- git push), or --prompt FILE');

  let output: string | undefined;
  if (opts.output !== undefined) output = opts.output === '-' ? await io.readStdin() : readText(opts.output, 'output file', ctx);

  let policy = EMPTY_POLICY;
  if (opts.config !== undefined) {
    const config = readCodexConfig(readText(opts.config, 'config file', ctx));
    if (!config.ok) throw new CliError(`${opts.config}: ${config.message}`);
    policy = config.policy;
  }
  policy = mergePolicy(policy, {
    ...(approvalPolicy !== undefined ? { approvalPolicy } : {}),
    ...(sandbox !== undefined ? { sandbox } : {}),
    ...(network !== undefined ? { network } : {}),
  });

  let root: string | null;
  if (opts.C !== undefined) {
    root = path.resolve(io.cwd, opts.C);
    let isDir = false;
    try {
      isDir = fs.statSync(root).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new CliError(`-C ${opts.C}: no such folder`);
  } else {
    root = gitRoot(io.cwd);
  }

  const { escalate } = await import('../escalate/escalate.js');
  const tempDirs = ['/tmp', ...(io.env.TMPDIR ? [io.env.TMPDIR] : [])];
  const result = escalate({
    command: judged,
    ...(output !== undefined ? { output } : {}),
    policy,
    root,
    cwd: io.cwd,
    home: io.env.HOME ?? null,
    tempDirs,
    session: opts.session ?? null,
    telegramRequest,
    confirmButtons: opts.confirmButtons === true,
  });
  if (opts.format === 'json') {
    const { blocked, capabilities, telegram, message } = result;
    io.stdout(`${JSON.stringify({ blocked, capabilities: capabilities.map((c) => ({ name: c.name, evidence: c.evidence })), telegram, message }, null, 2)}\n`);
  } else {
    io.stdout(`${result.message}\n`);
  }
  return 0;
}
