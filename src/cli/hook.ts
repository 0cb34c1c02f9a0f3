// `escalint hook <event> [--rules FILE…] [--codex-rules]` and `escalint hook install <agent>`
// (design.md §9). The hook runs before every shell command an agent runs, so it starts lean: main.ts
// sends an event straight here without commander, and only the loader, the engine and the hook
// library are imported. It always exits 0 with one JSON line or nothing: Codex treats a hook that
// fails as "no objection", so every problem (an unreadable rule file, an event it cannot read, a
// bug) is answered with a deny that carries the diagnostic.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HOOK_EVENTS, isHookEventKind, MAX_EVENT_BYTES, parseHookEvent, type HookEventKind } from '../hook/event.js';
import { hookOutput } from '../hook/output.js';
import type { HookVerdict } from '../hook/judge.js';
import type { Rule } from '../types.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIO } from './io.js';
import type { CommandContext } from './main.js';

/** How long the hook waits for the event before it gives up (and denies). */
const STDIN_TIMEOUT_MS = 5000;

/** Standard input as the real process has it (main.ts passes process.stdin). */
export type StdinStream = NodeJS.ReadableStream & { isTTY?: boolean; destroy?: () => void };

interface HookOptions {
  rules: string[];
  codexRules: boolean;
}

/**
 * The hook itself: reads the event, judges, prints. Returns 0 always; `kind` is one of
 * HOOK_EVENTS (validated by the caller).
 */
export async function runHook(kind: HookEventKind, opts: HookOptions, io: CliIO, stdin?: StdinStream): Promise<number> {
  let verdict: HookVerdict;
  try {
    verdict = await judgeEvent(kind, opts, io, stdin);
  } catch (err) {
    verdict = { decision: 'deny', reason: `escalint hook failed, so it blocks the command: internal error: ${err instanceof Error ? err.message : String(err)}` };
    // The agent shows the reason; the stack goes to standard error, for a bug report.
    io.stderr(`escalint hook: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  io.stdout(hookOutput(kind, verdict));
  return EXIT_OK;
}

function deny(reason: string): HookVerdict {
  return { decision: 'deny', reason };
}

async function judgeEvent(kind: HookEventKind, opts: HookOptions, io: CliIO, stdin?: StdinStream): Promise<HookVerdict> {
  const read = await readEvent(io, stdin);
  if (!read.ok) return deny(`escalint hook cannot read the event, so it blocks the command: ${read.message}`);
  const parsed = parseHookEvent(read.text, kind);
  if (!parsed.ok) return deny(`escalint hook cannot read the event, so it blocks the command: ${parsed.message}`);
  const event = parsed.event;
  if (event.command === null) return { decision: 'none', reason: `the ${event.toolName ?? 'unnamed'} tool runs no shell command` };
  const cwd = event.cwd !== null && path.isAbsolute(event.cwd) ? event.cwd : io.cwd;

  const files = await ruleFiles(opts, cwd, io);
  if (files.length === 0) return { decision: 'none', reason: 'no rule file' };

  const [{ loadRuleFiles, CODEX_REFUSES }, { Evaluator }, { LineIndex }, { judgeCommand }] = await Promise.all([
    import('../load.js'),
    import('../engine/evaluate.js'),
    import('../format/lines.js'),
    import('../hook/judge.js'),
  ]);
  const display = (p: string): string => {
    const rel = path.relative(cwd, p);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  };
  const loaded = await loadRuleFiles(files, { cwd });
  const lines = new Map<string, InstanceType<typeof LineIndex>>();
  const lineIndex = (file: string) => {
    let l = lines.get(file);
    if (!l) lines.set(file, (l = new LineIndex(loaded.ruleSet.files.find((f) => f.path === file)?.text ?? '')));
    return l;
  };
  // What Codex refuses to start on, escalint does not judge with either (as `escalint test`).
  const blocking = loaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error');
  if (loaded.fatal || blocking.length > 0) {
    const shownDiags = (blocking.length > 0 ? blocking : loaded.diagnostics).slice(0, 3).map((d) => {
      const pos = d.file ? lineIndex(d.file).position(d.start) : { line: 1, column: 1 };
      return `${d.file ? display(d.file) : '<rules>'}:${pos.line}:${pos.column}: ${d.message} [${d.check}]`;
    });
    const more = blocking.length > 3 ? ` (and ${blocking.length - 3} more)` : '';
    return deny(`escalint cannot use its rules, so it blocks every command: ${shownDiags.join('; ')}${more}; run escalint check ${files.map(display).join(' ')}`);
  }
  const home = io.env.HOME;
  const evaluator = new Evaluator(loaded.ruleSet, home !== undefined ? { cwd, home } : { cwd });
  return judgeCommand(event.command, {
    evaluate: (c) => evaluator.evaluate(c),
    ruleLocation: (rule: Rule) => `${display(rule.source.file)}:${lineIndex(rule.source.file).position(rule.source.start).line}`,
    hasForbidden: loaded.ruleSet.rules.some((r) => r.decision === 'forbidden'),
  });
}

type EventRead = { ok: true; text: string } | { ok: false; message: string };

/** Standard input, at most MAX_EVENT_BYTES and STDIN_TIMEOUT_MS, as UTF-8. */
async function readEvent(io: CliIO, stdin?: StdinStream): Promise<EventRead> {
  let bytes: Uint8Array;
  if (stdin) {
    if (stdin.isTTY) return { ok: false, message: 'standard input is a terminal; the agent sends the event as JSON on standard input' };
    const r = await readBounded(stdin, MAX_EVENT_BYTES, STDIN_TIMEOUT_MS);
    if (!r.ok) return r;
    bytes = r.bytes;
  } else {
    const text = await io.readStdin();
    if (text.length > MAX_EVENT_BYTES) return { ok: false, message: `the event is larger than ${MAX_EVENT_BYTES} bytes` };
    return { ok: true, text };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'the event is not valid UTF-8' };
  }
}

function readBounded(stream: StdinStream, limit: number, timeoutMs: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: { ok: true; bytes: Uint8Array } | { ok: false; message: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      // Stop reading: what is left (a huge or endless input) must not keep the process alive.
      if (!r.ok) stream.destroy?.();
      resolve(r);
    };
    const onData = (c: Buffer | string) => {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      size += b.length;
      if (size > limit) finish({ ok: false, message: `the event is larger than ${limit} bytes` });
      else chunks.push(b);
    };
    const onEnd = () => finish({ ok: true, bytes: Buffer.concat(chunks) });
    const onError = (err: Error) => finish({ ok: false, message: `standard input: ${err.message}` });
    const timer = setTimeout(() => finish({ ok: false, message: `no complete event on standard input within ${timeoutMs / 1000} s` }), timeoutMs);
    timer.unref?.();
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/** The rule files to judge with: --rules, Codex's own (--codex-rules), or the project's default file. */
async function ruleFiles(opts: HookOptions, cwd: string, io: CliIO): Promise<string[]> {
  const files = opts.rules.map((f) => path.resolve(io.cwd, f));
  if (opts.codexRules) files.push(...(await codexRuleFiles(cwd, io)));
  if (files.length > 0 || opts.codexRules) return files;
  const { DEFAULT_RULE_FILES } = await import('./check.js');
  const found = DEFAULT_RULE_FILES.map((f) => path.join(cwd, f)).find((f) => fs.existsSync(f));
  return found ? [found] : [];
}

/** Codex's `rules/*.rules` files, merged as Codex merges them (reference/codex-0.169.md §0). */
async function codexRuleFiles(cwd: string, io: CliIO): Promise<string[]> {
  const { codexRuleFolders, findProjectRoot, trustedProjects } = await import('../hook/codex-rules.js');
  const home = io.env.HOME ?? (await import('node:os')).homedir();
  const codexHome = path.resolve(io.cwd, io.env.CODEX_HOME || path.join(home, '.codex'));
  let config: string | null = null;
  try {
    config = fs.readFileSync(path.join(codexHome, 'config.toml'), 'utf8');
  } catch {
    config = null;
  }
  const folders = codexRuleFolders({
    cwd,
    codexHome,
    systemDir: '/etc/codex',
    projectRoot: findProjectRoot(cwd, (d) => fs.existsSync(path.join(d, '.git'))),
    trusted: trustedProjects(config),
  });
  const out: string[] = [];
  for (const { folder } of folders) {
    const dir = path.join(folder, 'rules');
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    // Exactly `.rules` (lower case), files only, sorted, not recursive: as Codex reads them.
    for (const n of names.filter((n) => n.endsWith('.rules')).sort()) {
      const p = path.join(dir, n);
      try {
        if (fs.statSync(p).isFile()) out.push(p);
      } catch {
        // vanished meanwhile: Codex would not read it either
      }
    }
  }
  return out;
}

// ---- the command line -------------------------------------------------------------------------

/**
 * main.ts's fast path: `escalint hook <event> …` without commander. Returns undefined when the
 * arguments are not an event (install, --help), for commander to handle.
 */
export async function runHookFast(args: string[], io: CliIO, stdin?: StdinStream): Promise<number | undefined> {
  const kind = args[0];
  if (!isHookEventKind(kind) || args.includes('--help') || args.includes('-h')) return undefined;
  let opts: HookOptions;
  try {
    const { values, positionals } = parseArgs({
      args: args.slice(1),
      options: { rules: { type: 'string', multiple: true }, 'codex-rules': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    // `--rules a.yaml b.yaml`: later words are more rule files, as commander's variadic option reads them.
    opts = { rules: [...(values.rules ?? []), ...positionals], codexRules: values['codex-rules'] === true };
  } catch (err) {
    // A hook whose command line is wrong must still block (fail closed), not crash.
    io.stdout(hookOutput(kind, deny(`escalint hook is misconfigured, so it blocks the command: ${err instanceof Error ? err.message : String(err)}`)));
    return EXIT_OK;
  }
  return runHook(kind, opts, io, stdin);
}

interface InstallOptions {
  project?: boolean;
  user?: boolean;
  dryRun?: boolean;
  rules?: string[];
  codexRules?: boolean;
  command?: string;
}

export function registerHook(program: Command, ctx: CommandContext): void {
  const hook = program
    .command('hook')
    .description("the agent's hook: judge the shell command of an event on standard input with escalint's rules (deny forbidden commands, allow what is plainly allowed)")
    .usage('<event> [--rules <files...>] [--codex-rules]\n       escalint hook install <codex|claude> [--project|--user] [--dry-run]')
    .argument('<event>', `${HOOK_EVENTS.join(', ')}; or install`)
    // The event's options are read as main.ts's fast path reads them (runHookFast), so that they
    // never clash with install's options of the same name.
    .argument('[options...]', '--rules <files...>: rule files (default: rules.yaml or .escalint.yaml in the session folder); --codex-rules: Codex\'s own $CODEX_HOME/rules/*.rules and the trusted project\'s .codex/rules/*.rules')
    .allowUnknownOption()
    .addHelpText(
      'after',
      '\nThe hook always exits 0 and prints one JSON line (deny or allow in the agent\'s format) or nothing (no opinion).' +
        "\nA rule file it cannot read, or an event it cannot parse, is answered with a deny that says why.",
    )
    .action(async (event: string, rest: string[]) => {
      if (!isHookEventKind(event)) throw new CliError(`unknown hook event "${event}"; use one of ${HOOK_EVENTS.join(', ')}, or install`);
      ctx.setExit((await runHookFast([event, ...rest], ctx.io)) ?? EXIT_OK);
    });
  hook
    .command('install')
    .description("add escalint's hook to the agent's configuration (Codex: config.toml or hooks.json; Claude Code: settings.json), keeping everything there")
    .argument('<agent>', 'codex or claude')
    .option('--project', "the project's configuration (.codex/ or .claude/ in the current folder; default for claude)")
    .option('--user', "the user's configuration ($CODEX_HOME or ~/.claude; default for codex)")
    .option('--dry-run', 'print the change as a diff and write nothing')
    .option('--rules <files...>', 'rule files the hook judges with (made absolute)')
    .option('--codex-rules', "judge with Codex's own rules files")
    .option('--command <prefix>', 'how the agent starts escalint (default: this node and this escalint, by absolute path)')
    .addHelpText('after', '\nExit codes: 0 installed (or already there); 1 the file cannot be merged (the entries to add by hand are printed); 2 usage or I/O error.')
    .action(async (agent: string, opts: InstallOptions) => ctx.setExit(await runInstall(agent, opts, ctx.io)));
}

/** Quotes a word for the POSIX shell the agent runs hook commands with. */
function shq(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`;
}

/** This escalint, started by absolute path: the node running it and the package's bin script. */
function defaultInvocation(): string {
  const depth = import.meta.url.includes('/dist/') ? '../../../' : '../../';
  const bin = fs.realpathSync(new URL(`${depth}bin/escalint.js`, import.meta.url));
  return `${shq(process.execPath)} ${shq(bin)}`;
}

async function runInstall(agent: string, opts: InstallOptions, io: CliIO): Promise<number> {
  if (agent !== 'codex' && agent !== 'claude') throw new CliError(`unknown agent "${agent}"; use codex or claude`);
  if (opts.project && opts.user) throw new CliError('give --project or --user, not both');
  const { INSTALLED_EVENTS, planCodexToml, planJson } = await import('../hook/install.js');
  const scope = opts.project ? 'project' : opts.user ? 'user' : agent === 'codex' ? 'user' : 'project';
  const home = io.env.HOME ?? (await import('node:os')).homedir();
  const args: string[] = [];
  for (const f of opts.rules ?? []) {
    const abs = path.resolve(io.cwd, f);
    if (!fs.existsSync(abs)) throw new CliError(`no such file: ${f}`);
    args.push('--rules', shq(abs));
  }
  if (opts.codexRules) args.push('--codex-rules');
  const invocation = opts.command ?? defaultInvocation();
  const entries = INSTALLED_EVENTS[agent].map((e) => ({ event: e.event, command: [invocation, 'hook', e.kind, ...args].join(' ') }));

  let file: string;
  let format: 'toml' | 'json';
  if (agent === 'codex') {
    const dir = scope === 'user' ? path.resolve(io.cwd, io.env.CODEX_HOME || path.join(home, '.codex')) : path.join(io.cwd, '.codex');
    // A layer whose hooks.json already holds hooks keeps them there (Codex warns when both hold some).
    const json = path.join(dir, 'hooks.json');
    const jsonText = readIfExists(json);
    const useJson = jsonText !== null && /"hooks"\s*:\s*\{\s*"/.test(jsonText);
    file = useJson ? json : path.join(dir, 'config.toml');
    format = useJson ? 'json' : 'toml';
  } else {
    file = scope === 'user' ? path.join(home, '.claude', 'settings.json') : path.join(io.cwd, '.claude', 'settings.json');
    format = 'json';
  }
  const shown = path.relative(io.cwd, file).startsWith('..') ? file : path.relative(io.cwd, file) || file;
  const before = readIfExists(file);
  const result = format === 'toml' ? planCodexToml(before, entries, shown) : planJson(before, entries, shown);
  if (!result.ok) {
    io.stderr(`escalint: ${result.message}\nadd this to ${shown}:\n\n`);
    io.stdout(result.snippet);
    return EXIT_PROBLEMS;
  }
  if (!result.changed) {
    io.stderr(`${shown}: escalint's ${result.present.join(' and ')} hook${result.present.length === 1 ? ' is' : 's are'} already installed; nothing to do\n`);
    return EXIT_OK;
  }
  if (opts.dryRun) {
    const { createTwoFilesPatch } = await import('diff');
    io.stdout(createTwoFilesPatch(before === null ? '/dev/null' : shown, shown, before ?? '', result.after));
    io.stderr(`dry run: ${shown} not written\n`);
    return EXIT_OK;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.escalint-${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.after);
  fs.renameSync(tmp, file);
  io.stderr(`${shown}: added escalint's ${result.added.join(' and ')} hook${result.added.length === 1 ? '' : 's'}\n`);
  if (agent === 'codex') {
    io.stderr(
      'Codex runs a new hook only once you trust it: start codex and review it with /hooks. Until then it is skipped silently.\n' +
        '(`codex exec --dangerously-bypass-hook-trust` runs untrusted hooks, for automation you vet yourself.)\n',
    );
    if (scope === 'project') io.stderr('Codex reads a project\'s .codex/ only when the project is trusted.\n');
  } else {
    io.stderr('Claude Code reads its hooks at start-up: restart it, and review them with /hooks.\n');
  }
  return EXIT_OK;
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
