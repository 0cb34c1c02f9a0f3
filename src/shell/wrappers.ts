// Segments as a rule checker must see them (design.md §3): wrapped commands become segments of
// their own, script strings given to shells, `eval` and git are parsed again, and every reason
// escalint cannot know what runs is marked on the segment (fail closed).
import { basename } from 'node:path';
import type * as A from '../../grammar/shell/ast.js';
import { parseScript } from '../../grammar/shell/parser.js';
import { COMMANDS, FIND_EXEC_ACTIONS, FIND_EXEC_TERMINATORS, SOURCE_STDIN_FILES, TRAP_FLAGS, TRAP_NO_SCRIPT_ACTIONS, type CommandEntry, type CommandHandler } from '../knowledge/commands.js';
import { dangerousEnv, DECLARATION_BUILTINS, subscriptEval } from '../knowledge/env.js';
import { GIT_BANG_CONFIG_PREFIXES, GIT_GLOBAL_OPTIONS, GIT_PROGRAM_CONFIG, GIT_PROGRAM_OPTIONS, GIT_RUNNERS, type GitGlobalOption, type GitProgramOption } from '../knowledge/git.js';
import { interpreterSpec, type InterpreterSpec } from '../knowledge/interpreters.js';
import { own } from '../knowledge/lookup.js';
import { SHELL_COMMAND_LINE, SHELLS, wrapperSpec, type WrapperSpec } from '../knowledge/wrappers.js';
import type { Segment, SegmentReason, SegmentWord } from '../types.js';
import { collectSegments, segmentWord, type ContextId, type SegmentInfo, type SegmentSink } from './segments.js';
import { partsValue } from './words.js';

/** Stable reason ids (design.md §5 `reasons`). */
export const REASONS = {
  'dynamic-command': 'the command name is only known at run time',
  eval: 'eval, source or . of a string or file only known at run time',
  'dynamic-script': 'a script string only known at run time is run',
  'stdin-script': 'a shell or interpreter reads its program from standard input',
  'inline-code': 'an interpreter runs code given on its command line',
  'dangerous-env': 'an assignment changes what programs run or load',
  'runtime-eval': 'a subscript or arithmetic is evaluated at run time and can run commands',
  'syntax-error': 'a script string does not parse',
  'too-deep': 'script strings nest deeper than the limit',
} as const;

export type ReasonId = keyof typeof REASONS;

interface AnalyzeOptions {
  maxDepth: number;
  /** The whole command string: offsets of derived scripts map back into it. */
  source: string;
  /**
   * Work left for unwrapping, shared by nested analyses: characters of script strings parsed
   * again plus words of wrapped commands. Bounds `eval eval eval …` and `sudo sudo …` chains,
   * whose naive cost grows with the square of their length.
   */
  budget?: { left: number };
}

/** Unwrapping may cost this many times the command's length (plus a floor for short commands). */
const BUDGET_FACTOR = 2;
const BUDGET_FLOOR = 1 << 16;

/** What a command reads as standard input, when that can be a program. */
type Stdin = { kind: 'text'; text: string; dynamic: boolean; start: number; end: number } | { kind: 'pipe' } | { kind: 'none' };

function addReason(seg: Segment, id: ReasonId, message: string): void {
  if (seg.reasons.some((r) => r.id === id && r.message === message)) return;
  seg.reasons.push({ id, message } satisfies SegmentReason);
}

function stdinOf(info: SegmentInfo): Stdin {
  for (let k = info.command.redirects.length - 1; k >= 0; k--) {
    const r = info.command.redirects[k]!;
    if (r.heredoc && /^\d*<<-?$/.test(r.op) && !/^[1-9]/.test(r.op)) {
      const h = r.heredoc;
      const dynamic = !h.quoted && h.parts.some((p) => p.type !== 'lit');
      return { kind: 'text', text: h.quoted ? h.text : partsValue(h.parts), dynamic, start: h.start, end: h.end };
    }
    if (/^0?<<<$/.test(r.op)) {
      const dynamic = r.target.parts.some((p) => p.type !== 'lit' && p.type !== 'sgl' && p.type !== 'ansi' && !(p.type === 'dbl' && p.parts.every((q) => q.type === 'lit')));
      return { kind: 'text', text: partsValue(r.target.parts) + '\n', dynamic, start: r.target.start, end: r.target.end };
    }
    if (/^0?<$/.test(r.op) || /^0?<>$/.test(r.op) || /^0?<&$/.test(r.op)) return { kind: 'none' };
  }
  return info.piped ? { kind: 'pipe' } : { kind: 'none' };
}

/**
 * Maps each character of a word's value to an offset in the source: the value is the source
 * text with quotes and escapes removed, so a greedy alignment is exact for literal words and
 * stays inside the word otherwise.
 */
function valueMap(source: string, w: SegmentWord, from = 0): Int32Array {
  const raw = source.slice(w.start, w.end);
  const v = w.value;
  const map = new Int32Array(v.length - from + 1);
  let p = 0;
  for (let k = 0; k < v.length; k++) {
    let q = p;
    while (q < raw.length && raw[q] !== v[k]) q++;
    if (q < raw.length) p = q;
    if (k >= from) map[k - from] = Math.min(w.start + p, Math.max(w.start, w.end - 1));
    if (q < raw.length) p++;
  }
  map[v.length - from] = w.end;
  return map;
}

function joinedMap(source: string, words: SegmentWord[]): { text: string; map: Int32Array } {
  const texts: string[] = [];
  const maps: number[] = [];
  words.forEach((w, k) => {
    if (k > 0) maps.push(words[k - 1]!.end);
    texts.push(w.value);
    const m = valueMap(source, w);
    for (let j = 0; j < w.value.length; j++) maps.push(m[j]!);
  });
  maps.push(words.length ? words[words.length - 1]!.end : 0);
  return { text: texts.join(' '), map: Int32Array.from(maps) };
}

export class SegmentAnalyzer {
  /** Bare assignments of hijacking variables seen so far (`PATH=/x; ls`), by source offset. */
  private readonly hijacks: { name: string; start: number; why: string }[] = [];

  private readonly budget: { left: number };

  constructor(private readonly options: AnalyzeOptions) {
    this.budget = options.budget ?? { left: BUDGET_FLOOR + BUDGET_FACTOR * options.source.length };
  }

  /** Takes `cost` from the shared budget; false (and a reason on the segment) when it is spent. */
  private spend(seg: Segment, cost: number): boolean {
    this.budget.left -= cost;
    if (this.budget.left >= 0) return true;
    addReason(seg, 'too-deep', 'wrappers and script strings are too large or too deeply chained to analyse');
    return false;
  }

  /** Hooks for collectSegments. */
  hooks(depth: number) {
    return {
      segment: (seg: Segment, info: SegmentInfo, out: SegmentSink) =>
        this.segment(seg, stdinOf(info), out, depth, info.command.assigns.map(segmentWord)),
      assignment: (name: string, w: A.Word) => {
        const why = dangerousEnv(name);
        if (why) this.hijacks.push({ name, start: w.start, why });
      },
    };
  }

  /** After the walk: commands that run after a hijacking assignment in the same script. */
  finish(segments: Segment[]): void {
    if (this.hijacks.length === 0) return;
    for (const seg of segments) {
      for (const h of this.hijacks) {
        if (h.start < seg.start) addReason(seg, 'dangerous-env', `${h.name} is set earlier in the script: it ${h.why}`);
      }
    }
  }

  private segment(seg: Segment, stdin: Stdin, out: SegmentSink, depth: number, assigns: SegmentWord[]): void {
    const words = seg.words;
    const head = words[0];
    if (!head) return;
    if (head.dynamic) addReason(seg, 'dynamic-command', `the command name "${head.value}" is only known at run time`);
    for (const a of assigns) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(a.value)?.[0] ?? '';
      const why = dangerousEnv(name);
      if (why) addReason(seg, 'dangerous-env', `${name} is set for this command: it ${why}`);
    }
    if (head.dynamic) return;
    const name = basename(head.value);
    this.runtimeEval(seg, name);
    this.declarations(seg, name);

    if (Object.hasOwn(SHELLS, name)) {
      this.shell(seg, stdin, out, depth);
      return;
    }
    const interp = interpreterSpec(name);
    if (interp) this.interpreter(seg, name, interp, stdin);
    const command = own<CommandEntry>(COMMANDS, name);
    if (command) {
      this.handlers[command.handler](seg, name, out, depth, stdin);
      return;
    }
    const spec = wrapperSpec(name);
    if (spec) this.wrapper(seg, name, spec, out, depth, stdin);
  }

  /** The readers of the commands in knowledge/commands.ts, by handler name. */
  private readonly handlers = {
    find: (seg, _name, out, depth, stdin) => this.find(seg, out, depth, stdin),
    git: (seg, _name, out, depth, stdin) => this.git(seg, out, depth, stdin),
    trap: (seg, _name, out, depth) => this.trap(seg, out, depth),
    source: (seg, name) => this.source(seg, name),
  } satisfies Record<CommandHandler, (seg: Segment, name: string, out: SegmentSink, depth: number, stdin: Stdin) => void>;

  // ---- wrappers ------------------------------------------------------------------------------

  private wrapper(seg: Segment, name: string, spec: WrapperSpec, out: SegmentSink, depth: number, stdin: Stdin): void {
    const words = seg.words;
    let i = 1;
    if (spec.subcommands) {
      // `uv run`, `docker exec`: options may come before the sub-command.
      while (i < words.length && words[i]!.value.startsWith('-')) i++;
      if (i >= words.length || !spec.subcommands.includes(words[i]!.value)) return;
      i++;
    }
    const assigns: SegmentWord[] = [];
    let exec = false;
    let positionals = spec.positionals ?? 0;
    for (; i < words.length; i++) {
      const w = words[i]!;
      const a = w.value;
      if (a === '--') {
        i++;
        break;
      }
      if (spec.noCommandOptions?.includes(a)) return;
      if (spec.argsOptions?.includes(a)) {
        i++;
        break;
      }
      if (spec.execOptions?.includes(a)) {
        exec = true;
        continue;
      }
      const [opt, from] = splitOption(a, spec);
      if (opt !== null) {
        const attached = from === undefined ? undefined : this.subWord(w, from);
        const value = attached ?? words[i + 1];
        if (spec.scriptOptions?.includes(opt)) {
          if (value === undefined) return;
          this.script(seg, value, out, depth, `${name} ${opt}`);
          return;
        }
        if (spec.splitOptions?.includes(opt)) {
          if (value === undefined) return;
          const rest = words.slice(attached === undefined ? i + 2 : i + 1);
          this.joined(seg, [value, ...rest], out, depth, `${name} ${opt}`, false);
          return;
        }
        if (attached === undefined && (spec.valueOptions as readonly string[] | undefined)?.includes(opt)) i++;
        continue;
      }
      if (a.startsWith('-') && a.length > 1) continue;
      // Leading positionals (`timeout DURATION`, `flock FILE`); options may follow them (flock -c).
      if (positionals > 0 && !(spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a))) {
        positionals--;
        continue;
      }
      break;
    }
    // `env`: assignments for the command.
    if (spec.assignments) {
      while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.value)) assigns.push(words[i++]!);
    }
    if (i < words.length && words[i]!.value === '--' && (spec.positionals ?? 0) > 0) i++;
    if (i >= words.length) return;
    if (spec.kind === 'joined-script' && !exec) {
      if (spec.reexpands) {
        // Even a literal eval re-reads its text with a second round of expansions (bash manual §4.1).
        addReason(seg, 'eval', `${name} runs "${oneLine(words.map((w) => w.value).join(' '))}" as a script after expanding it again`);
      }
      this.joined(seg, words.slice(i), out, depth, name, spec.reexpands ?? false);
      return;
    }
    this.wrapped(seg, words.slice(i), assigns, out, depth, stdin);
  }

  /** The part of a word's value from index `from`, with offsets into the source. */
  private subWord(w: SegmentWord, from: number): SegmentWord {
    const map = valueMap(this.options.source, w, from);
    return { value: w.value.slice(from), dynamic: w.dynamic, start: map[0]!, end: w.end };
  }

  /** A wrapped command: a segment of its own, analysed in turn. */
  private wrapped(parent: Segment, words: SegmentWord[], assigns: SegmentWord[], out: SegmentSink, depth: number, stdin: Stdin): void {
    if (words.length === 0) return;
    if (!this.spend(parent, words.length + assigns.length)) return;
    const seg: Segment = {
      argv: words.map((w) => w.value),
      words,
      assigns: assigns.map((a) => a.value),
      redirects: [],
      context: [...parent.context, 'wrapped'],
      dynamic: words.some((w) => w.dynamic),
      reasons: [],
      start: words[0]!.start,
      end: words[words.length - 1]!.end,
    };
    out.push(seg);
    if (depth + 1 > this.options.maxDepth) {
      addReason(seg, 'too-deep', `wrappers nest deeper than ${this.options.maxDepth} levels`);
      return;
    }
    this.segment(seg, stdin, out, depth + 1, assigns);
  }

  /**
   * Arguments joined by spaces and run as a script (`eval`, `watch`, `env -S`); `reexpands` when
   * the text is expanded again first (`eval`).
   */
  private joined(seg: Segment, words: SegmentWord[], out: SegmentSink, depth: number, what: string, reexpands: boolean): void {
    if (words.some((w) => w.dynamic)) {
      addReason(seg, reexpands ? 'eval' : 'dynamic-script', `${what} runs a script only known at run time: "${words.map((w) => w.value).join(' ')}"`);
      if (words.some((w) => hasSubstitution(w.value))) return;
    }
    const { text, map } = joinedMap(this.options.source, words);
    this.reparse(seg, text, map, out, depth, reexpands ? 'eval-string' : 'shell-string');
  }

  /** One word that is a shell script (`bash -c`, `su -c`, git's program options). */
  private script(seg: Segment, w: SegmentWord, out: SegmentSink, depth: number, what: string, from = 0): void {
    if (w.dynamic) {
      addReason(seg, 'dynamic-script', `${what} runs a script only known at run time: "${w.value.slice(from)}"`);
      // The text of a command substitution is not what the shell receives: do not parse it as the script.
      if (hasSubstitution(w.value.slice(from))) return;
    }
    const map = valueMap(this.options.source, w, from);
    this.reparse(seg, w.value.slice(from), map, out, depth, 'shell-string');
  }

  /** Parses a derived script and adds its segments, mapped back to source offsets. */
  private reparse(seg: Segment, text: string, map: Int32Array, out: SegmentSink, depth: number, kind: ContextId): void {
    const remaining = this.options.maxDepth - depth - 1;
    if (remaining <= 0) {
      addReason(seg, 'too-deep', `script strings nest deeper than ${this.options.maxDepth} levels`);
      return;
    }
    if (!this.spend(seg, text.length + 1)) return;
    const parsed = parseScript(text, { maxDepth: remaining });
    const at = (k: number) => map[Math.max(0, Math.min(k, map.length - 1))]!;
    if (!parsed.ok) {
      addReason(seg, parsed.error.message.includes('nesting') ? 'too-deep' : 'syntax-error', `the script "${oneLine(text)}" does not parse: ${parsed.error.message} (at ${at(parsed.error.start)})`);
      return;
    }
    const inner = new SegmentAnalyzer({ maxDepth: this.options.maxDepth, source: text, budget: this.budget });
    const segments = collectSegments(parsed.script, inner.hooks(depth + 1));
    inner.finish(segments);
    const prefix: string[] = seg.context[seg.context.length - 1] === 'wrapped' ? [...seg.context, kind] : [...seg.context, 'wrapped', kind];
    // Mapping back costs a copy of every word found inside, again at each level of nesting.
    if (!this.spend(seg, segments.reduce((n, x) => n + x.words.length + 1, 0))) return;
    for (const s of segments) {
      const mapped: Segment = {
        ...s,
        words: s.words.map((w) => ({ ...w, start: at(w.start), end: Math.max(at(w.start), at(w.end - 1) + 1) })),
        redirects: s.redirects.map((r) => ({ ...r, start: at(r.start), end: Math.max(at(r.start), at(r.end - 1) + 1) })),
        context: [...prefix, ...s.context],
        start: at(s.start),
        end: Math.max(at(s.start), at(s.end - 1) + 1),
      };
      out.push(mapped);
    }
  }

  // ---- shells and interpreters ---------------------------------------------------------------

  private shell(seg: Segment, stdin: Stdin, out: SegmentSink, depth: number): void {
    const words = seg.words;
    const cl = SHELL_COMMAND_LINE;
    let i = 1;
    let cFlag = false;
    let readsStdin = false;
    for (; i < words.length; i++) {
      const a = words[i]!.value;
      if (cl.endOfOptions.includes(a)) {
        i++;
        break;
      }
      if (a.startsWith('--')) {
        if (Object.hasOwn(cl.valueOptions, a)) i++;
        continue;
      }
      if (cl.optionSigns.includes(a.slice(0, 1)) && a.length > 1) {
        const letters = a.slice(1);
        if (letters.includes(cl.scriptLetter)) cFlag = true;
        if (letters.includes(cl.stdinLetter)) readsStdin = true;
        if (Object.hasOwn(cl.valueOptions, a) || cl.valueLetters.includes(letters.slice(-1))) i++;
        continue;
      }
      break;
    }
    const name = basename(words[0]!.value);
    if (cFlag) {
      const script = words[i];
      if (!script) return;
      this.script(seg, script, out, depth, `${name} -c`);
      return;
    }
    if (i < words.length && !readsStdin) return; // runs a script file
    if (stdin.kind === 'text') {
      // A shell fed a heredoc or here-string runs its text: parse it as the script.
      if (stdin.dynamic) addReason(seg, 'dynamic-script', `${name} reads a script from a heredoc or here-string with expansions`);
      const map = new Int32Array(stdin.text.length + 1);
      for (let k = 0; k <= stdin.text.length; k++) map[k] = Math.min(stdin.start + k, Math.max(stdin.start, stdin.end - 1));
      this.reparse(seg, stdin.text, map, out, depth, 'heredoc');
      return;
    }
    this.stdinProgram(seg, name, stdin);
  }

  /** A shell or interpreter that reads a program escalint cannot see from standard input. */
  private stdinProgram(seg: Segment, name: string, stdin: Stdin): void {
    const where = stdin.kind === 'pipe' ? 'from a pipe' : stdin.kind === 'text' ? 'from a heredoc or here-string' : 'from standard input';
    addReason(seg, 'stdin-script', `${name} reads its program ${where}; escalint cannot see what it runs`);
  }

  private interpreter(seg: Segment, name: string, spec: InterpreterSpec, stdin: Stdin): void {
    const words = seg.words;
    let programSeen = false;
    for (let i = 1; i < words.length; i++) {
      const a = words[i]!.value;
      if (a === '--') break;
      const code = spec.codeOptions.find((o) => a === o || a.startsWith(`${o}=`) || (/^-[a-zA-Z]$/.test(o) && a.startsWith(o) && a.length > 2 && !a.startsWith('--')));
      if (code) {
        addReason(seg, 'inline-code', `${name} ${code} runs code given on the command line`);
        return;
      }
      if (i === 1 && spec.codeSubcommands?.includes(a)) {
        addReason(seg, 'inline-code', `${name} ${a} runs code given on the command line`);
        return;
      }
      if (spec.moduleOptions?.includes(a)) return; // runs a module, not inline code
      if (spec.programFileOptions?.includes(a)) {
        programSeen = true;
        i++;
        continue;
      }
      if (spec.valueOptions?.includes(a)) {
        i++;
        continue;
      }
      if (a === '-' && spec.dashIsStdin) {
        this.stdinProgram(seg, name, stdin);
        return;
      }
      if (a.startsWith('-') && a.length > 1) continue;
      if (spec.programArgument && !programSeen && spec.programArgument.test(a)) {
        addReason(seg, 'inline-code', `${name} runs the program text "${oneLine(a)}", which can run commands`);
      }
      return; // a script file
    }
    if (spec.stdinProgram && stdin.kind !== 'none') {
      this.stdinProgram(seg, name, stdin);
    }
  }

  // ---- find and git --------------------------------------------------------------------------

  private find(seg: Segment, out: SegmentSink, depth: number, stdin: Stdin): void {
    const words = seg.words;
    for (let i = 1; i < words.length; i++) {
      const a = words[i]!.value;
      if (!Object.hasOwn(FIND_EXEC_ACTIONS, a)) continue;
      let k = i + 1;
      while (k < words.length && !Object.hasOwn(FIND_EXEC_TERMINATORS, words[k]!.value)) k++;
      this.wrapped(seg, words.slice(i + 1, k), [], out, depth, stdin);
      i = k;
    }
  }

  private git(seg: Segment, out: SegmentSink, depth: number, stdin: Stdin): void {
    const words = seg.words;
    let i = 1;
    // Global options before the sub-command (git(1)).
    for (; i < words.length; i++) {
      const w = words[i]!;
      const a = w.value;
      const exact = own<GitGlobalOption>(GIT_GLOBAL_OPTIONS, a);
      if (exact?.takes === 'config' && words[i + 1]) {
        this.gitConfig(seg, words[++i]!, 0, out, depth);
        continue;
      }
      // `-ckey=value`: a short option with its value attached.
      if (a.length > 2 && !a.startsWith('--') && own<GitGlobalOption>(GIT_GLOBAL_OPTIONS, a.slice(0, 2))?.takes === 'config') {
        this.gitConfig(seg, w, 2, out, depth);
        continue;
      }
      const eq = a.startsWith('--') ? a.indexOf('=') : -1;
      const long = eq > 0 ? own<GitGlobalOption>(GIT_GLOBAL_OPTIONS, a.slice(0, eq)) : undefined;
      if (exact?.takes === 'program-folder' || long?.takes === 'program-folder') {
        if (long) addReason(seg, 'dangerous-env', `git ${a} changes the folder git runs its sub-commands from`);
        continue;
      }
      if (exact?.takes === 'value') {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      break;
    }
    const sub = words[i]?.value;
    for (let k = i + 1; k < words.length; k++) {
      const w = words[k]!;
      const a = w.value;
      const eq = a.indexOf('=');
      const opt = eq > 0 ? a.slice(0, eq) : a;
      const program = own<GitProgramOption>(GIT_PROGRAM_OPTIONS, opt);
      if (!program || (program.subcommands && (sub === undefined || !program.subcommands.includes(sub)))) continue;
      if (eq > 0) this.script(seg, w, out, depth, `git ${opt}`, eq + 1);
      else if (words[k + 1]) this.script(seg, words[++k]!, out, depth, `git ${opt}`);
    }
    const runner = GIT_RUNNERS.find((r) => r.words[0] === sub && r.words[1] === words[i + 1]?.value);
    if (runner) {
      let k = i + 2;
      if (runner.skipsLongOptions) while (k < words.length && words[k]!.value.startsWith('--')) k++;
      if (runner.runs === 'joined-script') {
        if (k < words.length) this.joined(seg, words.slice(k), out, depth, `git ${runner.words.join(' ')}`, false);
      } else {
        this.wrapped(seg, words.slice(k), [], out, depth, stdin);
      }
    }
  }

  /** `git -c key=value`: program-valued keys (and `!` aliases) run their value through the shell. */
  private gitConfig(seg: Segment, w: SegmentWord, from: number, out: SegmentSink, depth: number): void {
    const kv = w.value.slice(from);
    const eq = kv.indexOf('=');
    if (eq < 0) return;
    const key = kv.slice(0, eq).toLowerCase();
    const value = kv.slice(eq + 1);
    if (Object.hasOwn(GIT_PROGRAM_CONFIG, key)) {
      this.script(seg, w, out, depth, `git -c ${key}`, from + eq + 1);
    } else if (value.startsWith('!') && Object.keys(GIT_BANG_CONFIG_PREFIXES).some((p) => key.startsWith(p))) {
      this.script(seg, w, out, depth, `git -c ${key}`, from + eq + 2);
    }
  }

  /** `trap 'cmd' SIGNAL…`: the action is a script the shell runs later (bash manual §4.2). */
  private trap(seg: Segment, out: SegmentSink, depth: number): void {
    const words = seg.words;
    let i = 1;
    while (i < words.length && isFlagCluster(words[i]!.value, TRAP_FLAGS)) i++;
    if (words[i]?.value === '--') i++;
    const action = words[i];
    // `trap SIGNAL` alone (or `trap - SIGNAL`) resets; an action needs at least one signal after it.
    if (!action || i + 1 >= words.length || Object.hasOwn(TRAP_NO_SCRIPT_ACTIONS, action.value)) return;
    if (action.dynamic) addReason(seg, 'eval', `trap runs "${oneLine(action.value)}" later, a script only known at run time`);
    this.script(seg, action, out, depth, 'trap');
  }

  /** `source FILE`, `. FILE`: fails closed when the file is only known at run time or is standard input. */
  private source(seg: Segment, name: string): void {
    const file = seg.words[1];
    // `<(…)`: a process substitution, whose output is only known at run time.
    if (file && (file.dynamic || file.value.startsWith('<(') || Object.hasOwn(SOURCE_STDIN_FILES, file.value))) {
      addReason(seg, 'eval', `${name} runs a file only known at run time: "${file.value}"`);
    }
  }

  // ---- run-time evaluation -------------------------------------------------------------------

  /** `test -v 'a[$(id)]'`, `printf -v`, `unset 'a[$(id)]'`: subscripts evaluated at run time. */
  private runtimeEval(seg: Segment, name: string): void {
    const spec = subscriptEval(name);
    if (!spec) return;
    const words = seg.words.slice(1);
    const risky = (v: string) => /\[[^\]]*[$`]/.test(v);
    let targets: SegmentWord[] = words;
    const nameOptions = spec.nameOptions;
    if (nameOptions) {
      targets = [];
      words.forEach((w, k) => {
        if (nameOptions.includes(w.value) && words[k + 1]) targets.push(words[k + 1]!);
      });
      if (spec.assignsToName && targets.some((t) => t.dynamic)) {
        addReason(seg, 'runtime-eval', `${name} ${nameOptions.join('/')} assigns to a variable named at run time`);
      }
    }
    for (const t of targets) {
      if (risky(t.value)) addReason(seg, 'runtime-eval', `${name} evaluates the subscript in "${t.value}" at run time, which can run commands`);
    }
  }

  /** `export PATH=…`, `declare -x LD_PRELOAD=…`: hijacking assignments for the rest of the script. */
  private declarations(seg: Segment, name: string): void {
    if (!Object.hasOwn(DECLARATION_BUILTINS, name)) return;
    for (const w of seg.words.slice(1)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(w.value);
      if (!m) continue;
      const why = dangerousEnv(m[1]!);
      if (why) {
        addReason(seg, 'dangerous-env', `${m[1]} is set: it ${why}`);
        this.hijacks.push({ name: m[1]!, start: seg.start, why });
      }
    }
  }
}

/**
 * Splits an option word: `-uroot` → ['-u', 2] (value from index 2), `--user=root` → ['--user', 7],
 * `-u` → ['-u', undefined]; a cluster of flags or a non-option → [null].
 */
function splitOption(a: string, spec: WrapperSpec): [string | null, number | undefined] {
  if (!a.startsWith('-') || a === '-' || a === '--') return [null, undefined];
  if (a.startsWith('--')) {
    const eq = a.indexOf('=');
    if (eq > 0) return [a.slice(0, eq), eq + 1];
    return [a, undefined];
  }
  const letter = a[1]!;
  if (a.length > 2 && spec.attachedShort?.includes(letter)) return [`-${letter}`, 2];
  return [a.length === 2 ? a : null, undefined];
}

/** True for `-x`, `-xy`, …: a cluster of letters that are all flags of `flags`. */
function isFlagCluster(a: string, flags: Readonly<Record<string, string>>): boolean {
  return a.length > 1 && a.startsWith('-') && [...a.slice(1)].every((c) => Object.hasOwn(flags, c));
}

/** True when a value (expansions kept as written) holds a command substitution. */
function hasSubstitution(v: string): boolean {
  return v.includes('$(') || v.includes('`') || v.includes('${ ') || v.includes('${|') || v.includes('<(') || v.includes('>(');
}

function oneLine(s: string): string {
  const t = s.slice(0, 200).replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
