// Conformance of `escalint test`'s Codex view against the real `codex execpolicy check` 0.169.0.
//
// For generated rule sets and command strings (plain scripts Codex splits, complex scripts it checks
// whole, wrappers, dynamic words, odd quoting, program paths), the `codex` part of `evaluate()` and of
// `escalint test --format json` must equal what Codex decides for `["/bin/bash", "-lc", command]`.
//
// How Codex is asked: `execpolicy check` takes one argv per call and does no shell splitting, while
// Codex core checks each command of its split one by one with host resolution always on
// (reference/codex-0.169.md §3, `commands_for_exec_policy`). So for every argv of `codexSplit` (the
// split commands, or the whole `[shell, -lc, script]` when Codex does not split) we run one
// `codex execpolicy check --resolve-host-executables` call and merge the answers in command order:
// the matches are concatenated, the decision is the strictest. Matches are compared as Codex orders
// them: per command, exact-head matches in order, then canonical-only-head matches as a set (§2.1).
// What this cannot prove is the split itself (execpolicy check never splits); `codexSplit` is checked
// against tree-sitter-bash in test/shell/codex-split.test.ts.
//
// Seeded: the seed is printed; ESCALINT_SEED=<n> replays a run, ESCALINT_SEED=random picks a fresh one.
// ESCALINT_TEST_CMD_SETS overrides the number of rule sets.
import { afterAll, describe, expect, it } from 'vitest';
import { emitRulesFile } from '../../src/emit/starlark.js';
import { Evaluator } from '../../src/engine/evaluate.js';
import type { PrefixMatch } from '../../src/engine/match.js';
import { codexSplit } from '../../src/shell/codex-split.js';
import type { HostExecutable, PatternElement, Rule, RuleSet } from '../../src/types.js';
// Realistic agent commands, the same generator the benchmarks use.
import { agentCommand } from '../../bench/data/agent-commands.js';
import { runCli } from '../cli/run.js';
import { makeRules, type RuleSpec } from '../engine/make-rule.js';
import { CANONICAL_GROUPS, Gen, prng } from './generate.js';
import { makeScratch, requireCodex, runChecks, type CheckRequest, type CodexMatch, type CodexResult } from './harness.js';

const DEFAULT_SEED = 1690_5;
const seedEnv = process.env.ESCALINT_SEED;
const SEED = seedEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedEnv ? Number(seedEnv) : DEFAULT_SEED;
const SETS = Number(process.env.ESCALINT_TEST_CMD_SETS ?? 100);
const COMMANDS_PER_SET = 8;

const bin = requireCodex('escalint test vs codex');

// ---------------------------------------------------------------------------------------------
// Generators.

/** Programs agents run, wrappers, shells, and spellings canonical rules fold together. */
const PROGRAMS = ['git', 'ls', 'rm', 'npm', 'echo', 'cat', 'cargo', 'docker', 'sudo', 'env', 'xargs', 'timeout', 'nohup', 'bash', 'sh', 'zsh', 'time', 'command', 'test', 'GIT', 'Git', 'straße', 'STRASSE', 'é', 'e\u0301', '😀'];
const ARGS = ['status', 'log', 'push', '--force', '-rf', '-f', 'install', 'i', 'test', '-c', '-lc', '--', '.', '/', 'a b', '', '*.ts', '~', 'STATUS', 'Status', 'ß', 'ss', '日本語', 'x"y', "it's", 'a\\b', '$HOME', 'origin', 'main'];
const PATH_PREFIXES = ['/usr/bin/', '/bin/', './', 'bin/', '~/', '/opt/x/', '../foo/', '/usr/lib/../bin/'];
const SEPARATORS = [' && ', ' || ', '; ', ' | ', '\n', ';', '&&', ' |', '\n\n', ' ;\n'];
const SHELLS = ['/bin/bash', '/bin/bash', '/bin/bash', '/bin/bash', 'bash', '/bin/zsh', '/bin/sh', '/usr/local/bin/bash', '/bin/dash', '/usr/bin/env'];

/** Characters that stop a word from being written bare (they are shell syntax or expand). */
const NEEDS_QUOTES = /[\s"'$`\\;&|<>(){}[\]*?~#^!]|^=|^$/u;

/** Writes one word as a shell word, in one of the spellings bash reads back as `w`. */
function shellWord(g: Gen, w: string, head: boolean): string {
  const bare = !NEEDS_QUOTES.test(w);
  const r = g.rand();
  if (bare && (r < 0.7 || head)) return w;
  if (!w.includes("'") && r < 0.85) return `'${w}'`;
  if (!/[$`"\\]/.test(w) && w !== '') return `"${w}"`;
  if (w === '') return g.chance(0.5) ? "''" : '""';
  // Backslash-escape every special character (Codex refuses a backslash in a word).
  return w.replace(/[^\p{L}\p{N}_@%+=:,./-]/gu, (c) => (c === '\n' ? "$'\\n'" : `\\${c}`));
}

/** A concatenation spelling of a bare word (`gi"t"`, `'st'atus`): same value, different nodes. */
function concatenated(g: Gen, w: string): string {
  const cps = Array.from(w); // split between code points, never inside a surrogate pair
  if (cps.length < 2 || NEEDS_QUOTES.test(w)) return w;
  const k = g.int(1, cps.length - 1);
  const [a, b] = [cps.slice(0, k).join(''), cps.slice(k).join('')];
  return g.chance(0.5) ? `${a}"${b}"` : `'${a}'${b}`;
}

function simpleArgv(g: Gen, vocab: string[][]): string[] {
  if (vocab.length > 0 && g.chance(0.6)) {
    // Start from a rule's own tokens, so matches are common.
    const argv = [...g.pick(vocab)];
    if (g.chance(0.15) && argv.length > 1) argv.pop();
    for (let k = g.chance(0.5) ? g.int(1, 2) : 0; k > 0; k--) argv.push(g.pick(ARGS));
    return argv;
  }
  return [g.pick(PROGRAMS), ...Array.from({ length: g.int(0, 3) }, () => g.pick(ARGS))];
}

/** One simple command as shell text, sometimes with a program path, concatenations or a canonical variant. */
function simpleCommand(g: Gen, vocab: string[][]): string {
  const argv = simpleArgv(g, vocab).map((w) => {
    const group = CANONICAL_GROUPS.find((gr) => gr.includes(w));
    return group && g.chance(0.2) ? g.pick(group) : w;
  });
  if (g.chance(0.2)) argv[0] = g.pick(PATH_PREFIXES) + argv[0];
  return argv.map((w, i) => (g.chance(0.1) ? concatenated(g, w) : shellWord(g, w, i === 0))).join(' ');
}

/** Shapes Codex does not split (or that escalint unwraps): each takes a simple command. */
const COMPLEX: ((g: Gen, c: string, d: string) => string)[] = [
  (_g, c) => `${c} > out.txt`,
  (_g, c) => `${c} 2>&1`,
  (_g, c, d) => `${c} $(${d})`,
  (_g, c, d) => `${c} "$(${d})"`,
  (_g, c, d) => `${c} \`${d}\``,
  (_g, c) => `${c} $HOME`,
  (_g, c) => `${c} "$X"`,
  (_g, c) => `(${c})`,
  (_g, c) => `{ ${c}; }`,
  (_g, c) => `! ${c}`,
  (_g, c) => `${c} &`,
  (_g, c) => `FOO=1 ${c}`,
  (_g, c) => `sudo ${c}`,
  (_g, c) => `env A=1 ${c}`,
  (_g, c) => `timeout 5 ${c}`,
  (_g, c) => `xargs ${c}`,
  (_g, c) => `bash -c '${c.replace(/'/g, `'\\''`)}'`,
  (_g, c) => `sh -lc "${c.replace(/["$`\\]/g, '\\$&')}"`,
  (_g, c) => `if true; then ${c}; fi`,
  (_g, c, d) => `for f in a b; do ${c}; ${d}; done`,
  (_g, c) => `${c} <<'EOF'\nhello\nEOF`,
  (_g, c) => `${c} # comment`,
  (_g, c) => `${c} *.ts`,
  (_g, c) => `${c} ~/x`,
  (_g, c) => `${c} \\\n  --flag`,
  (_g, c) => `[[ -f x ]] && ${c}`,
  (_g, c) => `f() { ${c}; }; f`,
  (_g, c) => `${c} <(${c})`,
  (_g, c) => `${c} $'a\\tb'`,
  (_g, c) => `eval '${c.replace(/'/g, `'\\''`)}'`,
];

function commandString(g: Gen, vocab: string[][]): string {
  const r = g.rand();
  if (r < 0.12) return agentCommand(g.rand);
  if (r < 0.15) return g.pick(['', ' ', '\n', '\t \n', '#', ';', 'ls &&', '&& ls', '"unterminated', "ls 'x", 'ls |& cat', 'a ;; b']);
  const n = g.int(1, 4);
  let out = '';
  for (let k = 0; k < n; k++) {
    let c = simpleCommand(g, vocab);
    if (g.chance(0.3)) c = g.pick(COMPLEX)(g, c, simpleCommand(g, vocab));
    out += (k > 0 ? g.pick(SEPARATORS) : '') + c;
  }
  if (g.chance(0.05)) out = `  ${out}\n`;
  return out;
}

function tokenFrom(g: Gen, pool: string[], vocabTokens: string[]): string {
  if (vocabTokens.length > 0 && g.chance(0.5)) return g.pick(vocabTokens);
  const t = g.pick(pool);
  const group = CANONICAL_GROUPS.find((gr) => gr.includes(t));
  return group && g.chance(0.2) ? g.pick(group) : t;
}

function element(g: Gen, pool: string[], vocabTokens: string[]): PatternElement {
  if (!g.chance(0.2)) return tokenFrom(g, pool, vocabTokens);
  return Array.from({ length: g.int(1, 3) }, () => tokenFrom(g, pool, vocabTokens));
}

/** Another caseless spelling of a token: a member of its canonical group, or an upper/lower-cased form. */
function respell(g: Gen, el: PatternElement): PatternElement {
  const one = (t: string): string => {
    const group = CANONICAL_GROUPS.find((gr) => gr.includes(t));
    if (group && g.chance(0.7)) return g.pick(group);
    return g.chance(0.5) ? t.toUpperCase() : t;
  };
  return typeof el === 'string' ? one(el) : el.map(one);
}

interface CaseSet {
  rules: RuleSpec[];
  hosts: { name: string; paths: string[] }[];
  commands: { command: string; shell: string }[];
}

function generateCaseSet(g: Gen, scratch: { cwd: string; home: string }): CaseSet {
  // Commands first, drawn from a vocabulary that rules also use; then rules built partly from the
  // commands' own tokens as Codex would see them (so split commands and whole argvs both match).
  const seedVocab: string[][] = [];
  for (let i = g.int(1, 4); i > 0; i--) seedVocab.push([g.pick(PROGRAMS), ...Array.from({ length: g.int(0, 2) }, () => g.pick(ARGS))]);
  const commands = Array.from({ length: COMMANDS_PER_SET }, () => ({ command: commandString(g, seedVocab), shell: g.pick(SHELLS) }));
  const seen = commands.flatMap((c) => codexSplit([c.shell, '-lc', c.command]).commands);
  const seenHeads = seen.map((a) => a[0]!).filter((h) => !h.includes('\u0000'));
  const seenArgs = seen.flatMap((a) => a.slice(1));

  const rules: RuleSpec[] = [];
  for (let i = g.int(2, 9); i > 0; i--) {
    const r = g.rand();
    let pattern: PatternElement[];
    if (r < 0.35) {
      // A prefix of a command Codex will check, maybe with an alternative added.
      const argv = g.pick(seen);
      pattern = argv.slice(0, g.int(1, Math.min(3, argv.length)));
      if (g.chance(0.3)) pattern[pattern.length - 1] = [pattern[pattern.length - 1] as string, g.pick(ARGS)];
    } else if (r < 0.45) {
      // A rule on the shell wrapper itself, sometimes down to the exact script.
      const c = g.pick(commands);
      pattern = [g.pick([c.shell, 'bash', 'sh', ['bash', 'zsh', 'sh'], '/bin/bash']), g.pick(['-lc', ['-lc', '-c']])];
      if (g.chance(0.4)) pattern.push(c.command);
    } else {
      pattern = [element(g, PROGRAMS, seenHeads)];
      for (let j = g.int(0, 2); j > 0; j--) pattern.push(element(g, ARGS, seenArgs));
    }
    const spec: RuleSpec = { pattern };
    if (g.chance(0.25)) {
      // Canonical rules, often spelled in another case or normalization form than the command.
      spec.canonical = true;
      pattern[0] = respell(g, pattern[0]!);
      if (pattern.length > 1) pattern[1] = respell(g, pattern[1]!);
    }
    if (g.chance(0.85)) spec.decision = g.pick(['allow', 'prompt', 'forbidden'] as const);
    if (g.chance(0.3)) spec.justification = g.pick(['destructive', 'ask first', 'Use `trash` instead.', 'line1\nline2', 'ünïcödé 😀']);
    rules.push(spec);
  }
  // `compile` drops exact duplicates (the later copy, design.md §5), so the rule set we evaluate must too.
  const unique = new Set<string>();
  const kept = rules.filter((r) => {
    const k = JSON.stringify([r.pattern, r.decision ?? 'allow', r.justification ?? null, r.canonical ?? false]);
    return unique.has(k) ? false : (unique.add(k), true);
  });
  const hosts: CaseSet['hosts'] = [];
  for (let i = g.chance(0.4) ? g.int(1, 2) : 0; i > 0; i--) {
    const name = g.pick(['bash', 'git', 'ls', 'rm', 'zsh', 'sh', 'GIT', ...seenHeads.filter((h) => h !== '' && !h.includes('/'))]);
    if (name === '' || name === '.' || name === '..' || name.includes('/')) continue;
    const dirs = ['/bin', '/usr/bin', '/opt/x', `${scratch.cwd}/bin`, `${scratch.home}`];
    hosts.push({ name, paths: g.chance(0.2) ? [] : Array.from({ length: g.int(1, 2) }, () => `${g.pick(dirs)}/${name}`) });
  }
  return { rules: kept, hosts, commands };
}

// ---------------------------------------------------------------------------------------------
// Comparison.

function shape(m: PrefixMatch): CodexMatch {
  const out: CodexMatch = { matchedPrefix: m.matchedPrefix, decision: m.decision };
  if (m.resolvedProgram !== undefined) out.resolvedProgram = m.resolvedProgram;
  if (m.justification !== undefined) out.justification = m.justification;
  return out;
}

const key = (m: unknown): string => JSON.stringify(m);

/**
 * Compares one command's matches: Codex's list against ours, exact-head matches in order, then
 * canonical-only-head ones as a multiset. `canonical[i]` says whether our match i is canonical-only;
 * without it (the CLI's JSON) everything is compared as a multiset after the exact prefix we know of.
 */
function compareBlock(codex: unknown[], ours: unknown[], canonical: boolean[]): string | null {
  if (codex.length !== ours.length) return `codex reported ${codex.length} matches, escalint ${ours.length}`;
  const exactCount = canonical.filter((c) => !c).length;
  const exact = ours.filter((_, i) => !canonical[i]);
  if (key(codex.slice(0, exactCount)) !== key(exact)) return 'exact-head matches differ (order or content)';
  const a = codex.slice(exactCount).map(key).sort();
  const b = ours.filter((_, i) => canonical[i]).map(key).sort();
  if (key(a) !== key(b)) return 'canonical-head matches differ (as a set)';
  return null;
}

/** Cuts our flat match list at Codex's per-command boundaries and compares each block. */
function compareMerged(perCommand: CodexResult[], ours: unknown[], canonical: boolean[]): string | null {
  const total = perCommand.reduce((n, r) => n + r.matches!.length, 0);
  if (total !== ours.length) return `codex reported ${total} matches over ${perCommand.length} command(s), escalint ${ours.length}`;
  let at = 0;
  for (let i = 0; i < perCommand.length; i++) {
    const n = perCommand[i]!.matches!.length;
    const why = compareBlock(perCommand[i]!.matches!, ours.slice(at, at + n), canonical.slice(at, at + n));
    if (why) return `command ${i}: ${why}`;
    at += n;
  }
  return null;
}

const RANK: Record<string, number> = { allow: 0, prompt: 1, forbidden: 2 };
function mergedDecision(perCommand: CodexResult[]): string | null {
  let best: string | null = null;
  for (const r of perCommand) if (r.decision != null && (best === null || RANK[r.decision]! > RANK[best]!)) best = r.decision;
  return best;
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!bin)('escalint test: the codex view against codex execpolicy check 0.169.0', () => {
  const scratch = makeScratch();
  afterAll(() => scratch.dispose());

  it(`agrees on ${SETS} generated rule sets × ${COMMANDS_PER_SET} commands (seed ${SEED})`, async () => {
    console.log(`escalint test vs codex: seed ${SEED} (replay with ESCALINT_SEED=${SEED}), ${SETS} rule sets`);
    const g = new Gen(prng(SEED));
    interface Case {
      set: number;
      command: string;
      shell: string;
      argvs: string[][];
      split: boolean;
      first: number; // index of its first check request
    }
    interface SetJob {
      ruleSet: RuleSet;
      file: string;
      text: string;
      cases: Case[];
    }
    const sets: SetJob[] = [];
    const reqs: CheckRequest[] = [];
    for (let s = 0; s < SETS; s++) {
      const gen = generateCaseSet(g, scratch);
      const name = `t${s}.rules`;
      const rules: Rule[] = makeRules(gen.rules, name);
      const hostExecutables: HostExecutable[] = gen.hosts.map((h) => ({ ...h, source: { file: name, start: 0, end: 0 } }));
      const emitted = emitRulesFile({ rules, hostExecutables });
      expect(emitted.problems).toEqual([]);
      const file = scratch.write(name, emitted.text!);
      const ruleSet: RuleSet = { rules, hostExecutables, networkRules: [], settings: { checks: {} }, files: [] };
      const cases: Case[] = gen.commands.map((c) => {
        const split = codexSplit([c.shell, '-lc', c.command]);
        const first = reqs.length;
        for (const argv of split.commands) reqs.push({ files: [file], argv, resolveHostExecutables: true, cwd: scratch.cwd, home: scratch.home });
        return { set: s, command: c.command, shell: c.shell, argvs: split.commands, split: split.split, first };
      });
      sets.push({ ruleSet, file, text: emitted.text!, cases });
    }

    const started = Date.now();
    const results = await runChecks(bin!, reqs);
    const failures: string[] = [];
    const stats = { cases: 0, split: 0, whole: 0, matched: 0, viaHost: 0, canonical: 0, multiCommand: 0, differs: 0 };

    for (const job of sets) {
      const evaluators = new Map<string, Evaluator>();
      for (const c of job.cases) {
        stats.cases++;
        const perCommand = results.slice(c.first, c.first + c.argvs.length);
        const describeCase = (): string =>
          `set ${c.set} shell ${JSON.stringify(c.shell)} command ${JSON.stringify(c.command)}\nargvs ${JSON.stringify(c.argvs)}\n--- ${job.file}\n${job.text}`;
        const broken = perCommand.find((r) => r.exitCode !== 0);
        if (broken) {
          failures.push(`codex failed (exit ${broken.exitCode}): ${broken.stderr.slice(0, 400)}\n${describeCase()}`);
          continue;
        }
        let ev = evaluators.get(c.shell);
        if (!ev) evaluators.set(c.shell, (ev = new Evaluator(job.ruleSet, { cwd: scratch.cwd, home: scratch.home, shell: c.shell })));
        const r = ev.evaluate(c.command).codex;
        if (c.split) stats.split++;
        else stats.whole++;
        if (c.argvs.length > 1) stats.multiCommand++;
        if (r.matches.length > 0) stats.matched++;
        if (r.matches.some((m) => m.resolvedProgram !== undefined)) stats.viaHost++;
        if (r.matches.some((m) => m.headMatch === 'canonical')) stats.canonical++;
        const theirs = mergedDecision(perCommand);
        const problems: string[] = [];
        if (r.split !== c.split || key(r.commands) !== key(c.argvs)) problems.push(`evaluate's split ${key({ split: r.split, commands: r.commands })} is not codexSplit's`);
        if (r.decision !== theirs) problems.push(`decision: codex ${theirs}, escalint ${r.decision}`);
        const why = compareMerged(perCommand, r.matches.map(shape), r.matches.map((m) => m.headMatch === 'canonical'));
        if (why) problems.push(why);
        if (problems.length > 0) {
          stats.differs++;
          failures.push(
            `${problems.join('; ')}\ncodex ${JSON.stringify(perCommand.map((p) => ({ decision: p.decision, matches: p.matches })))}\n` +
              `escalint ${JSON.stringify({ decision: r.decision, matches: r.matches.map(shape) })}\n${describeCase()}`,
          );
        }
      }
    }
    // The same through the CLI: `escalint test <file.rules> -c … --format json` reads the emitted file with
    // escalint's own .rules reader and always wraps in /bin/bash; its codex part must agree with Codex too.
    let cliCommands = 0;
    for (const job of sets) {
      const cases = job.cases.filter((c) => c.shell === '/bin/bash' && results.slice(c.first, c.first + c.argvs.length).every((r) => r.exitCode === 0));
      if (cases.length === 0) continue;
      const run = await runCli(['test', job.file, ...cases.flatMap((c) => ['-c', c.command]), '--format', 'json', '--cwd', scratch.cwd], { cwd: scratch.cwd, env: { HOME: scratch.home } });
      if (run.code !== 0) {
        failures.push(`escalint test exited ${run.code}: ${run.stderr.slice(0, 400)}
--- ${job.file}
${job.text}`);
        continue;
      }
      const out = JSON.parse(run.stdout) as { command: string; codex: { decision: string | null; matches: { matchedPrefix: string[]; decision: string; justification: string | null }[] } }[];
      cases.forEach((c, k) => {
        cliCommands++;
        const perCommand = results.slice(c.first, c.first + c.argvs.length);
        const got = out[k]!;
        const ours = got.codex.matches.map((m) => ({ matchedPrefix: m.matchedPrefix, decision: m.decision, ...(m.justification !== null ? { justification: m.justification } : {}) }));
        const theirs = perCommand.map((r) => ({ ...r, matches: r.matches!.map((m) => ({ matchedPrefix: m.matchedPrefix, decision: m.decision, ...(m.justification !== undefined ? { justification: m.justification } : {}) })) }));
        // The JSON does not say which heads matched only canonically, so compare each command's block as a multiset.
        const why = got.command !== c.command ? 'command echoed differently' : compareMerged(theirs, ours, ours.map(() => true));
        const decision = mergedDecision(perCommand);
        if (why || got.codex.decision !== decision) {
          failures.push(
            `escalint test --format json: ${why ?? `decision: codex ${decision}, escalint ${got.codex.decision}`}\n` +
              `codex ${JSON.stringify(theirs.map((p) => ({ decision: p.decision, matches: p.matches })))}\nescalint ${JSON.stringify(got.codex)}\n` +
              `command ${JSON.stringify(c.command)}\n--- ${job.file}\n${job.text}`,
          );
        }
      });
    }

    console.log(
      `escalint test vs codex: ${stats.cases} commands (${cliCommands} also through \`escalint test --format json\`), ${reqs.length} codex calls in ${Date.now() - started} ms; ` +
        `${stats.split} split (${stats.multiCommand} into several commands), ${stats.whole} checked whole; ${stats.matched} matched, ` +
        `${stats.viaHost} through basename fallback, ${stats.canonical} with canonical-only heads; ${failures.length} disagreements (seed ${SEED})`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    // The generator must keep reaching every path, or this suite proves little.
    expect(stats.split).toBeGreaterThan(stats.cases / 5);
    expect(stats.whole).toBeGreaterThan(stats.cases / 5);
    expect(stats.multiCommand).toBeGreaterThan(stats.cases / 10);
    expect(stats.matched).toBeGreaterThan(stats.cases / 4);
    expect(stats.viaHost).toBeGreaterThan(10);
    expect(stats.canonical).toBeGreaterThan(5);
    expect(cliCommands).toBeGreaterThan(stats.cases / 3);
  }, 120_000);
});
