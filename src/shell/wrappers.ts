// Segments as a rule checker must see them (design.md §3): wrapped commands become segments of
// their own, script strings given to shells, `eval` and git are parsed again, and every reason
// escalint cannot know what runs is marked on the segment (fail closed, design.md §10).
//
// Each wrapper, shell, interpreter and tool is read by its own rules, from the tables of
// src/knowledge/: an option form a table does not know is reported (`unknown-wrapper-option`),
// never guessed past; options of ordinary tools that run programs are reported (`exec-option`)
// and their literal program becomes a segment.
import { basename } from 'node:path';
import type * as A from '../../grammar/shell/ast.js';
import { parseScript } from '../../grammar/shell/parser.js';
import {
  COMMANDS,
  FIND_EXEC_ACTIONS,
  FIND_PLACEHOLDER,
  FIND_VALUE_PRIMARIES,
  SOCAT_EXEC_ADDRESSES,
  SOURCE_STDIN_FILES,
  TMUX_SHELL_COMMANDS,
  TMUX_TYPING_COMMANDS,
  TMUX_TYPING_VALUE_LETTERS,
  TRAP_FLAGS,
  TRAP_NO_SCRIPT_ACTIONS,
  type CommandEntry,
  type CommandHandler,
} from '../knowledge/commands.js';
import { dangerousEnv, DECLARATION_BUILTINS, isInertPrefixAssignment, subscriptEval } from '../knowledge/env.js';
import { execTool, SSH_EXEC_KEYWORDS, SSH_INERT_VALUES, type ExecOption, type ExecRun, type ExecTool } from '../knowledge/exec-options.js';
import {
  gitConfigRule,
  GIT_BOOLEAN_VALUES,
  GIT_CONFIG_SETTERS,
  GIT_CONFIG_VALUE_OPTIONS,
  GIT_GLOBAL_OPTIONS,
  GIT_INERT_PROGRAM_VALUES,
  GIT_OFF_VALUES,
  GIT_PROGRAM_OPTIONS,
  GIT_RUNNERS,
  type GitGlobalOption,
  type GitProgramOption,
} from '../knowledge/git.js';
import { interpreterSpec, type InterpreterSpec } from '../knowledge/interpreters.js';
import { own } from '../knowledge/lookup.js';
import { lookupProgram } from '../knowledge/program-names.js';
import { SHELL_END_OF_OPTIONS, SHELL_SCRIPT_LETTER, SHELL_STDIN_LETTER, shellSpec, wrapperSpec, type OptionSyntax, type ShellSpec, type WrapperSpec } from '../knowledge/wrappers.js';
import type { Segment, SegmentReason, SegmentWord } from '../types.js';
import { collectSegments, segmentWord, type ContextId, type SegmentInfo, type SegmentSink } from './segments.js';
import { partsValue } from './words.js';

/** Stable reason ids (design.md §5 `reasons`, §10). */
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
  'unknown-wrapper-option': 'a wrapper is given an option form escalint\'s tables do not know, so where its command starts is unknown',
  'exec-option': 'an option or configuration key of an ordinary tool runs a program',
  'remote-command': 'a command line is run on another host',
} as const;

export type ReasonId = keyof typeof REASONS;

/**
 * Context ids added by unwrapping, beyond those of the walk (segments.ts `CONTEXT_IDS`):
 * `remote` — parsed from a command line run on another host (`ssh host 'cmd'`).
 */
export const WRAPPER_CONTEXT_IDS = ['remote'] as const;
type WrapperContextId = (typeof WRAPPER_CONTEXT_IDS)[number];

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
/** `none`: a file, a closed input or nothing to read; `inherited` when it is whatever the command line was started with. */
type Stdin = { kind: 'text'; text: string; dynamic: boolean; start: number; end: number } | { kind: 'pipe' } | { kind: 'none'; inherited?: boolean };

/** Whether a program reader would read something from this input (not a file, not nothing). */
function hasInput(stdin: Stdin): boolean {
  return stdin.kind !== 'none' || stdin.inherited === true;
}

function addReason(seg: Segment, id: ReasonId, message: string): void {
  if (seg.reasons.some((r) => r.id === id && r.message === message)) return;
  seg.reasons.push({ id, message } satisfies SegmentReason);
}

const HEREDOC_OP = /^\d*<<-?$/;
const HERESTRING_OP = /^0?<<<$/;
const STDIN_OPS = /^0?(<|<>|<&)$/;

function stdinOf(info: SegmentInfo): Stdin {
  for (let k = info.command.redirects.length - 1; k >= 0; k--) {
    const r = info.command.redirects[k]!;
    if (r.heredoc && HEREDOC_OP.test(r.op) && !/^[1-9]/.test(r.op)) {
      const h = r.heredoc;
      const dynamic = !h.quoted && h.parts.some((p) => p.type !== 'lit');
      return { kind: 'text', text: h.quoted ? h.text : partsValue(h.parts), dynamic, start: h.start, end: h.end };
    }
    if (HERESTRING_OP.test(r.op)) {
      const dynamic = r.target.parts.some((p) => p.type !== 'lit' && p.type !== 'sgl' && p.type !== 'ansi' && !(p.type === 'dbl' && p.parts.every((q) => q.type === 'lit')));
      return { kind: 'text', text: partsValue(r.target.parts) + '\n', dynamic, start: r.target.start, end: r.target.end };
    }
    if (STDIN_OPS.test(r.op)) return { kind: 'none' };
  }
  return info.piped ? { kind: 'pipe' } : info.stdinNone ? { kind: 'none' } : { kind: 'none', inherited: true };
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

// ---- option tables, compiled once per table entry ----------------------------------------------

type Role = 'no-command' | 'script' | 'split' | 'exec' | 'args' | 'program' | 'replace' | 'language' | 'shell';

interface OptDef {
  spelling: string;
  /** 0: flag; 1: one value (attached or next word); 'optional': attached only; n > 1: n words. */
  takes: 0 | 1 | 'optional' | number;
  role?: Role;
}

interface Compiled {
  /** Whole words: long options, and multi-letter single-dash spellings (`-ws`, `-ex`). */
  words: Map<string, OptDef>;
  /** Letters of short clusters. */
  letters: Map<string, OptDef>;
  /** Long spellings, for getopt_long's unambiguous prefixes. */
  longNames: string[];
}

const compiledSpecs = new WeakMap<WrapperSpec, Compiled>();

function compileSpec(spec: WrapperSpec): Compiled {
  let c = compiledSpecs.get(spec);
  if (c) return c;
  c = { words: new Map(), letters: new Map(), longNames: [] };
  const add = (spelling: string, takes: OptDef['takes'], role?: Role) => {
    const prev = c!.words.get(spelling);
    const def: OptDef = { spelling, takes: prev && role && takes === 0 ? prev.takes : takes, role: role ?? prev?.role };
    c!.words.set(spelling, def);
    if (spelling.length === 2 && spelling[0] === '-' && spelling[1] !== '-') c!.letters.set(spelling[1]!, def);
  };
  for (const o of spec.flags ?? []) add(o, 0);
  for (const o of spec.valueOptions ?? []) add(o, 1);
  for (const o of spec.optionalValueOptions ?? []) add(o, 'optional');
  for (const [o, n] of Object.entries(spec.arity ?? {})) add(o, n);
  for (const o of spec.noCommandOptions ?? []) add(o, 0, 'no-command');
  for (const o of spec.scriptOptions ?? []) add(o, 1, 'script');
  for (const o of spec.splitOptions ?? []) add(o, 1, 'split');
  for (const o of spec.execOptions ?? []) add(o, 0, 'exec');
  for (const o of spec.argsOptions ?? []) add(o, 0, 'args');
  for (const o of spec.programOptions ?? []) add(o, 1, 'program');
  for (const o of spec.commandLanguageOptions ?? []) add(o, 1, 'language');
  for (const o of spec.replaceOptions ?? []) add(o, c.words.get(o)?.takes ?? 1, 'replace');
  if (Array.isArray(spec.shellWithoutCommand)) for (const o of spec.shellWithoutCommand) add(o, 0, 'shell');
  for (const k of c.words.keys()) if (k.startsWith('--') || (spec.syntax === 'long-only' && k.length > 2)) c.longNames.push(k);
  compiledSpecs.set(spec, c);
  return c;
}

interface ParsedOption {
  name: string;
  def: OptDef | undefined;
  /** The value words (one for `takes: 1`, none for flags and absent optional values). */
  values: SegmentWord[];
}

function isDigits(s: string, from = 0): boolean {
  if (s.length <= from) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The index of the first `=` of a long option word, or -1. */
function eqIndex(a: string): number {
  return a.indexOf('=');
}

function stripDashes(s: string): string {
  return s.startsWith('--') ? s.slice(2) : s.startsWith('-') ? s.slice(1) : s;
}

/** getopt_long(3): an unambiguous prefix of a long option names it. */
function longByPrefix(c: Compiled, name: string): OptDef | undefined {
  let found: OptDef | undefined;
  const bare = stripDashes(name);
  for (const l of c.longNames) {
    if (stripDashes(l).startsWith(bare)) {
      if (found && found.spelling !== l) {
        // Two options that are the same thing (`--preserve-env` listed twice) do not make it ambiguous.
        if (found.takes !== c.words.get(l)!.takes || found.role !== c.words.get(l)!.role) return undefined;
        continue;
      }
      found = c.words.get(l);
    }
  }
  return found;
}

// ---- small parsers of tools' own languages ------------------------------------------------------

interface Piece {
  value: string;
  start: number;
  end: number;
  dynamic?: boolean;
}

/**
 * Splits a value on blanks, single and double quotes grouping (no escapes): rsync's -e
 * (rsync(1) "--rsh"), Go's quoted.Split (go -exec, -toolexec), socat's EXEC: parameter.
 */
function splitWords(v: string): Piece[] {
  const out: Piece[] = [];
  let cur = '';
  let start = -1;
  let quote = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (start >= 0) out.push({ value: cur, start, end: i });
      cur = '';
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (ch === '"' || ch === "'") quote = ch;
    else cur += ch;
  }
  if (start >= 0) out.push({ value: cur, start, end: v.length });
  return out;
}

/**
 * `env -S STRING` split by env's own rules (coreutils env.c build_argv): blanks separate outside
 * quotes; `'…'` keeps everything but `\\` and `\'`; `"…"` and bare text decode `\"`, `\#`, `\$`,
 * `\'`, `\\`, `\f`, `\n`, `\r`, `\t`, `\v`; `\_` separates outside double quotes and is a space
 * inside; `\c` ends the string; `#` at the start of an argument starts a comment; `${NAME}` is
 * the variable's value (dynamic). Null when env refuses the string (it then runs nothing).
 */
function envSplit(s: string): Piece[] | null {
  const out: Piece[] = [];
  let cur: Piece | null = null;
  let sep = true;
  let dq = false;
  let sq = false;
  const startArg = (i: number) => {
    if (sep || !cur) {
      cur = { value: '', start: i, end: i };
      out.push(cur);
      sep = false;
    }
  };
  const push = (ch: string, i: number) => {
    startArg(i);
    cur!.value += ch;
    cur!.end = i + 1;
  };
  let i = 0;
  outer: while (i < s.length) {
    const ch = s[i]!;
    switch (ch) {
      case "'":
        if (dq) break;
        sq = !sq;
        startArg(i);
        cur!.end = i + 1;
        i++;
        continue;
      case '"':
        if (sq) break;
        dq = !dq;
        startArg(i);
        cur!.end = i + 1;
        i++;
        continue;
      case ' ':
      case '\t':
      case '\n':
      case '\v':
      case '\f':
      case '\r':
        if (sq || dq) break;
        sep = true;
        i++;
        continue;
      case '#':
        if (!sep) break;
        break outer;
      case '\\': {
        if (sq && s[i + 1] !== '\\' && s[i + 1] !== "'") break;
        const n = s[i + 1];
        if (n === undefined) return null;
        const simple: Record<string, string> = { '"': '"', '#': '#', $: '$', "'": "'", '\\': '\\', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
        if (n === '_') {
          if (!dq) {
            sep = true;
            i += 2;
            continue;
          }
          push(' ', i + 1);
          i += 2;
          continue;
        }
        if (n === 'c') {
          if (dq) return null;
          break outer;
        }
        const d = own(simple, n);
        if (d === undefined) return null;
        push(d, i + 1);
        i += 2;
        continue;
      }
      case '$': {
        if (sq) break;
        const close = s.indexOf('}', i);
        if (s[i + 1] !== '{' || close < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.slice(i + 2, close))) return null;
        startArg(i);
        cur!.value += s.slice(i, close + 1);
        cur!.end = close + 1;
        cur!.dynamic = true;
        i = close + 1;
        continue;
      }
    }
    push(ch, i);
    i++;
  }
  if (dq || sq) return null;
  return out;
}

/** A command found in a sed script by `e`: its text and offsets in the script, or null for `e` alone / `s///e`. */
interface SedExec {
  command: Piece | null;
}

/**
 * The `e` commands and `s///e` flags of a GNU sed script (GNU sed manual §3.2 "sed commands
 * summary", §3.3 "The s command"; sed/compile.c). Commands are separated by `;` or newlines;
 * `a`, `i`, `c`, `r`, `w`, `e` and labels take the rest of their line.
 */
function sedExecs(script: string): SedExec[] {
  const out: SedExec[] = [];
  const n = script.length;
  let i = 0;
  const skipBlank = () => {
    while (i < n && (script[i] === ' ' || script[i] === '\t')) i++;
  };
  const toEol = () => {
    const start = i;
    while (i < n && script[i] !== '\n') {
      if (script[i] === '\\' && i + 1 < n) i++;
      i++;
    }
    return { start, end: i };
  };
  const delimited = (d: string) => {
    // Reads up to an unescaped delimiter; returns false when the script ends first.
    while (i < n && script[i] !== d) {
      if (script[i] === '\\') i++;
      else if (script[i] === '\n' && d !== '\n') return false;
      i++;
    }
    if (i >= n) return false;
    i++;
    return true;
  };
  const address = () => {
    skipBlank();
    const c = script[i];
    if (c === undefined) return;
    if (c === '/') {
      i++;
      delimited('/');
      while (script[i] === 'I' || script[i] === 'M') i++;
    } else if (c === '\\' && i + 1 < n) {
      const d = script[i + 1]!;
      i += 2;
      delimited(d);
      while (script[i] === 'I' || script[i] === 'M') i++;
    } else if (c === '$') i++;
    else if (c === '+' || c === '~' || (c >= '0' && c <= '9')) {
      i++;
      while (i < n && script[i]! >= '0' && script[i]! <= '9') i++;
      if (script[i] === '~') {
        i++;
        while (i < n && script[i]! >= '0' && script[i]! <= '9') i++;
      }
    }
  };
  while (i < n) {
    const c0 = script[i]!;
    if (c0 === ' ' || c0 === '\t' || c0 === '\n' || c0 === ';' || c0 === '}' || c0 === '{') {
      i++;
      continue;
    }
    if (c0 === '#') {
      toEol();
      continue;
    }
    address();
    skipBlank();
    if (script[i] === ',') {
      i++;
      address();
    }
    skipBlank();
    while (script[i] === '!') {
      i++;
      skipBlank();
    }
    const cmd = script[i];
    if (cmd === undefined) break;
    i++;
    switch (cmd) {
      case '{':
      case '}':
        continue;
      case 'e': {
        skipBlank();
        const { start, end } = toEol();
        const text = script.slice(start, end);
        out.push({ command: text.trim() ? { value: text, start, end } : null });
        continue;
      }
      case 'a':
      case 'i':
      case 'c':
      case 'r':
      case 'R':
      case 'w':
      case 'W':
      case ':':
      case 'b':
      case 't':
      case 'T':
      case 'v':
      case 'q':
      case 'Q':
      case 'l':
      case 'L':
        // Labels and numbers end at `;` too; text and file names take the line.
        if ('btTvqQlL'.includes(cmd)) {
          while (i < n && script[i] !== ';' && script[i] !== '\n' && script[i] !== '}') i++;
        } else toEol();
        continue;
      case 's':
      case 'y': {
        const d = script[i];
        if (d === undefined || d === '\n' || d === '\\') return out;
        i++;
        if (!delimited(d) || !delimited(d)) return out;
        if (cmd === 'y') continue;
        // Flags: g, p, N, i, I, m, M, e, and w FILE (the rest of the line).
        while (i < n && script[i] !== ';' && script[i] !== '\n' && script[i] !== '}') {
          const f = script[i]!;
          if (f === 'e') out.push({ command: null });
          if (f === 'w') {
            toEol();
            break;
          }
          i++;
        }
        continue;
      }
      default:
        continue;
    }
  }
  return out;
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

/** `NAME=…` with a shell name (bash manual §3.4 "assignment"). */
function assignmentName(a: string): string | undefined {
  const eq = a.indexOf('=');
  if (eq <= 0) return undefined;
  let end = eq;
  if (a[eq - 1] === '+') end--;
  const c0 = a.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return undefined;
  for (let i = 1; i < end; i++) {
    const c = a.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 48 && c <= 57))) return undefined;
  }
  return a.slice(0, end);
}

export class SegmentAnalyzer {
  /** Bare assignments of hijacking variables seen so far (`PATH=/x; ls`), by source offset. */
  private readonly hijacks: { name: string; start: number; why: string }[] = [];
  /** Segments whose words get more words read from input at run time, by the wrapper that appends them (`xargs`). */
  private readonly appended = new WeakMap<Segment, string>();

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
        const a = w.assign;
        const why = dangerousEnv(name, a && !a.array ? partsValue(a.value) : undefined);
        if (why) this.hijacks.push({ name, start: w.start, why });
      },
    };
  }

  /**
   * After the walk: commands that run after a hijacking assignment in the same script. One reason
   * per command, naming the earliest such assignment before it: one is enough to keep it from
   * `allow`, and every one of them on every later command made a script of many assignments
   * quadratic (thousands of lines took minutes — a hook that times out fails open).
   */
  finish(segments: Segment[]): void {
    if (this.hijacks.length === 0) return;
    let first = this.hijacks[0]!;
    for (const h of this.hijacks) if (h.start < first.start) first = h;
    for (const seg of segments) {
      if (first.start < seg.start) addReason(seg, 'dangerous-env', `${first.name} is set earlier in the script: it ${first.why}`);
    }
  }

  private segment(seg: Segment, stdin: Stdin, out: SegmentSink, depth: number, assigns: SegmentWord[]): void {
    const words = seg.words;
    const head = words[0];
    if (!head) return;
    if (head.dynamic) addReason(seg, 'dynamic-command', `the command name "${head.value}" is only known at run time`);
    for (const a of assigns) {
      if (!head.dynamic && isInertPrefixAssignment(head.value, assignmentName(a.value) ?? '') && !this.mayDefineFunction(head.value)) continue;
      this.assignmentReason(seg, a.value, 'for this command');
    }
    if (head.dynamic) return;
    const name = head.value.includes('/') ? basename(head.value) : head.value;
    this.runtimeEval(seg, name);
    this.declarations(seg, name);

    const program = programEntry(name);
    if (!program) return;
    if (program.shell) {
      this.shell(seg, words, 1, name, program.shell, stdin, out, depth);
      return;
    }
    if (program.interpreter) this.interpreter(seg, name, program.interpreter, stdin);
    if (program.command) {
      this.handlers[program.command.handler](seg, name, out, depth, stdin);
      return;
    }
    if (program.tool) this.execOptions(seg, name, program.tool, out, depth);
    if (program.wrapper) this.wrapper(seg, words, 1, name, program.wrapper, out, depth, stdin);
  }

  /**
   * Whether the script may define a function named `name` (anywhere in its text, nested scripts
   * included): a prefix assignment then applies to the function's whole body, not to the builtin.
   */
  private mayDefineFunction(name: string): boolean {
    const source = this.options.source;
    let at = source.indexOf(name);
    while (at >= 0) {
      const before = at === 0 ? ' ' : source[at - 1]!;
      const after = source.slice(at + name.length, at + name.length + 64);
      if (/[\s;&|(){}'"`]/.test(before) && (/^\s*\(\s*\)/.test(after) || /\bfunction\s+$/.test(source.slice(Math.max(0, at - 16), at)))) return true;
      at = source.indexOf(name, at + name.length);
    }
    return false;
  }

  private assignmentReason(seg: Segment, text: string, where: string): void {
    const eq = text.indexOf('=');
    const name = eq > 0 ? (text[eq - 1] === '+' ? text.slice(0, eq - 1) : text.slice(0, eq)) : text;
    const bracket = name.indexOf('[');
    const bare = bracket > 0 ? name.slice(0, bracket) : name;
    const why = dangerousEnv(bare, eq > 0 ? text.slice(eq + 1) : undefined);
    if (why) addReason(seg, 'dangerous-env', `${bare} is set ${where}: it ${why}`);
  }

  /** The readers of the commands in knowledge/commands.ts, by handler name. */
  private readonly handlers = {
    find: (seg, _name, out, depth, stdin) => this.find(seg, out, depth, stdin),
    git: (seg, _name, out, depth, stdin) => this.git(seg, out, depth, stdin),
    trap: (seg, _name, out, depth) => this.trap(seg, out, depth),
    source: (seg, name) => this.source(seg, name),
    ssh: (seg, name, out, depth, stdin) => this.ssh(seg, name, out, depth, stdin),
    tmux: (seg, _name, out, depth) => this.tmux(seg, out, depth),
    socat: (seg, _name, out, depth) => this.socat(seg, out, depth),
    at: (seg, name, out, depth, stdin) => this.at(seg, name, out, depth, stdin),
    parallel: (seg, _name, out, depth, stdin) => this.parallel(seg, out, depth, stdin),
    gh: (seg, _name, out, depth) => this.gh(seg, out, depth),
  } satisfies Record<CommandHandler, (seg: Segment, name: string, out: SegmentSink, depth: number, stdin: Stdin) => void>;

  // ---- option reading ------------------------------------------------------------------------

  /**
   * Reads the option word at `words[i]` as `syntax` does; `next` is the index after it and its
   * values. An option escalint does not know has `def: undefined`.
   */
  private readOption(words: SegmentWord[], i: number, c: Compiled, syntax: OptionSyntax, numeric: boolean): { opts: ParsedOption[]; next: number } {
    const w = words[i]!;
    const a = w.value;
    const eq = eqIndex(a);
    const wholeName = eq > 0 && (a.startsWith('--') || syntax === 'long-only' || syntax === 'self-contained') ? a.slice(0, eq) : a;
    let def = c.words.get(wholeName);
    const isLong = a.startsWith('--') || syntax === 'long-only' || syntax === 'self-contained' || (def !== undefined && a.length > 2);
    if (syntax === 'self-contained') {
      const attached = eq > 0 ? this.subWord(w, eq + 1) : undefined;
      return { opts: [{ name: wholeName, def: def ?? { spelling: wholeName, takes: eq > 0 ? 1 : 0 }, values: attached ? [attached] : [] }], next: i + 1 };
    }
    if (isLong) {
      if (!def && syntax !== 'pflag' && syntax !== 'pflag-strict') {
        if (syntax === 'long-only') def = c.words.get(a.startsWith('--') ? wholeName.slice(1) : `-${wholeName}`) ?? longByPrefix(c, wholeName);
        else def = longByPrefix(c, wholeName);
        if (!def && syntax === 'long-only' && a.length === 2) def = c.letters.get(a[1]!);
      }
      if (!def) {
        if (numeric && isDigits(a, 1)) return { opts: [{ name: a, def: { spelling: a, takes: 0 }, values: [] }], next: i + 1 };
        if (!a.startsWith('--') && syntax !== 'long-only') return this.readCluster(words, i, c, syntax);
        return { opts: [{ name: wholeName, def: undefined, values: [] }], next: i + 1 };
      }
      const attached = eq > 0 && wholeName !== a ? this.subWord(w, eq + 1) : undefined;
      if (def.takes === 0) return { opts: [{ name: wholeName, def, values: [] }], next: i + 1 };
      if (def.takes === 'optional') return { opts: [{ name: wholeName, def, values: attached ? [attached] : [] }], next: i + 1 };
      if (def.takes === 1) {
        if (attached) return { opts: [{ name: wholeName, def, values: [attached] }], next: i + 1 };
        const v = words[i + 1];
        return { opts: [{ name: wholeName, def, values: v ? [v] : [] }], next: v ? i + 2 : i + 1 };
      }
      const n = def.takes as number;
      return { opts: [{ name: wholeName, def, values: words.slice(i + 1, i + 1 + n) }], next: Math.min(words.length, i + 1 + n) };
    }
    if (numeric && isDigits(a, 1)) return { opts: [{ name: a, def: { spelling: a, takes: 0 }, values: [] }], next: i + 1 };
    return this.readCluster(words, i, c, syntax);
  }

  /** A short cluster (`-iu root`, `-uroot`, `-rn1`), letter by letter as getopt(3) reads it. */
  private readCluster(words: SegmentWord[], i: number, c: Compiled, syntax: OptionSyntax): { opts: ParsedOption[]; next: number } {
    const w = words[i]!;
    const a = w.value;
    const opts: ParsedOption[] = [];
    for (let k = 1; k < a.length; k++) {
      const letter = a[k]!;
      const def = c.letters.get(letter);
      if (!def) {
        opts.push({ name: `-${letter}`, def: undefined, values: [] });
        return { opts, next: i + 1 };
      }
      if (def.takes === 0) {
        opts.push({ name: `-${letter}`, def, values: [] });
        continue;
      }
      let from = k + 1;
      // pflag: `-u=root`.
      if ((syntax === 'pflag' || syntax === 'pflag-strict') && a[from] === '=') from++;
      if (def.takes === 'optional') {
        opts.push({ name: `-${letter}`, def, values: from < a.length ? [this.subWord(w, from)] : [] });
        return { opts, next: i + 1 };
      }
      if (from < a.length) {
        opts.push({ name: `-${letter}`, def, values: [this.subWord(w, from)] });
        return { opts, next: i + 1 };
      }
      const n = def.takes === 1 ? 1 : (def.takes as number);
      opts.push({ name: `-${letter}`, def, values: words.slice(i + 1, i + 1 + n) });
      return { opts, next: Math.min(words.length, i + 1 + n) };
    }
    return { opts, next: i + 1 };
  }

  private unknownOption(seg: Segment, name: string, option: string): void {
    addReason(seg, 'unknown-wrapper-option', `${name}: the option "${option}" is not in escalint's table of ${name}'s options, so the command it runs is not known`);
  }

  // ---- wrappers ------------------------------------------------------------------------------

  private wrapper(seg: Segment, all: SegmentWord[], start: number, name: string, spec: WrapperSpec, out: SegmentSink, depth: number, stdin: Stdin): void {
    let words = all;
    const c = compileSpec(spec);
    const syntax = spec.syntax ?? 'getopt';
    const numeric = spec.numericOptions ?? false;
    const commands = spec.commands ?? (spec.subcommands ? subcommandTable(spec) : undefined);
    let i = start;

    if (commands) {
      // Global options, then the sub-command: `docker --context x exec`, `uv --directory d run`.
      for (; i < words.length; ) {
        const a = words[i]!.value;
        if (a === '--') return;
        if (!isOptionWord(a)) break;
        const r = this.readOption(words, i, c, syntax, numeric);
        if (r.opts.some((o) => !o.def)) {
          // Whether an unknown option takes a value decides where the sub-command is: only a
          // runner sub-command somewhere after it makes that matter.
          const bad = r.opts.find((o) => !o.def)!;
          if (words.slice(i + 1).some((x) => Object.keys(commands).some((k) => k.split(' ')[0] === x.value))) this.unknownOption(seg, name, bad.name);
          return;
        }
        if (r.opts.some((o) => o.def?.role === 'script')) {
          const o = r.opts.find((x) => x.def?.role === 'script')!;
          if (o.values[0]) this.script(seg, o.values[0], out, depth, `${name} ${o.name}`);
          return;
        }
        i = r.next;
      }
      const w1 = words[i]?.value;
      if (w1 === undefined) return;
      const two = words[i + 1] ? own(commands, `${w1} ${words[i + 1]!.value}`) : undefined;
      if (two) {
        this.wrapper(seg, words, i + 2, `${name} ${w1} ${words[i + 1]!.value}`, two, out, depth, stdin);
        return;
      }
      const one = own(commands, w1);
      if (one) this.wrapper(seg, words, i + 1, `${name} ${w1}`, one, out, depth, stdin);
      return;
    }

    const permute = syntax === 'permute' || syntax === 'pflag' || spec.operandsAreNotCommand === true;
    let direct = false;
    for (let k = 0; k < (spec.positionalsFirst ?? 0) && i < words.length; k++) i++;
    const operands: SegmentWord[] = [];
    const assigns: SegmentWord[] = [];
    let exec = false;
    let shellMode = false;
    let replace: string | undefined;
    let program: SegmentWord | undefined;
    let afterDashDash: SegmentWord[] = [];
    for (; i < words.length; ) {
      const w = words[i]!;
      const a = w.value;
      if (a === '--') {
        afterDashDash = words.slice(i + 1);
        i = words.length;
        break;
      }
      if (spec.assignments === 'interleaved' && a.includes('=') && !a.startsWith('/') && !a.startsWith('=') && !a.startsWith('-')) {
        assigns.push(w);
        i++;
        continue;
      }
      if (isOptionWord(a) || (a === '-' && c.words.has('-') && !spec.dashOperand)) {
        const r = this.readOption(words, i, c, syntax, numeric);
        for (const o of r.opts) {
          if (!o.def) {
            this.unknownOption(seg, name, o.name);
            return;
          }
          if (spec.directCommandOptions?.includes(o.name)) direct = true;
          const value = o.values[0];
          switch (o.def.role) {
            case 'no-command':
              return;
            case 'script':
              if (value) this.script(seg, value, out, depth, `${name} ${o.name}`);
              return;
            case 'split': {
              if (!value) return;
              const pieces = envSplit(value.value);
              if (!pieces) return;
              const split = this.pieceWords(value, 0, pieces);
              if (value.dynamic) for (const p of split) p.dynamic = true;
              // The split words replace the option and are read again (env.c parse_split_string).
              words = [...words.slice(0, i), ...split, ...words.slice(r.next)];
              continue;
            }
            case 'exec':
              exec = true;
              break;
            case 'args':
              afterDashDash = words.slice(r.next);
              i = words.length;
              break;
            case 'program':
              program = value;
              break;
            case 'replace':
              replace = value?.value ?? '{}';
              break;
            case 'language':
              this.commandLanguage(seg, name, o.name, value, out, depth);
              if (spec.shellWithoutCommand === true && name === 'screen') return;
              break;
            case 'shell':
              shellMode = true;
              break;
          }
        }
        if (r.opts.some((o) => o.def?.role === 'split')) continue;
        if (i < words.length) i = r.next;
        continue;
      }
      if (spec.dashOperand && a === '-') {
        i++;
        continue;
      }
      if (permute) {
        operands.push(w);
        i++;
        continue;
      }
      break;
    }
    let rest: SegmentWord[] = spec.operandsAreNotCommand ? afterDashDash : permute ? [...operands, ...afterDashDash] : [...words.slice(i), ...afterDashDash];
    // Leading positionals (`timeout DURATION`, `flock FILE`, `chrt [PRIORITY]`).
    let positionals = direct || spec.operandsAreNotCommand ? 0 : (spec.positionals ?? 0);
    while (positionals > 0 && rest.length > 0) {
      if (spec.positionalPattern === 'digits' && !isDigits(rest[0]!.value)) break;
      if ((spec.assignments === 'after-options' || spec.assignments === true) && rest[0]!.value.includes('=')) break;
      rest = rest.slice(1);
      positionals--;
    }
    if (spec.scriptAfterPositionals && rest[0] && spec.scriptAfterPositionals.includes(rest[0].value)) {
      if (rest[1]) this.script(seg, rest[1], out, depth, `${name} ${rest[0].value}`);
      return;
    }
    if (rest[0]?.value === '--' && ((spec.positionals ?? 0) > 0 || spec.dashDashAfterPositionals)) rest = rest.slice(1);
    // `env`: every word with `=` before the command is an assignment (env.c: strchr '=').
    if (spec.assignments === 'after-options' || spec.assignments === true) {
      while (rest.length > 0 && rest[0]!.value.indexOf('=') > 0) assigns.push(rest.shift()!);
    }
    if (spec.operandsToShell && !direct) {
      // `su USER [ARGS…]`: the arguments go to the user's shell (`su root -- -c CMD`).
      if (rest.length > 0) {
        const bash = shellSpec('sh')!;
        this.shell(seg, rest, 0, `${name}'s shell`, bash, stdin, out, depth);
      } else if (spec.shellWithoutCommand) this.shellReadsStdin(seg, `${name}'s shell`, stdin, out, depth);
      return;
    }
    if (program) rest = [program, ...rest];
    if (rest.length === 0) {
      const from = this.appended.get(seg);
      if (from !== undefined) addReason(seg, 'dynamic-command', `${name} runs the command ${from} reads from its input at run time`);
      if (spec.shellWithoutCommand === true || shellMode) this.shellReadsStdin(seg, `${name}'s shell`, stdin, out, depth);
      return;
    }
    if (spec.kind === 'each-script') {
      for (const w of rest) this.script(seg, w, out, depth, name);
      return;
    }
    if (spec.kind === 'joined-script' && !exec) {
      if (spec.reexpands) {
        // Even a literal eval re-reads its text with a second round of expansions (bash manual §4.1).
        addReason(seg, 'eval', `${name} runs "${oneLine(all.map((w) => w.value).join(' '))}" as a script after expanding it again`);
      }
      this.joined(seg, rest, out, depth, name, spec.reexpands ?? false);
      return;
    }
    if (replace !== undefined && replace !== '') {
      // `xargs -I R`: R in the command's words is replaced by input at run time.
      const r = replace;
      rest = rest.map((w) => (w.value.includes(r) ? { ...w, dynamic: true } : w));
    }
    const appended = this.appended.get(seg) ?? (spec.appendsInput === true && replace === undefined ? name : undefined);
    this.wrapped(seg, rest, assigns, out, depth, stdin, appended);
  }

  /** A wrapper's value in its own command language (`gdb -ex CMD`, `screen -X CMD`). */
  private commandLanguage(seg: Segment, name: string, option: string, value: SegmentWord | undefined, out: SegmentSink, depth: number): void {
    if (!value) return;
    addReason(seg, 'exec-option', `${name} ${option} runs "${oneLine(value.value)}" in ${name}'s own command language, which can run programs`);
    // gdb's `shell CMD` and `!CMD` run CMD through the shell.
    const v = value.value;
    const m = /^\s*(?:shell\s+|!)/.exec(v);
    if (m && name.startsWith('gdb')) this.script(seg, value, out, depth, `${name} ${option}`, m[0].length);
  }

  /** The part of a word's value from index `from`, with offsets into the source. */
  private subWord(w: SegmentWord, from: number, to = w.value.length): SegmentWord {
    const map = valueMap(this.options.source, w, from);
    const end = to >= w.value.length ? w.end : Math.max(map[0]!, map[Math.max(0, to - from - 1)]! + 1);
    return { value: w.value.slice(from, to), dynamic: w.dynamic, start: map[0]!, end };
  }

  /** Words cut from a word's value (offsets of `pieces` relative to index `from` of the value). */
  private pieceWords(w: SegmentWord, from: number, pieces: Piece[]): SegmentWord[] {
    const map = valueMap(this.options.source, w, from);
    const at = (k: number) => map[Math.max(0, Math.min(k, map.length - 1))]!;
    return pieces.map((p) => ({
      value: p.value,
      dynamic: w.dynamic || (p.dynamic ?? false),
      start: at(p.start),
      end: Math.max(at(p.start), at(p.end - 1) + 1),
    }));
  }

  /** A wrapped command: a segment of its own, analysed in turn. */
  /**
   * `appended`: the wrapper (`xargs`) that appends words read from input to these words at run
   * time; the new segment, and those its words wrap in turn, remember it.
   */
  private wrapped(parent: Segment, words: SegmentWord[], assigns: SegmentWord[], out: SegmentSink, depth: number, stdin: Stdin, appended = this.appended.get(parent)): void {
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
    if (appended !== undefined) this.appended.set(seg, appended);
    if (depth + 1 > this.options.maxDepth) {
      addReason(seg, 'too-deep', `wrappers nest deeper than ${this.options.maxDepth} levels`);
      return;
    }
    this.segment(seg, stdin, out, depth + 1, assigns);
  }

  /**
   * Arguments joined by spaces and run as a script (`eval`, `watch`, `ssh host cmd…`); `reexpands`
   * when the text is expanded again first (`eval`).
   */
  private joined(seg: Segment, words: SegmentWord[], out: SegmentSink, depth: number, what: string, reexpands: boolean, kind?: WrapperContextId): void {
    if (words.some((w) => w.dynamic)) {
      addReason(seg, reexpands ? 'eval' : 'dynamic-script', `${what} runs a script only known at run time: "${words.map((w) => w.value).join(' ')}"`);
      if (words.some((w) => hasSubstitution(w.value))) return;
    }
    const { text, map } = joinedMap(this.options.source, words);
    this.reparse(seg, text, map, out, depth, kind ?? (reexpands ? 'eval-string' : 'shell-string'));
  }

  /** One word that is a shell script (`bash -c`, `su -c`, git's program options). */
  private script(seg: Segment, w: SegmentWord, out: SegmentSink, depth: number, what: string, from = 0, kind: ContextId | WrapperContextId = 'shell-string', to = w.value.length): void {
    const text = w.value.slice(from, to);
    if (w.dynamic) {
      addReason(seg, 'dynamic-script', `${what} runs a script only known at run time: "${text}"`);
      // The text of a command substitution is not what the shell receives: do not parse it as the script.
      if (hasSubstitution(text)) return;
    }
    const map = valueMap(this.options.source, w, from);
    this.reparse(seg, text, map, out, depth, kind);
  }

  /** Parses a derived script and adds its segments, mapped back to source offsets. */
  private reparse(seg: Segment, text: string, map: Int32Array, out: SegmentSink, depth: number, kind: ContextId | WrapperContextId): void {
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

  /** A shell's command line, read by its own rules (bash shell.c parse_shell_options). */
  private shell(seg: Segment, words: SegmentWord[], start: number, name: string, spec: ShellSpec, stdin: Stdin, out: SegmentSink, depth: number): void {
    let i = start;
    let cFlag = false;
    let readsStdin = false;
    const foreign = (what: string) => {
      if (spec.syntax === 'foreign') addReason(seg, 'inline-code', `${name} runs a ${name} script given ${what}; escalint reads it as shell syntax, which it is not`);
    };
    for (; i < words.length; ) {
      const w = words[i]!;
      const a = w.value;
      if (SHELL_END_OF_OPTIONS.includes(a)) {
        i++;
        break;
      }
      if (spec.infoOptions?.includes(a)) return; // `bash --version`: prints and exits
      const long = a.startsWith('--') || (spec.longFlags?.includes(a) ?? false) || (spec.longValues?.includes(a) ?? false);
      if (long) {
        const eq = a.indexOf('=');
        const opt = eq > 0 ? a.slice(0, eq) : a;
        const value = eq > 0 ? this.subWord(w, eq + 1) : words[i + 1];
        const next = eq > 0 ? i + 1 : i + 2;
        if (spec.scriptLongOptions?.includes(opt) || spec.initOptions?.includes(opt)) {
          if (value) {
            foreign(`to ${opt}`);
            this.script(seg, value, out, depth, `${name} ${opt}`);
          }
          if (spec.scriptLongOptions?.includes(opt)) cFlag = false;
          i = next;
          if (spec.scriptLongOptions?.includes(opt)) return;
          continue;
        }
        if (spec.longValues?.includes(opt)) {
          i = next;
          continue;
        }
        if (spec.longFlags?.includes(opt) || spec.anyLongFlag) {
          i++;
          continue;
        }
        this.unknownOption(seg, name, opt);
        return;
      }
      const sign = a[0];
      if (a.length > 1 && (sign === '-' || (sign === '+' && spec.plus))) {
        let consumed = 0;
        for (let k = 1; k < a.length; k++) {
          const l = a[k]!;
          if (l === SHELL_SCRIPT_LETTER && spec.flags.includes(l)) cFlag = true;
          else if (l === SHELL_STDIN_LETTER && spec.flags.includes(l)) readsStdin = true;
          else if (spec.valueLetters.includes(l)) consumed++;
          else if (spec.initLetters?.includes(l)) {
            const v = words[i + 1 + consumed];
            consumed++;
            if (v) {
              foreign(`to -${l}`);
              this.script(seg, v, out, depth, `${name} -${l}`);
            }
          } else if (!spec.flags.includes(l)) {
            this.unknownOption(seg, name, `${sign}${l}`);
            return;
          }
        }
        i += 1 + consumed;
        continue;
      }
      break;
    }
    if (cFlag) {
      const script = words[i];
      if (!script) {
        const from = this.appended.get(seg);
        if (from !== undefined) addReason(seg, 'dynamic-script', `${name} -c runs the script ${from} reads from its input at run time`);
        return;
      }
      foreign('to -c');
      this.script(seg, script, out, depth, `${name} -c`);
      return;
    }
    if (i < words.length && !readsStdin) return; // runs a script file
    this.shellReadsStdin(seg, name, stdin, out, depth);
  }

  /** A shell that reads its script from standard input: a heredoc is parsed, anything else reported. */
  private shellReadsStdin(seg: Segment, name: string, stdin: Stdin, out: SegmentSink, depth: number, kind: ContextId | WrapperContextId = 'heredoc'): void {
    if (stdin.kind === 'text') {
      // A shell fed a heredoc or here-string runs its text: parse it as the script.
      if (stdin.dynamic) addReason(seg, 'dynamic-script', `${name} reads a script from a heredoc or here-string with expansions`);
      const map = new Int32Array(stdin.text.length + 1);
      for (let k = 0; k <= stdin.text.length; k++) map[k] = Math.min(stdin.start + k, Math.max(stdin.start, stdin.end - 1));
      this.reparse(seg, stdin.text, map, out, depth, kind);
      return;
    }
    this.stdinProgram(seg, name, stdin);
  }

  /** A shell or interpreter that reads a program escalint cannot see from standard input. */
  private stdinProgram(seg: Segment, name: string, stdin: Stdin): void {
    const where = stdin.kind === 'pipe' ? 'from a pipe' : stdin.kind === 'text' ? 'from a heredoc or here-string' : stdin.inherited ? 'from the standard input it inherits' : 'from standard input';
    addReason(seg, 'stdin-script', `${name} reads its program ${where}; escalint cannot see what it runs`);
  }

  private interpreter(seg: Segment, name: string, spec: InterpreterSpec, stdin: Stdin): void {
    const words = seg.words;
    let programSeen = false;
    let operands = 0;
    const code = (what: string, text?: string) => {
      if (spec.programArgument && text !== undefined) {
        if (spec.programArgument.test(text)) addReason(seg, 'inline-code', `${name} runs the program text "${oneLine(text)}", which can run commands`);
        return;
      }
      addReason(seg, 'inline-code', `${name} ${what} runs code given on the command line`);
    };
    const matches = (list: readonly string[] | undefined, opt: string): boolean => {
      if (!list) return false;
      if (list.includes(opt)) return true;
      if (!spec.caseInsensitivePrefixes) return false;
      const low = opt.toLowerCase();
      return low.length > 1 && list.some((o) => o.toLowerCase().startsWith(low) || o.toLowerCase() === low);
    };
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      const a = w.value;
      if (a === '--') {
        // `awk -- 'PROGRAM'`: the program follows (POSIX awk "OPTIONS").
        const next = words[i + 1];
        if (spec.programArgument && !programSeen && next) code('program', next.value);
        else if (spec.dashIsStdin && next === undefined && spec.stdinProgram && hasInput(stdin)) this.stdinProgram(seg, name, stdin);
        return;
      }
      if (operands === 0 && i === 1 && spec.codeSubcommands?.includes(a)) {
        code(a);
        return;
      }
      if (a === '-' && spec.dashIsStdin) {
        this.stdinProgram(seg, name, stdin);
        return;
      }
      const isOpt = a.length > 1 && (a[0] === '-' || (name.toLowerCase().startsWith('cmd') && a[0] === '/'));
      if (isOpt && spec.infoOptions?.includes(a)) return; // `python3 --version`: prints and exits
      if (!isOpt) {
        if (spec.firstOperandIsCode) {
          code('(its first operand)');
          return;
        }
        if (spec.codeOperand) {
          // sqlite3 DB SQL…: every operand after the database.
          for (let k = i + 1; k < words.length; k++) if (spec.codeOperand.test(words[k]!.value)) code('(a dot-command operand)');
          return;
        }
        if (spec.programArgument && !programSeen) code('program', a);
        return; // a script file
      }
      const eq = a.indexOf('=');
      const whole = eq > 0 ? a.slice(0, eq) : a;
      // Whole-word options first (`--eval`, `-pe`, `-Command`, `/c`).
      if (matches(spec.codeOptions, whole) || (name.toLowerCase().startsWith('cmd') && /^\/[ckr]/i.test(a))) {
        const value = eq > 0 ? a.slice(eq + 1) : words[i + 1]?.value;
        if (spec.programArgument) code(whole, value);
        else code(whole);
        if (!spec.programArgument) return;
        programSeen = true;
        i += eq > 0 ? 0 : 1;
        continue;
      }
      if (matches(spec.moduleOptions, whole)) return; // runs a module, not inline code
      if (matches(spec.programFileOptions, whole)) {
        programSeen = true;
        if (eq < 0) i++;
        continue;
      }
      if (matches(spec.valueOptions, whole)) {
        if (eq < 0) i++;
        continue;
      }
      if (spec.short && a[1] !== '-' && !(spec.caseInsensitivePrefixes ?? false)) {
        // A short cluster, letter by letter (`perl -lne CODE`, `python3 -Ic CODE`, `perl -i.bak`).
        const s = spec.short;
        let consumedNext = false;
        let stop = false;
        for (let k = 1; k < a.length && !stop; k++) {
          const l = a[k]!;
          const rest = a.slice(k + 1);
          if (s.code?.includes(l)) {
            const value = rest.length > 0 ? rest : words[i + 1]?.value;
            if (spec.programArgument) {
              code(`-${l}`, value);
              programSeen = true;
              consumedNext = rest.length === 0;
              stop = true;
              continue;
            }
            code(`-${l}`);
            return;
          }
          if (s.module?.includes(l)) return;
          if (s.file?.includes(l)) {
            programSeen = true;
            consumedNext = rest.length === 0;
            stop = true;
          } else if (s.value?.includes(l)) {
            consumedNext = rest.length === 0;
            stop = true;
          } else if (s.rest?.includes(l)) {
            stop = true;
          } else if (s.digits?.includes(l)) {
            while (k + 1 < a.length && a.charCodeAt(k + 1) >= 48 && a.charCodeAt(k + 1) <= 57) k++;
          }
        }
        if (consumedNext) i++;
        continue;
      }
      if (!spec.short && a[1] !== '-' && a.length > 2 && !spec.caseInsensitivePrefixes) {
        // `-cCODE`, `-eCODE`: a one-letter code option with its value attached.
        const letter = spec.codeOptions.find((o) => o.length === 2 && a.startsWith(o));
        if (letter) {
          code(letter);
          return;
        }
      }
      // An option escalint does not list: it may take the next word as its value, so a program
      // or code option after it is still looked for.
    }
    // Without a program it reads one from standard input: a pipe, a heredoc, or the input it inherits
    // (design.md §10), which the command line does not show.
    if (spec.stdinProgram && hasInput(stdin) && !programSeen) {
      this.stdinProgram(seg, name, stdin);
    }
  }

  // ---- options of ordinary tools -------------------------------------------------------------

  /** Options of ordinary tools that run programs (knowledge/exec-options.ts). */
  private execOptions(seg: Segment, name: string, tool: ExecTool, out: SegmentSink, depth: number): void {
    const words = seg.words;
    const syntax = tool.syntax ?? 'getopt';
    let sub: string | undefined;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      const a = w.value;
      if (a === '--' && !findExecOption(tool, '--')) break;
      if (tool.handler === 'vim' && a.startsWith('+')) {
        this.vimCommand(seg, name, '+', w, 1, out, depth);
        continue;
      }
      if (tool.handler === 'less' && a.startsWith('+')) {
        this.lessCommand(seg, name, w, out, depth);
        continue;
      }
      if (a.length < 2 || a[0] !== '-') {
        if (sub === undefined) sub = a;
        if (tool.handler === 'make') this.makeArgument(seg, name, w, out, depth);
        continue;
      }
      const eq = a.indexOf('=');
      const whole = eq > 0 ? a.slice(0, eq) : a;
      if (tool.handler === 'vim' && (whole === '-c' || whole === '--cmd')) {
        const value = words[++i];
        if (value) this.vimCommand(seg, name, whole, value, 0, out, depth);
        continue;
      }
      // Whole words first (`--rsh`, `-TT`, go's `-exec`).
      let hit = findExecOption(tool, syntax === 'go' && whole.startsWith('--') ? whole.slice(1) : whole);
      if (!hit && whole.startsWith('--') && whole.length >= 5 && syntax === 'getopt') hit = findExecOptionByPrefix(tool, whole);
      if (hit) {
        if (hit.subcommands && (sub === undefined || !hit.subcommands.includes(sub))) {
          if (eq < 0 && !hit.optional) i++;
          continue;
        }
        if (hit.runs === 'rest') {
          i = this.execRest(seg, name, whole, hit, words, i + 1, out, depth);
          continue;
        }
        const attached = eq > 0 ? this.subWord(w, eq + 1) : undefined;
        const value = attached ?? (hit.optional ? undefined : words[i + 1]);
        if (!attached && !hit.optional) i++;
        this.execValue(seg, name, whole, hit, value, out, depth);
        if (tool.handler === 'cargo' && value) this.cargoConfig(seg, name, value, out, depth);
        continue;
      }
      if (tool.handler === 'ssh-config' && (whole === '-o' || (a.startsWith('-o') && a.length > 2 && !a.startsWith('--')))) {
        const value = a.length > 2 ? this.subWord(w, 2) : words[++i];
        if (value) this.sshConfig(seg, name, value, out, depth);
        continue;
      }
      if (tool.handler === 'make' && (whole === '-E' || whole === '--eval')) {
        const value = eq > 0 ? this.subWord(w, eq + 1) : words[++i];
        if (value) addReason(seg, 'exec-option', `${name} ${whole} evaluates "${oneLine(value.value)}" as makefile text, which can run commands`);
        continue;
      }
      if (tool.handler === 'sed' && (whole === '--sandbox')) return; // sed --sandbox refuses e, r and w
      if (tool.valueOptions?.includes(whole)) {
        if (eq < 0) i++;
        continue;
      }
      if (whole.startsWith('--') || syntax !== 'getopt') continue;
      // A short cluster: letters up to the first that takes a value (`tar -cI zstd`, `sed -ne CMD`).
      for (let k = 1; k < a.length; k++) {
        const l = a[k]!;
        const opt = findExecOption(tool, `-${l}`);
        const rest = a.length > k + 1 ? this.subWord(w, k + 1) : undefined;
        if (opt && !(opt.subcommands && (sub === undefined || !opt.subcommands.includes(sub)))) {
          if (opt.runs === 'rest') {
            i = this.execRest(seg, name, `-${l}`, opt, words, i + 1, out, depth);
            break;
          }
          const value = rest ?? (opt.optional ? undefined : words[i + 1]);
          if (!rest && !opt.optional) i++;
          this.execValue(seg, name, `-${l}`, opt, value, out, depth);
          break;
        }
        if (tool.handler === 'ssh-config' && l === 'o') {
          const value = rest ?? words[++i];
          if (value) this.sshConfig(seg, name, value, out, depth);
          break;
        }
        if (tool.handler === 'sed' && (l === 'e' || l === 'i' || l === 'f' || l === 'l' || l === 's' || l === 'E')) {
          if (l === 'e') {
            const value = rest ?? words[++i];
            if (value) this.sedScript(seg, name, value, out, depth);
            sub = sub ?? '-e';
            break;
          }
          if (l === 'i') break; // -i[SUFFIX]: the rest of the word is the suffix (`-ie` is -i with suffix e)
          if (l === 'f' || l === 'l') {
            if (!rest) i++;
            if (l === 'f') sub = sub ?? '-f';
            break;
          }
          continue;
        }
        if (tool.valueLetters?.includes(l)) {
          if (!rest) i++;
          break;
        }
      }
    }
    if (tool.handler === 'sed') {
      // Without -e/-f the first operand is the script.
      if (words.slice(1).some((w) => w.value === '--expression' || w.value.startsWith('--expression=') || w.value.startsWith('--file') || isSedScriptCluster(w.value))) {
        for (let k = 1; k < words.length; k++) {
          const a = words[k]!.value;
          if (a === '--expression' && words[k + 1]) this.sedScript(seg, name, words[k + 1]!, out, depth);
          else if (a.startsWith('--expression=')) this.sedScript(seg, name, this.subWord(words[k]!, 13), out, depth);
        }
        return;
      }
      const first = firstSedOperand(words);
      if (first) this.sedScript(seg, name, first, out, depth);
    }
    if (tool.handler === 'npm') this.npmDefinitions(seg, name, out, depth);
  }

  /** `xterm -e cmd args`, `fd -x cmd args \;`: the words after the option are the command; returns the index of its last word. */
  private execRest(seg: Segment, name: string, option: string, opt: ExecOption, words: SegmentWord[], from: number, out: SegmentSink, depth: number): number {
    let end = from;
    while (end < words.length && words[end]!.value !== opt.terminator) end++;
    const p = opt.placeholder;
    const command = words.slice(from, end).map((w) => (p && w.value.includes(p) ? { ...w, dynamic: true } : w));
    this.execValue(seg, name, option, opt, undefined, out, depth, command);
    return end;
  }

  /** Reports an exec option and makes its literal program a segment. */
  private execValue(seg: Segment, name: string, option: string, opt: ExecOption, value: SegmentWord | undefined, out: SegmentSink, depth: number, rest?: SegmentWord[]): void {
    const shown = value ? ` "${oneLine(value.value)}"` : '';
    addReason(seg, 'exec-option', `${name} ${option}${shown} runs a program: ${opt.reason}`);
    this.runValue(seg, `${name} ${option}`, opt.runs, value, out, depth, rest, opt.placeholder);
  }

  /** Runs a value as `runs` says: a script, words, one program, a remote command line. */
  private runValue(seg: Segment, what: string, runs: ExecRun, value: SegmentWord | undefined, out: SegmentSink, depth: number, rest?: SegmentWord[], placeholder?: string, from = 0): void {
    if (runs === 'rest') {
      if (rest && rest.length > 0) this.wrapped(seg, rest, [], out, depth, { kind: 'none' });
      return;
    }
    if (!value || runs === 'opaque') return;
    const v = placeholder && value.value.includes(placeholder) ? { ...value, dynamic: true } : value;
    if (runs === 'shell') this.script(seg, v, out, depth, what, from);
    else if (runs === 'remote') {
      addReason(seg, 'remote-command', `${what} runs "${oneLine(value.value.slice(from))}" on the remote host`);
      this.script(seg, v, out, depth, what, from, 'remote');
    } else if (runs === 'program') {
      const w = from > 0 ? this.subWord(v, from) : v;
      if (w.value) this.wrapped(seg, [w], [], out, depth, { kind: 'none' });
    } else {
      const pieces = splitWords(v.value.slice(from));
      const ws = this.pieceWords(v, from, pieces);
      if (ws.length > 0) this.wrapped(seg, ws, [], out, depth, { kind: 'none' });
    }
  }

  /** `ssh -o Key=Value` (also `Key Value`): keywords that run commands (ssh_config(5)). */
  private sshConfig(seg: Segment, name: string, w: SegmentWord, out: SegmentSink, depth: number): void {
    const v = w.value;
    let k = 0;
    while (k < v.length && v[k] !== '=' && v[k] !== ' ' && v[k] !== '\t') k++;
    const key = v.slice(0, k).toLowerCase();
    let from = k;
    while (from < v.length && (v[from] === ' ' || v[from] === '\t')) from++;
    if (v[from] === '=') from++;
    while (from < v.length && (v[from] === ' ' || v[from] === '\t')) from++;
    const entry = own(SSH_EXEC_KEYWORDS, key);
    if (!entry) return;
    const value = v.slice(from);
    if (own(SSH_INERT_VALUES, value.toLowerCase()) !== undefined) return;
    addReason(seg, 'exec-option', `${name} -o ${v.slice(0, k)} runs a program: ${entry.reason}`);
    if (entry.runs === 'shell') this.script(seg, w, out, depth, `${name} -o ${v.slice(0, k)}`, from);
  }

  /** A sed script: `e COMMAND` runs COMMAND through the shell; `e` alone and `s///e` run the pattern space. */
  private sedScript(seg: Segment, name: string, w: SegmentWord, out: SegmentSink, depth: number): void {
    for (const e of sedExecs(w.value)) {
      if (e.command) {
        addReason(seg, 'exec-option', `${name}'s e command runs "${oneLine(e.command.value)}" through the shell`);
        this.script(seg, w, out, depth, `${name} e`, e.command.start, 'shell-string', e.command.end);
      } else {
        addReason(seg, 'exec-option', `${name} runs text of its input as a shell command (the e command or the e flag of s)`);
      }
    }
  }

  /** vim's `-c CMD`, `--cmd CMD`, `+CMD`: Ex commands; `:!cmd` runs the shell. Line numbers and searches run nothing. */
  private vimCommand(seg: Segment, name: string, option: string, w: SegmentWord, from: number, out: SegmentSink, depth: number): void {
    const v = w.value.slice(from);
    let k = 0;
    while (k < v.length && (v[k] === ':' || v[k] === ' ')) k++;
    const body = v.slice(k);
    if (body === '' || isDigits(body) || body === '$' || body[0] === '/' || body[0] === '?') return;
    const entry = findExecOption(execTool('vim')!, option === '+' ? '-c' : option);
    addReason(seg, 'exec-option', `${name} ${option} runs the Ex command "${oneLine(v)}": ${entry?.reason ?? 'Ex commands can run programs'}`);
    if (body[0] === '!') this.script(seg, w, out, depth, `${name} ${option}`, from + k + 1);
  }

  /** less `+CMD`: an initial command; `!cmd` runs the shell, `|` pipes, `v` runs the editor. */
  private lessCommand(seg: Segment, name: string, w: SegmentWord, out: SegmentSink, depth: number): void {
    const v = w.value;
    let k = 0;
    while (v[k] === '+') k++;
    const body = v.slice(k);
    if (!body.includes('!') && !body.includes('|') && body[0] !== 'v' && body[0] !== 's' && body[0] !== 'E') return;
    addReason(seg, 'exec-option', `${name} ${v.slice(0, k)}${oneLine(body)} runs a less command that can run programs`);
    if (body[0] === '!') this.script(seg, w, out, depth, `${name} +!`, k + 1);
  }

  /** make `NAME=value` arguments: `!=` runs a shell command; SHELL and program variables decide what recipes run. */
  private makeArgument(seg: Segment, name: string, w: SegmentWord, out: SegmentSink, depth: number): void {
    const a = w.value;
    const eq = a.indexOf('=');
    if (eq <= 0) return;
    let end = eq;
    while (end > 0 && ':+?!'.includes(a[end - 1]!)) end--;
    const v = a.slice(0, end).trim();
    if (a[eq - 1] === '!') {
      addReason(seg, 'exec-option', `${name} ${v}!= runs its value through the shell when the makefile is read`);
      this.script(seg, w, out, depth, `${name} ${v}!=`, eq + 1);
      return;
    }
    if (v === 'SHELL' || v === 'MAKESHELL' || v === '.SHELLFLAGS') {
      addReason(seg, 'exec-option', `${name} ${v}= sets the shell every recipe runs with`);
      return;
    }
    const why = dangerousEnv(v, a.slice(eq + 1));
    if (why) addReason(seg, 'exec-option', `${name} ${v}= overrides a variable the makefile's recipes use: it ${why}`);
  }

  /** cargo --config KEY=VALUE: keys that name programs (The Cargo Book "Configuration"). */
  private cargoConfig(seg: Segment, name: string, w: SegmentWord, out: SegmentSink, depth: number): void {
    const v = w.value;
    const eq = v.indexOf('=');
    if (eq < 0) return; // a configuration file: already reported as opaque
    const key = v.slice(0, eq).replace(/["'\s]/g, '');
    const last = key.slice(key.lastIndexOf('.') + 1);
    const value = v.slice(eq + 1).trim();
    if (!['runner', 'linker', 'rustc', 'rustc-wrapper', 'rustc-workspace-wrapper', 'rustdoc', 'credential-provider', 'browser'].includes(last)) return;
    // A TOML basic string without escapes: its words are the program and its arguments.
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"') && !value.slice(1, -1).includes('"') && !value.includes('\\')) {
      const start = v.indexOf('"', eq) + 1;
      const inner: SegmentWord = this.subWord(w, start, v.lastIndexOf('"'));
      this.runValue(seg, `${name} --config ${key}`, 'words', inner, out, depth);
    }
  }

  /** `npm config set KEY VALUE`, `npm pkg set scripts.X=CMD`, `npm set-script X CMD`: commands defined for later. */
  private npmDefinitions(seg: Segment, name: string, out: SegmentSink, depth: number): void {
    const ops = seg.words.slice(1).filter((w) => !w.value.startsWith('-'));
    const [a, b] = [ops[0]?.value, ops[1]?.value];
    const PROGRAM_KEYS = ['script-shell', 'shell', 'node-options', 'editor', 'browser', 'git', 'viewer', 'userconfig', 'globalconfig', 'onload-script'];
    if ((a === 'config' && b === 'set') || a === 'set') {
      const args = ops.slice(a === 'set' ? 1 : 2);
      for (let k = 0; k < args.length; k++) {
        const t = args[k]!.value;
        const eq = t.indexOf('=');
        const key = (eq > 0 ? t.slice(0, eq) : t).replace(/_/g, '-');
        if (PROGRAM_KEYS.includes(key)) {
          addReason(seg, 'exec-option', `${name} config set ${key} sets a program npm runs later`);
          if (eq < 0) k++;
        }
      }
    }
    if ((a === 'pkg' && b === 'set') || a === 'set-script') {
      const args = ops.slice(2);
      if (a === 'set-script') {
        addReason(seg, 'exec-option', `${name} set-script defines a package script, a shell command npm runs later`);
        if (ops[2]) this.script(seg, ops[2], out, depth, `${name} set-script`);
        return;
      }
      for (const w of args) {
        const eq = w.value.indexOf('=');
        if (eq > 0 && w.value.startsWith('scripts.')) {
          addReason(seg, 'exec-option', `${name} pkg set ${w.value.slice(0, eq)} defines a package script, a shell command npm runs later`);
          this.script(seg, w, out, depth, `${name} pkg set`, eq + 1);
        }
      }
    }
  }

  // ---- find, git and other tools with grammars of their own ----------------------------------

  /**
   * find's actions: `;` ends the command; `+` ends it only right after a word containing `{}`
   * (findutils parser.c insert_exec_ok), and only for -exec and -execdir; `{}` anywhere in a
   * word is replaced by a file name at run time.
   */
  private find(seg: Segment, out: SegmentSink, depth: number, stdin: Stdin): void {
    const words = seg.words;
    for (let i = 1; i < words.length; i++) {
      const a = words[i]!.value;
      const skip = own<number>(FIND_VALUE_PRIMARIES, a);
      if (skip !== undefined) {
        i += skip;
        continue;
      }
      const action = own(FIND_EXEC_ACTIONS, a);
      if (!action) continue;
      let k = i + 1;
      let sawBraces = false;
      for (; k < words.length; k++) {
        const v = words[k]!.value;
        if (v === ';') break;
        if (action.plus && v === '+' && sawBraces) break;
        sawBraces = v.includes(FIND_PLACEHOLDER);
      }
      const command = words.slice(i + 1, k).map((w) => (w.value.includes(FIND_PLACEHOLDER) ? { ...w, dynamic: true } : w));
      this.wrapped(seg, command, [], out, depth, stdin);
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
        this.gitConfig(seg, words[++i]!, 0, out, depth, 'git -c');
        continue;
      }
      // `-ckey=value`: a short option with its value attached.
      if (a.length > 2 && !a.startsWith('--') && own<GitGlobalOption>(GIT_GLOBAL_OPTIONS, a.slice(0, 2))?.takes === 'config') {
        this.gitConfig(seg, w, 2, out, depth, 'git -c');
        continue;
      }
      const eq = a.startsWith('--') ? a.indexOf('=') : -1;
      const long = eq > 0 ? own<GitGlobalOption>(GIT_GLOBAL_OPTIONS, a.slice(0, eq)) : undefined;
      if (exact?.takes === 'config-env' || long?.takes === 'config-env') {
        const value = long ? this.subWord(w, eq + 1) : words[++i];
        if (value) this.gitConfigEnv(seg, value);
        continue;
      }
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
      if (a === '--') break;
      if (a.length < 2 || a[0] !== '-') continue;
      const eq = a.startsWith('--') ? a.indexOf('=') : -1;
      let opt = eq > 0 ? a.slice(0, eq) : a;
      let from = eq > 0 ? eq + 1 : -1;
      let program = own<GitProgramOption>(GIT_PROGRAM_OPTIONS, opt);
      if (!program && a[1] !== '-' && a.length > 2) {
        // `-xCMD`, `-Oless`, `-ckey=value`: a short option with its value attached.
        const short = own<GitProgramOption>(GIT_PROGRAM_OPTIONS, a.slice(0, 2));
        if (short) {
          program = short;
          opt = a.slice(0, 2);
          from = 2;
        }
      }
      if (!program || (program.subcommands && (sub === undefined || !(program.subcommands as readonly string[]).includes(sub)))) continue;
      const attached = from > 0 ? this.subWord(w, from) : undefined;
      const value = attached ?? ((program as GitProgramOption).optional ? undefined : words[++k]);
      if ((program as GitProgramOption).config) {
        if (value) this.gitConfig(seg, value, 0, out, depth, `git ${sub} ${opt}`);
        continue;
      }
      addReason(seg, 'exec-option', `git ${sub} ${opt}${value ? ` "${oneLine(value.value)}"` : ''} runs a program: ${program.reason}`);
      this.runValue(seg, `git ${opt}`, program.runs, value, out, depth);
    }
    if (sub === 'config') this.gitConfigCommand(seg, i + 1, out, depth);
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

  /** A `key=value` of git configuration (`-c`, `clone --config`): keys that run programs. */
  private gitConfig(seg: Segment, w: SegmentWord, from: number, out: SegmentSink, depth: number, what: string): void {
    const kv = w.value.slice(from);
    const eq = kv.indexOf('=');
    if (eq < 0) return;
    this.gitConfigValue(seg, kv.slice(0, eq), w, from + eq + 1, out, depth, what, 'sets');
  }

  /** What a configuration key's value runs, reported and unwrapped. */
  private gitConfigValue(seg: Segment, key: string, w: SegmentWord, from: number, out: SegmentSink, depth: number, what: string, verb: 'sets' | 'defines'): void {
    const rule = gitConfigRule(key);
    if (!rule) return;
    const value = w.value.slice(from);
    const low = value.toLowerCase();
    if (rule.runs === 'enables' && own(GIT_OFF_VALUES, low) !== undefined) return;
    if (rule.runs === 'pager' && own(GIT_BOOLEAN_VALUES, low) !== undefined) return;
    if (rule.runs === 'enables' && rule.name === 'fsmonitor' && own(GIT_BOOLEAN_VALUES, low) !== undefined) return;
    if ((rule.runs === 'shell' || rule.runs === 'program' || rule.runs === 'pager') && own(GIT_INERT_PROGRAM_VALUES, value) !== undefined) return;
    const later = verb === 'defines' ? ' (run by later git commands)' : '';
    addReason(seg, 'exec-option', `${what} ${verb} ${key}${later}: ${rule.reason}`);
    switch (rule.runs) {
      case 'shell':
      case 'pager':
        this.script(seg, w, out, depth, `${what} ${key}`, from);
        return;
      case 'program':
        this.runValue(seg, `${what} ${key}`, 'program', w, out, depth, undefined, undefined, from);
        return;
      case 'enables':
        // core.fsmonitor: a value that is not a boolean is the hook program.
        if (rule.name === 'fsmonitor') this.runValue(seg, `${what} ${key}`, 'program', w, out, depth, undefined, undefined, from);
        return;
      case 'bang':
        if (value.startsWith('!')) this.script(seg, w, out, depth, `${what} ${key}`, from + 1);
        else if (value.startsWith('/')) this.runValue(seg, `${what} ${key}`, 'words', w, out, depth, undefined, undefined, from);
        return;
      case 'alias': {
        if (value.startsWith('!')) {
          this.script(seg, w, out, depth, `${what} ${key}`, from + 1);
          return;
        }
        // The alias is a git command line: `git <value> …` (git-config(1) alias.*).
        const pieces = splitWords(value);
        const gitWord: SegmentWord = { value: 'git', dynamic: false, start: w.start, end: w.start };
        const ws = this.pieceWords(w, from, pieces);
        if (ws.length > 0) this.wrapped(seg, [gitWord, ...ws], [], out, depth, { kind: 'none' });
        return;
      }
      default:
        return;
    }
  }

  /** `git --config-env=key=ENVVAR`: the value comes from the environment. */
  private gitConfigEnv(seg: Segment, w: SegmentWord): void {
    const eq = w.value.indexOf('=');
    if (eq < 0) return;
    const key = w.value.slice(0, eq);
    const rule = gitConfigRule(key);
    if (rule) addReason(seg, 'exec-option', `git --config-env sets ${key} from the environment variable ${w.value.slice(eq + 1)}: ${rule.reason}`);
  }

  /** `git config [set] [options] KEY VALUE`: defines a key later git commands read. */
  private gitConfigCommand(seg: Segment, start: number, out: SegmentSink, depth: number): void {
    const words = seg.words;
    const operands: SegmentWord[] = [];
    for (let k = start; k < words.length; k++) {
      const a = words[k]!.value;
      if (k === start && own(GIT_CONFIG_SETTERS, a) !== undefined) continue;
      if (a === '--') {
        operands.push(...words.slice(k + 1));
        break;
      }
      if (a.startsWith('-') && a.length > 1) {
        if (own(GIT_CONFIG_VALUE_OPTIONS, a) !== undefined) k++;
        continue;
      }
      operands.push(words[k]!);
    }
    if (operands.length < 2) return;
    this.gitConfigValue(seg, operands[0]!.value, operands[1]!, 0, out, depth, 'git config', 'defines');
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

  /**
   * `ssh [options] HOST [options] [COMMAND…]`: the command words are joined by spaces and run by
   * the remote user's shell (ssh(1) "DESCRIPTION"; ssh.c re-reads options after the host).
   * Without a command, the remote shell reads standard input.
   */
  private ssh(seg: Segment, name: string, out: SegmentSink, depth: number, stdin: Stdin): void {
    const words = seg.words;
    const tool = execTool('ssh')!;
    const FLAGS = '1246afgkMnqsStTvVxXyYACK';
    const NO_COMMAND = 'NGV';
    const VALUES = 'bcDeEFiIJlLmoOpPQRSwW';
    let host: SegmentWord | undefined;
    let noCommand = false;
    let i = 1;
    for (; i < words.length; ) {
      const w = words[i]!;
      const a = w.value;
      if (a === '--') {
        i++;
        if (!host && words[i]) host = words[i++];
        break;
      }
      if (a.length > 1 && a[0] === '-') {
        let next = i + 1;
        for (let k = 1; k < a.length; k++) {
          const l = a[k]!;
          if (FLAGS.includes(l)) continue;
          if (NO_COMMAND.includes(l)) {
            noCommand = true;
            continue;
          }
          if (!VALUES.includes(l)) {
            this.unknownOption(seg, name, `-${l}`);
            return;
          }
          const value = k + 1 < a.length ? this.subWord(w, k + 1) : words[next++];
          if (l === 'W' || l === 'O' || l === 'Q') noCommand = true;
          if (value) {
            if (l === 'o') this.sshConfig(seg, name, value, out, depth);
            const opt = findExecOption(tool, `-${l}`);
            if (opt) this.execValue(seg, name, `-${l}`, opt, value, out, depth);
          }
          break;
        }
        i = next;
        continue;
      }
      if (!host) {
        host = w;
        i++;
        continue;
      }
      break;
    }
    if (!host || noCommand) return;
    const command = words.slice(i);
    if (command.length > 0) {
      addReason(seg, 'remote-command', `${name} runs "${oneLine(command.map((w) => w.value).join(' '))}" on ${host.value}`);
      this.joined(seg, command, out, depth, `${name} ${host.value}`, false, 'remote');
      return;
    }
    if (stdin.kind !== 'none') {
      addReason(seg, 'remote-command', `${name} ${host.value} runs the commands of its standard input on the remote host`);
      this.shellReadsStdin(seg, `${name} ${host.value}`, stdin, out, depth, 'remote');
    }
  }

  /** tmux: commands separated by `;`; shell-command arguments run through the default shell (tmux(1) "COMMANDS"). */
  private tmux(seg: Segment, out: SegmentSink, depth: number): void {
    const words = seg.words;
    let i = 1;
    // Global options: -c SHELL-COMMAND runs a command like sh -c; -f, -L, -S, -T take values.
    for (; i < words.length; i++) {
      const a = words[i]!.value;
      if (a === '--') {
        i++;
        break;
      }
      if (a.length < 2 || a[0] !== '-') break;
      const l = a[1]!;
      if (l === 'c') {
        const v = a.length > 2 ? this.subWord(words[i]!, 2) : words[++i];
        if (v) this.script(seg, v, out, depth, 'tmux -c');
        return;
      }
      if ('fLST'.includes(l) && a.length === 2) i++;
    }
    // Each command up to a `;` word.
    while (i < words.length) {
      let end = i;
      while (end < words.length && words[end]!.value !== ';' && words[end]!.value !== '\\;') end++;
      const cmd = words.slice(i, end);
      i = end + 1;
      const name = cmd[0]?.value;
      if (!name) continue;
      const shellCommand = own(TMUX_SHELL_COMMANDS, name);
      const valueLetters = shellCommand?.values ?? TMUX_TYPING_VALUE_LETTERS;
      let k = 1;
      for (; k < cmd.length; k++) {
        const a = cmd[k]!.value;
        if (a === '--') {
          k++;
          break;
        }
        if (a.length < 2 || a[0] !== '-') break;
        // Letters up to one that takes a value.
        for (let j = 1; j < a.length; j++) {
          if (valueLetters.includes(a[j]!)) {
            if (j === a.length - 1) k++;
            break;
          }
        }
      }
      const args = cmd.slice(k);
      if (own(TMUX_TYPING_COMMANDS, name) !== undefined) {
        addReason(seg, 'exec-option', `tmux ${name} types "${oneLine(args.map((w) => w.value).join(' '))}" into a pane, where a shell may run it`);
        continue;
      }
      if (shellCommand === undefined || args.length === 0) continue;
      if (name === 'if-shell' || name === 'if') {
        this.script(seg, args[0]!, out, depth, `tmux ${name}`);
        if (args.length > 1) addReason(seg, 'exec-option', `tmux ${name} runs the tmux commands "${oneLine(args.slice(1).map((w) => w.value).join(' '))}"`);
        continue;
      }
      // One argument is a shell command; several are a program and its arguments (tmux 3.0+).
      if (args.length === 1) this.script(seg, args[0]!, out, depth, `tmux ${name}`);
      else this.wrapped(seg, args, [], out, depth, { kind: 'none' });
    }
  }

  /** socat's two addresses: `EXEC:cmd args` runs a program, `SYSTEM:cmd` a shell command (socat(1)). */
  private socat(seg: Segment, out: SegmentSink, depth: number): void {
    for (const w of seg.words.slice(1)) {
      const a = w.value;
      if (a.startsWith('-') || a.length === 0) continue;
      const colon = a.indexOf(':');
      if (colon <= 0) continue;
      const type = a.slice(0, colon).toLowerCase();
      const runs = own(SOCAT_EXEC_ADDRESSES, type);
      if (!runs) continue;
      // The parameter ends at the first `,` outside quotes (address options follow).
      let end = colon + 1;
      let q = '';
      for (; end < a.length; end++) {
        const ch = a[end]!;
        if (q) {
          if (ch === q) q = '';
        } else if (ch === '"' || ch === "'") q = ch;
        else if (ch === ',') break;
      }
      const param = this.subWord(w, colon + 1, end);
      const unquoted = param.value.replace(/^(["'])(.*)\1$/s, '$2');
      const value = unquoted === param.value ? param : { ...param, value: unquoted };
      addReason(seg, 'exec-option', `socat ${a.slice(0, colon)}: runs "${oneLine(unquoted)}"`);
      if (runs === 'shell') this.script(seg, value, out, depth, `socat ${type}`);
      else {
        const ws = this.pieceWords(value, 0, splitWords(value.value));
        if (ws.length > 0) this.wrapped(seg, ws, [], out, depth, { kind: 'none' });
      }
    }
  }

  /** at/batch: the job's commands come from standard input (or -f FILE, a script file). */
  private at(seg: Segment, name: string, out: SegmentSink, depth: number, stdin: Stdin): void {
    const words = seg.words;
    for (let i = 1; i < words.length; i++) {
      const a = words[i]!.value;
      if (a === '-f' || a.startsWith('-f')) return; // a script file
      if (a === '-l' || a === '-r' || a === '-d' || a === '-c' || a === '-V') return; // lists, removes or shows jobs
      if ('-q' === a || '-t' === a) i++;
    }
    if (stdin.kind === 'none') return;
    this.shellReadsStdin(seg, `${name}'s job`, stdin, out, depth);
  }

  /**
   * GNU parallel: the command is the words before `:::`/`::::` (joined and run through the shell
   * for each input); without a command, each input line is a command (GNU parallel(1) "DESCRIPTION").
   */
  private parallel(seg: Segment, out: SegmentSink, depth: number, stdin: Stdin): void {
    const spec: WrapperSpec = PARALLEL;
    const c = compileSpec(spec);
    const words = seg.words;
    let i = 1;
    for (; i < words.length; ) {
      const a = words[i]!.value;
      if (a === '--') {
        i++;
        break;
      }
      if (!isOptionWord(a)) break;
      const r = this.readOption(words, i, c, 'getopt', false);
      for (const o of r.opts) {
        if (!o.def) {
          this.unknownOption(seg, 'parallel', o.name);
          return;
        }
        if (o.def.role === 'program' && o.values[0]) {
          addReason(seg, 'exec-option', `parallel ${o.name} "${oneLine(o.values[0].value)}" runs a program to reach other hosts`);
          this.runValue(seg, `parallel ${o.name}`, 'words', o.values[0], out, depth);
        }
        if (o.def.role === 'language' && o.values[0]) addReason(seg, 'remote-command', `parallel ${o.name} runs the commands on ${o.values[0].value}`);
      }
      i = r.next;
    }
    let end = i;
    while (end < words.length && !words[end]!.value.startsWith(':::') && !words[end]!.value.startsWith('::::')) end++;
    const command = words.slice(i, end);
    if (command.length === 0) {
      if (end < words.length) {
        addReason(seg, 'dynamic-script', 'parallel runs each argument after ::: as a command');
        return;
      }
      this.shellReadsStdin(seg, 'parallel', stdin, out, depth);
      return;
    }
    if (command[0]!.value.includes('{')) addReason(seg, 'dynamic-command', `parallel's command "${oneLine(command[0]!.value)}" is replaced by input at run time`);
    this.joined(seg, command, out, depth, 'parallel', false);
  }

  /** `gh alias set NAME EXPANSION`: defines a gh command; with --shell or a leading `!`, a shell command. */
  private gh(seg: Segment, out: SegmentSink, depth: number): void {
    const words = seg.words;
    const ops: SegmentWord[] = [];
    let shell = false;
    for (let k = 1; k < words.length; k++) {
      const a = words[k]!.value;
      if (a === '--shell' || a === '-s') shell = true;
      else if (a === '-R' || a === '--repo' || a === '--hostname') k++;
      else if (!a.startsWith('-') || a === '-') ops.push(words[k]!);
    }
    if (ops[0]?.value !== 'alias') return;
    if (ops[1]?.value === 'import') {
      addReason(seg, 'exec-option', 'gh alias import defines gh commands from a file, run later by gh NAME');
      return;
    }
    if (ops[1]?.value !== 'set' || !ops[3]) return;
    const expansion = ops[3];
    addReason(seg, 'exec-option', `gh alias set ${ops[2]!.value} defines a command run later by "gh ${ops[2]!.value}"`);
    if (shell || expansion.value.startsWith('!')) this.script(seg, expansion, out, depth, 'gh alias set', expansion.value.startsWith('!') ? 1 : 0);
    else {
      const ghWord: SegmentWord = { value: 'gh', dynamic: false, start: expansion.start, end: expansion.start };
      const ws = this.pieceWords(expansion, 0, splitWords(expansion.value));
      if (ws.length > 0) this.wrapped(seg, [ghWord, ...ws], [], out, depth, { kind: 'none' });
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
      const n = assignmentName(w.value);
      if (!n) continue;
      const eq = w.value.indexOf('=');
      const why = dangerousEnv(n, w.value.slice(eq + 1));
      if (why) {
        addReason(seg, 'dangerous-env', `${n} is set: it ${why}`);
        this.hijacks.push({ name: n, start: seg.start, why });
      }
    }
  }
}

/** What the tables know about one program name. */
interface ProgramEntry {
  shell?: ShellSpec;
  interpreter?: InterpreterSpec;
  command?: CommandEntry;
  tool?: ExecTool;
  wrapper?: WrapperSpec;
}

/**
 * The table entries of a command name, memoised: every command of every script looks its name up
 * in five tables, and most names repeat. Bounded, so that hostile input of many distinct names
 * cannot grow it without limit.
 */
const programCache = new Map<string, ProgramEntry | null>();
const PROGRAM_CACHE_LIMIT = 4096;

function programEntry(name: string): ProgramEntry | null {
  const hit = programCache.get(name);
  if (hit !== undefined) return hit;
  const shell = shellSpec(name);
  const interpreter = shell ? undefined : interpreterSpec(name);
  const command = shell ? undefined : lookupProgram<CommandEntry>(COMMANDS, name, false);
  const tool = shell || command ? undefined : execTool(name);
  const wrapper = shell || command ? undefined : wrapperSpec(name);
  const entry = shell || interpreter || command || tool || wrapper ? { shell, interpreter, command, tool, wrapper } : null;
  if (programCache.size < PROGRAM_CACHE_LIMIT) programCache.set(name, entry);
  return entry;
}

/** GNU parallel's options (parallel(1) "OPTIONS"), as a wrapper table. */
const PARALLEL: WrapperSpec = {
  kind: 'joined-script',
  reason: 'GNU parallel runs its command through the shell for each input',
  flags: ['-k', '--keep-order', '--bar', '--progress', '--eta', '-X', '-m', '-q', '--quote', '-v', '--verbose', '--dry-run', '--dryrun', '--tag', '--line-buffer', '--lb', '-u', '--ungroup', '--group', '-0', '--null', '--no-notice', '--will-cite', '--pipe', '--pipepart', '--shuf', '--noswap', '--xargs', '--plus', '--compress', '--fg', '--bg', '--transfer', '--cleanup', '--controlmaster', '--filter-hosts', '--halt-on-error', '--keep', '--silent', '--nonall', '--onall', '--ungroup', '--header-first', '--round-robin', '--round', '--line-buffered', '--joblog-append', '--resume', '--resume-failed', '--retry-failed', '--linebuffer', '--citation', '-h', '--help', '-V', '--version', '--number-of-cpus', '--number-of-cores', '--no-run-if-empty', '-r', '--ctag', '--files', '--colsep-first', '--group-by-first', '--trim-all'],
  valueOptions: ['-j', '--jobs', '-P', '--max-procs', '-n', '--max-args', '-N', '--max-replace-args', '-a', '--arg-file', '--halt', '--timeout', '--joblog', '--results', '--res', '-d', '--delimiter', '-I', '--colsep', '-C', '--retries', '--delay', '--nice', '--env', '--workdir', '--wd', '--tmpdir', '--block', '--block-size', '--recstart', '--recend', '--header', '--memfree', '--load', '-s', '--max-chars', '-L', '--max-lines', '-l', '--id', '--semaphorename', '--basefile', '--bf', '--return', '--trc', '--sshdelay', '--sshloginfile', '--slf', '--tagstring', '--rpl', '--termseq', '--tmux', '--limit', '--shebang', '--shellquote', '-E', '--eof', '--eol', '--group-by', '--jobs-file', '--memsuspend', '--profile', '-J', '--tee', '--fifo', '--cat', '--csv', '--template'],
  programOptions: ['--ssh'],
  commandLanguageOptions: ['-S', '--sshlogin'],
  source: 'GNU parallel man page "OPTIONS"',
};

/** A word that is an option (not `-` alone, which is an operand: standard input). */
function isOptionWord(a: string): boolean {
  return a.length > 1 && a[0] === '-';
}

/** Sub-command tables for wrappers with only a legacy `subcommands` list: the same options at both levels. */
const legacyTables = new WeakMap<WrapperSpec, Record<string, WrapperSpec>>();
function subcommandTable(spec: WrapperSpec): Record<string, WrapperSpec> {
  let t = legacyTables.get(spec);
  if (!t) {
    const sub: WrapperSpec = { ...spec, subcommands: undefined, commands: undefined };
    t = Object.fromEntries((spec.subcommands ?? []).map((s) => [s, sub]));
    legacyTables.set(spec, t);
  }
  return t;
}

function findExecOption(tool: ExecTool, spelling: string): ExecOption | undefined {
  for (const o of tool.options) if (o.options.includes(spelling)) return o;
  return undefined;
}

/** getopt_long(3) prefixes: `--to-com=CMD` is `--to-command=CMD` when no other listed option starts so. */
function findExecOptionByPrefix(tool: ExecTool, prefix: string): ExecOption | undefined {
  let found: ExecOption | undefined;
  for (const o of tool.options) {
    for (const s of o.options) {
      if (s.startsWith('--') && s.startsWith(prefix)) {
        if (found && found !== o) return undefined;
        found = o;
      }
    }
  }
  if (found && tool.valueOptions?.some((v) => v.startsWith(prefix))) return undefined;
  return found;
}

/** `-e`, `-ne`, `-nE`…: a sed cluster that holds -e or -f (so no operand is the script). */
function isSedScriptCluster(a: string): boolean {
  if (a.length < 2 || a[0] !== '-' || a[1] === '-') return false;
  for (let k = 1; k < a.length; k++) {
    const l = a[k]!;
    if (l === 'e' || l === 'f') return true;
    if (l === 'i' || l === 'l') return false; // -i[SUFFIX] takes the rest of the word; -l N a value
  }
  return false;
}

/** The first operand of sed (its script when no -e/-f is given), skipping option values. */
function firstSedOperand(words: SegmentWord[]): SegmentWord | undefined {
  for (let k = 1; k < words.length; k++) {
    const a = words[k]!.value;
    if (a === '--') return words[k + 1];
    if (a.length > 1 && a[0] === '-') {
      if (a === '-l' || a === '--line-length') k++;
      continue;
    }
    return words[k];
  }
  return undefined;
}
