// `escalint suggest [--rules FILE…] [--format text|json|yaml|codex] -- <command>` (design.md §8):
// the categorical prefix rule for each command a command line runs, ready to paste as YAML or as
// Codex `prefix_rule(...)` lines (through the one Starlark encoder), or as the JSON shape of §8.
import type { Command } from 'commander';
import path from 'node:path';
import { CliError, EXIT_OK } from './io.js';
import type { CommandContext } from './main.js';

const FORMATS = ['text', 'json', 'yaml', 'codex'] as const;

interface SuggestOptions {
  rules: string[];
  format: string;
}

export function registerSuggest(program: Command, ctx: CommandContext): void {
  program
    .command('suggest')
    .description('the categorical prefix rule to approve for each command a command line runs')
    .argument('<command...>', 'the command line (after --)')
    .option('--rules <file>', 'rule files; commands they already allow are not suggested (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .addHelpText('after', '\nExample: escalint suggest -- cargo test -p codex-app-server   →   ["cargo", "test"]')
    .action(async (words: string[], opts: SuggestOptions) => ctx.setExit(await runSuggest(words.join(' '), opts, ctx)));
}

async function runSuggest(command: string, opts: SuggestOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new CliError(`unknown format "${opts.format}"; use ${FORMATS.join(', ')}`);
  if (command.trim() === '') throw new CliError('nothing to suggest for: give the command after --, e.g. escalint suggest -- cargo test');
  const [{ suggest }, render] = await Promise.all([import('../suggest/suggest.js'), import('./suggest-render.js')]);
  let ruleSet;
  let display = (p: string) => p;
  if (opts.rules.length > 0) {
    const { loadRuleFiles, CODEX_REFUSES } = await import('../load.js');
    const files = opts.rules.map((f) => path.resolve(io.cwd, f));
    const loaded = await loadRuleFiles(files);
    const blocking = loaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error');
    if (loaded.fatal || blocking.length > 0) {
      const d = (blocking[0] ?? loaded.diagnostics[0])!;
      throw new CliError(`${d.file ? path.relative(io.cwd, d.file) || d.file : '<rules>'}: ${d.message} [${d.check}]; fix the rule files first (escalint check shows every problem)`);
    }
    ruleSet = loaded.ruleSet;
    display = (p: string) => path.relative(io.cwd, p) || p;
  }
  const result = suggest(command, ruleSet);
  io.stdout(render.renderSuggestions(result, opts.format as (typeof FORMATS)[number], ruleSet, display));
  return EXIT_OK;
}
