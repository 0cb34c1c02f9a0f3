// AST → segments: every simple command anywhere in a script, with where it sits (design.md §3).
// Nested places bash runs commands: substitutions in any word (also inside double quotes,
// `${…}` operands, `$((…))`, subscripts), assignment values, redirection targets, here-strings,
// unquoted heredoc bodies, case patterns and subjects, `for` words, `[[ ]]` operands and
// function bodies.
//
// With the hooks of the full analysis, the walk also follows the shell's state (design.md §10):
// - run-time evaluation: arithmetic, subscripts, `[[ -v ]]`, `printf -v`, `${!x}`, `${x@P}` …
//   evaluate the *values* of variables, and a value such as `a[$(id)]` runs `id` (bash manual
//   §6.5 "Shell Arithmetic"). A value the script does not pin down gets `runtime-eval`;
// - state that changes later commands: dangerous variables set by any means, `hash -p`,
//   aliases, `enable`, traps, including assignments later in a loop or function body, which
//   run again before earlier commands (`dangerous-env`);
// - where standard input comes from: enclosing redirections, pipes into compound commands,
//   function callers, `exec <`, duplicated descriptors, `/dev/stdin` operands (`stdin-script`).
import { basename } from 'node:path';
import type * as A from '../../grammar/shell/ast.js';
import { parseScript } from '../../grammar/shell/parser.js';
import { interpreterSpec, type InterpreterSpec } from '../knowledge/interpreters.js';
import { own } from '../knowledge/lookup.js';
import {
  ARITHMETIC_TEST_OPERATORS,
  BUILTIN_RUNNERS,
  dangerousVariable,
  DECLARATION_OPTIONS,
  descriptorOf,
  isStdinFile,
  LOOKUP_BUILTINS,
  NAME_BUILTINS,
  NUMERIC_VARIABLES,
  SPECIAL_BUILTINS,
  type NameBuiltin,
} from '../knowledge/shell-state.js';
import { SHELL_END_OF_OPTIONS, SHELL_SCRIPT_LETTER, SHELL_STDIN_LETTER, shellSpec, type ShellSpec } from '../knowledge/wrappers.js';
import type { Redirect, Segment, SegmentWord } from '../types.js';
import {
  isDynamicWord,
  isIntegerLiteral,
  isPlainName,
  matchClose,
  parseParamText,
  partsValue,
  scanArithmetic,
  scanName,
  splitSubstring,
  textValueKind,
  valueKind,
  wordValue,
  type EvalFinding,
  type ValueKind,
  type ValueUse,
} from './words.js';

/** The context ids a segment can carry, outer to inner. Documented in docs/segments.md. */
export const CONTEXT_IDS = [
  'pipeline',
  'and-or',
  'background',
  'subshell',
  'group',
  'if',
  'loop',
  'case',
  'function',
  'coproc',
  'test',
  'arithmetic',
  'command-substitution',
  'backtick',
  'process-substitution',
  'function-substitution',
  'parameter-expansion',
  'assignment',
  'redirect',
  'here-string',
  'heredoc',
  'array',
  'wrapped',
  'shell-string',
  'eval-string',
  'evaluation',
] as const;

export type ContextId = (typeof CONTEXT_IDS)[number];

export interface SegmentInfo {
  command: A.SimpleCommand;
  /**
   * True when the command's standard input is data the script feeds it rather than the
   * script's own: it is not first in its pipeline, or it inherits a redirection or a pipe of an
   * enclosing compound command, a function's caller, a coprocess pipe or `exec <`.
   */
  piped: boolean;
  /** Where that data comes from, for messages, when it is not the command's own pipe. */
  stdinFrom?: string;
  /**
   * True when the command's standard input is known to hold nothing to run: /dev/null or a closed
   * input given by `exec` or an enclosing command. Otherwise, without a redirection or pipe of its
   * own, it reads the input the command line was started with.
   */
  stdinNone?: boolean;
}

/** Called for each simple command's segment; may add segments for commands it wraps. */
export type SegmentHook = (segment: Segment, info: SegmentInfo, out: SegmentSink) => void;

/** Called for each assignment that is not a prefix of a command (`PATH=/x; ls`), in source order. */
export type AssignmentHook = (name: string, word: A.Word) => void;

export interface SegmentSink {
  push(segment: Segment): void;
}

export interface SegmentHooks {
  segment?: SegmentHook;
  assignment?: AssignmentHook;
}

/**
 * The segments of a script. With a `segment` hook (the full analysis) the walk also follows the
 * shell's state and finishes it before returning; `state` lets a caller that walks a script in
 * pieces share one state and call `finish` itself; `null` turns the state off.
 */
export function collectSegments(script: A.Script, hooks: SegmentHooks = {}, state?: ScriptState | null): Segment[] {
  const st = state === undefined ? (hooks.segment ? new ScriptState() : null) : state;
  const out: Segment[] = [];
  const sink: SegmentSink = { push: (s) => out.push(s) };
  const walker = new Walker(out, sink, hooks, st, 0);
  // A script parsed from a command's arguments or input reads that command's standard input.
  if (st && state === undefined) walker.inherit(hookStdin);
  walker.list(script.body, []);
  if (st && state === undefined) st.finish(out);
  // Source order of each command's start (its first assignment or word); stable for ties.
  return out.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i).map((x) => x.s);
}

function redirectOf(r: A.Redirect): Redirect {
  return { op: r.op, target: wordValue(r.target), dynamic: r.heredoc ? false : isDynamicWord(r.target), start: r.start, end: r.end };
}

export function segmentWord(w: A.Word): SegmentWord {
  return { value: wordValue(w), dynamic: isDynamicWord(w), start: w.start, end: w.end };
}

// ---- shell state ---------------------------------------------------------------------------

/** Where a reason about an evaluation goes: its command's segment, else the commands inside it, else a segment of its own. */
interface Site {
  seg: Segment | null;
  inner: readonly Segment[];
  /** For a segment of its own: the construct as written (one word; from `word` when empty), its span and context. */
  text: string;
  word?: A.Word;
  start: number;
  end: number;
  ctx: readonly ContextId[];
}

interface Assign {
  /** null: a variable named at run time (`read "$x"`). */
  name: string | null;
  value: ValueKind;
  at: number;
  /** Flat [start, end, …]: the assignment is sure to have run only at offsets inside all of these. */
  regions: number[] | null;
  /** The outermost loop or function body around it, [start, end]: it can run again before anything in there. */
  repeat: number[] | null;
  /** Where a reason about the assigned value goes (when the variable has the integer attribute). */
  site: Site | null;
  /** How it assigns, for messages (`read`, `declare`, `for`, `=`). */
  how: string;
  /** `x+=v`: the value is appended (for an integer variable, added as arithmetic). */
  append?: boolean;
}

interface Use {
  findings: EvalFinding[];
  /**
   * The text was expanded once and is not evaluated again: a subscript in `${a[…]}` or `a[…]=`.
   * For an associative array that is a plain key; in arithmetic, `[[ -v ]]`, `unset`, `read`…
   * the key is expanded a second time (bash manual §4.3.2 shopt array_expand_once).
   */
  once?: boolean;
  /** The construct, for messages: `$((x+1))`, `printf -v`, `[[ … ]]`. */
  what: string;
  site: Site;
}

/** A change of shell state that affects the commands run after it. */
interface Effect {
  at: number;
  repeat: number[] | null;
  /** The command names it changes; null: every command. */
  names: readonly string[] | null;
  /** `PATH is set`, `git is an alias`. */
  what: string;
  /** `it changes which program a command name runs`. */
  why: string;
}

/** Standard input that a compound command, a pipe, a caller or `exec` gives the commands inside. */
interface StdinSource {
  what: string;
  /** A here-document or here-string: its text is what a shell inside reads. */
  text?: A.Redirect;
  /** Closed or a file on disk: no data the script feeds in. */
  none?: boolean;
}

const NONE: readonly Segment[] = [];

/**
 * The standard input of the command whose hooks are running. The hooks parse the script strings
 * of shells (`sh -c '…'`, `bash <<E`) through collectSegments, and the top level of such a
 * script reads what that command reads: `curl x | sh -c python3` runs a program from the pipe.
 * Set around each hook call and restored after it, so nested scripts see their own command's.
 */
let hookStdin: StdinSource | null = null;

/** Everything the walk learns about variables, evaluations and state changes in one script. */
export class ScriptState {
  // Most scripts set few variables and evaluate nothing: the collections are made on first use.
  private assignsMap: Map<string, Assign[]> | null = null;
  private readonly dynamicAssigns: Assign[] = [];
  readonly uses: Use[] = [];
  readonly effects: Effect[] = [];
  private integerSet: Set<string> | null = null;
  private assocSet: Set<string> | null = null;
  /** `declare -n r=t`: r → t; null when t is only known at run time. */
  private namerefMap: Map<string, string | null> | null = null;
  private unsetSet: Set<string> | null = null;

  private get assigns(): Map<string, Assign[]> {
    return (this.assignsMap ??= new Map());
  }
  get integer(): Set<string> {
    return (this.integerSet ??= new Set());
  }
  get assoc(): Set<string> {
    return (this.assocSet ??= new Set());
  }
  get namerefs(): Map<string, string | null> {
    return (this.namerefMap ??= new Map());
  }
  get unset(): Set<string> {
    return (this.unsetSet ??= new Set());
  }
  /** Standard input replaced by `exec <…` in the main shell; persists across pieces of a script. */
  execStdin: StdinSource | null = null;

  addAssign(a: Assign): void {
    if (a.name === null) {
      this.dynamicAssigns.push(a);
      return;
    }
    const list = this.assigns.get(a.name);
    if (!list) {
      this.assigns.set(a.name, [a]);
      return;
    }
    // Kept in source order (the walk records a few out of order, e.g. `n=$((n=5))`).
    let k = list.length;
    while (k > 0 && list[k - 1]!.at > a.at) k--;
    list.splice(k, 0, a);
    this.safeMemo.clear();
    this.firstSure.delete(a.name);
  }

  /** Adds the reasons the whole script's state calls for to `segments`, and pushes the segments of evaluations that belong to no command. */
  finish(segments: Segment[]): void {
    markStdinOperands(segments);
    if (this.uses.length === 0 && this.integerSet === null && this.effects.length === 0 && this.dynamicAssigns.length === 0 && this.assignsMap === null) return;
    const ownSegments = new Map<Site, Segment>();
    const report = (site: Site, message: string) => {
      if (site.seg) {
        if (!site.seg.reasons.some((r) => r.id === 'runtime-eval')) addReason(site.seg, 'runtime-eval', message);
        return;
      }
      if (site.inner.length > 0) {
        for (const s of site.inner) addReason(s, 'runtime-eval', message);
        return;
      }
      const existing = ownSegments.get(site);
      if (existing) {
        addReason(existing, 'runtime-eval', message);
        return;
      }
      const text = site.text || (site.word ? wordValue(site.word) : '');
      const seg: Segment = {
        argv: [text],
        words: [{ value: text, dynamic: true, start: site.start, end: site.end }],
        assigns: [],
        redirects: [],
        context: [...site.ctx, 'evaluation'],
        dynamic: true,
        reasons: [{ id: 'runtime-eval', message }],
        start: site.start,
        end: site.end,
      };
      ownSegments.set(site, seg);
    };
    for (const u of this.uses) {
      const bad = this.problems(u.findings, u.once === true);
      if (bad.length > 0) report(u.site, evalMessage(u.what, bad));
    }
    // A variable with the integer attribute evaluates every value assigned to it (bash manual §4.2 `declare -i`).
    for (const name of this.integerSet ?? []) {
      for (const a of this.assigns.get(name) ?? []) {
        if (!a.site) continue;
        const findings: EvalFinding[] = [];
        const v = a.value;
        if (v.kind === 'literal') {
          if (!isIntegerLiteral(v.text)) scanArithmetic(v.text, a.at, findings);
        } else if (v.kind === 'copy') findings.push({ kind: 'read', name: v.name, at: a.at, under: null, certain: false, need: 'arithmetic' });
        else if (v.kind === 'unknown') findings.push({ kind: 'unknown', name: v.why, at: a.at, under: null, certain: false, need: 'arithmetic' });
        else if (v.kind === 'keys' && this.assoc.has(v.name)) findings.push({ kind: 'unknown', name: `the keys of ${v.name}`, at: a.at, under: null, certain: false, need: 'arithmetic' });
        const bad = this.problems(findings);
        if (bad.length > 0) report(a.site, `${name} has the integer attribute (declare -i), so ${a.how} evaluates what it assigns as arithmetic: ${describe(bad)}, a value escalint cannot know; one such as a[$(id)] runs id (bash manual "Shell Arithmetic")`);
      }
    }
    this.markEffects(segments);
    for (const s of ownSegments.values()) segments.push(s);
  }

  /** The findings whose values escalint cannot show to be harmless, described. */
  private problems(findings: readonly EvalFinding[], once = false): string[] {
    const bad = new Set<string>();
    for (const f of findings) {
      if (f.kind === 'assign') continue;
      // A key of an associative array is a string: a bare name in it is text, and an expansion
      // in it is harmless when expanded once, but runs what its value holds when expanded twice.
      const key = f.under !== null && this.assoc.has(f.under);
      if (key && (once || f.direct)) continue;
      let what: string | null = null;
      if (f.kind === 'unknown') what = f.name;
      else if (!this.safeAt(f.name, key ? 'prompt' : f.need, f.at, 0)) what = f.name;
      if (what !== null) bad.add(what);
    }
    return [...bad];
  }

  /**
   * True when reading `name` at offset `site` evaluates nothing: it always expands to a number,
   * or every assignment to it anywhere in the script stores a harmless value and one of them is
   * sure to have run before `site` (otherwise its value can come from the environment).
   */
  private safeAt(name: string, need: ValueUse, site: number, depth: number): boolean {
    if (own(NUMERIC_VARIABLES, name) && !this.unset.has(name)) return true;
    const list = this.assigns.get(name);
    // A variable named at run time (`read "$n"`) may be this one.
    if (!list || this.dynamicAssigns.length > 0 || depth > 16) return false;
    if (!this.valuesSafe(name, list, need, depth)) return false;
    // Sure to have run before: an unconditional assignment earlier, else a conditional one whose
    // regions hold `site`, searched from the nearest back (a bounded search: giving up only
    // reports more).
    let first = this.firstSure.get(name);
    if (first === undefined) {
      first = list.find((a) => a.regions === null)?.at ?? Infinity;
      this.firstSure.set(name, first);
    }
    if (first < site) return true;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at < site) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1, searched = 0; k >= 0 && searched < 64; k--, searched++) if (inside(list[k]!.regions, site)) return true;
    return false;
  }

  /** Every assignment to `name` stores a value harmless for `need` (memoized: a script reads a variable many times). */
  private valuesSafe(name: string, list: readonly Assign[], need: ValueUse, depth: number): boolean {
    if (this.integer.has(name)) return true;
    const key = `${need}\u0001${name}`;
    const memo = this.safeMemo.get(key);
    if (memo !== undefined) return memo;
    let ok = true;
    for (const a of list) {
      if (a.append || !this.valueSafe(a.value, need, a.at, depth)) {
        ok = false;
        break;
      }
    }
    // Copies (`x=$y`) depend on where they are read: only a result without them is kept.
    if (!list.some((a) => a.value.kind === 'copy')) this.safeMemo.set(key, ok);
    return ok;
  }

  private readonly safeMemo = new Map<string, boolean>();
  /** The offset of the first assignment to each name that runs for sure. */
  private readonly firstSure = new Map<string, number>();

  private valueSafe(v: ValueKind, need: ValueUse, at: number, depth: number): boolean {
    switch (v.kind) {
      case 'number':
        return true;
      case 'literal':
        if (need === 'arithmetic') return isIntegerLiteral(v.text);
        if (need === 'name') return isPlainName(v.text) || isIntegerLiteral(v.text);
        return !/[$`\\]/.test(v.text);
      case 'copy':
        return this.safeAt(v.name, need, at, depth + 1);
      case 'keys':
        return !this.assoc.has(v.name);
      case 'unknown':
        return false;
    }
  }

  /** Why assigning `name` (to `value`, when literal) changes what later commands run: a dangerous variable, or a name reference to one. */
  private variableWhy(name: string, value?: string): string | undefined {
    const why = dangerousVariable(name, value);
    if (why) return why;
    if (!this.namerefs.has(name)) return undefined;
    const target = this.namerefs.get(name);
    if (target === null || target === undefined) return 'is a name reference to a variable named at run time';
    const t = dangerousVariable(target);
    return t ? `is a name reference to ${target}, which ${t}` : undefined;
  }

  /** State changes from assignments: dangerous variables, name references to them, variables named at run time. */
  variableEffects(): Effect[] {
    const out: Effect[] = [];
    for (const [name, list] of this.assigns) {
      if (!this.variableWhy(name)) continue;
      for (const a of list) {
        // A pager or editor set to nothing, `cat` or `true` runs nothing foreign (knowledge/env.ts).
        const why = this.variableWhy(name, a.value.kind === 'literal' && !a.append ? a.value.text : undefined);
        if (why) out.push({ at: a.at, repeat: a.repeat, names: null, what: `${name} is set`, why: `it ${why}` });
      }
    }
    for (const a of this.dynamicAssigns) {
      out.push({ at: a.at, repeat: a.repeat, names: null, what: `a variable named at run time is set (${a.how})`, why: 'it can be PATH or any other variable that changes what runs' });
    }
    return out;
  }

  /**
   * Marks every segment that can run after a state change: after it in the script, or anywhere
   * in the loop or function body around it (which runs again). Costs segments plus marks: more
   * than MAX_STATE_MESSAGES distinct changes collapse into one message, and outermost loop and
   * function bodies never overlap, so each segment is looked at a bounded number of times.
   */
  private markEffects(segments: readonly Segment[]): void {
    const effects = this.effects.length === 0 ? this.variableEffects() : [...this.variableEffects(), ...this.effects];
    if (effects.length === 0) return;
    // By command name ('' for every command): message → earliest offset after which it holds.
    const after = new Map<string, Map<string, number>>();
    // By command name and outermost loop: message → [loop start, loop end, latest offset it holds again until].
    const again = new Map<string, Map<string, number[]>>();
    for (const e of effects) {
      for (const name of e.names ?? ['']) {
        const m1 = `${e.what} earlier in the script: ${e.why}`;
        const a = after.get(name) ?? after.set(name, new Map()).get(name)!;
        const at = a.get(m1);
        if (at === undefined || e.at < at) a.set(m1, e.at);
        if (!e.repeat) continue;
        const m2 = `${e.what} later in a loop or function body that can run again before this command: ${e.why}`;
        const key = `${name}\u0001${e.repeat[0]},${e.repeat[1]}`;
        const g = again.get(key) ?? again.set(key, new Map()).get(key)!;
        const r = g.get(m2);
        if (!r || e.at > r[2]!) g.set(m2, [e.repeat[0]!, e.repeat[1]!, e.at]);
      }
    }
    const order = segments.slice().sort((x, y) => x.start - y.start);
    const byHead = new Map<string, Segment[]>();
    for (const seg of order) {
      const head = seg.words[0];
      if (!head || head.dynamic) continue;
      const list = byHead.get(head.value);
      if (list) list.push(seg);
      else if (after.has(head.value)) byHead.set(head.value, [seg]);
    }
    const target = (name: string) => (name === '' ? order : (byHead.get(name) ?? NONE));
    for (const [name, messages] of after) {
      const list = target(name);
      for (const [message, at] of collapse(messages, (a, b) => Math.min(a, b))) {
        for (let k = firstAfter(list, at); k < list.length; k++) addReason(list[k]!, 'dangerous-env', message);
      }
    }
    for (const [key, messages] of again) {
      const list = target(key.slice(0, key.indexOf('\u0001')));
      for (const [message, [start, end, until]] of collapse(messages, (a, b) => [a[0]!, a[1]!, Math.max(a[2]!, b[2]!)])) {
        for (let k = firstAfter(list, start! - 1); k < list.length && list[k]!.start <= until! && list[k]!.start < end!; k++) addReason(list[k]!, 'dangerous-env', message);
      }
    }
  }
}

/** At most this many distinct state changes are named one by one on a segment; more become one message. */
const MAX_STATE_MESSAGES = 16;

/** The messages of a group, or, when there are too many, one message that counts them, with the merged value. */
function collapse<T>(messages: Map<string, T>, merge: (a: T, b: T) => T): Iterable<[string, T]> {
  if (messages.size <= MAX_STATE_MESSAGES) return messages;
  let merged: T | undefined;
  for (const v of messages.values()) merged = merged === undefined ? v : merge(merged, v);
  const first = messages.keys().next().value as string;
  return [[`${messages.size} changes of what later commands run are made in the script, the first: ${first}`, merged!]];
}

/** Index of the first segment of `list` (sorted by start) that starts after `at`. */
function firstAfter(list: readonly Segment[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function inside(regions: number[] | null, at: number): boolean {
  if (!regions) return true;
  for (let k = 0; k < regions.length; k += 2) if (!(regions[k]! <= at && at < regions[k + 1]!)) return false;
  return true;
}

function addReason(seg: Segment, id: string, message: string): void {
  if (seg.reasons.some((r) => r.id === id && r.message === message)) return;
  seg.reasons.push({ id, message });
}

function describe(bad: readonly string[]): string {
  const shown = bad.slice(0, 5).map((b) => (b.startsWith('the ') ? b : /^[A-Za-z_][A-Za-z0-9_]*$/.test(b) ? `the value of ${b}` : `"${short(b)}"`));
  return bad.length > 5 ? `${shown.join(', ')} and ${bad.length - 5} more` : shown.join(', ');
}

function evalMessage(what: string, bad: readonly string[]): string {
  return `${short(what)} evaluates ${describe(bad)} at run time, a value escalint cannot know: one such as a[$(id)] runs id (bash manual "Shell Arithmetic", "Arrays")`;
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

// ---- programs read from standard input -----------------------------------------------------

/** The program operand of a shell command line (bash(1) OPTIONS), or undefined when it runs `-c` or `-s`. */
function shellProgram(words: readonly SegmentWord[], spec: ShellSpec): SegmentWord | undefined {
  for (let i = 1; i < words.length; i++) {
    const a = words[i]!.value;
    if (SHELL_END_OF_OPTIONS.includes(a)) return words[i + 1];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (spec.scriptLongOptions?.includes(eq > 0 ? a.slice(0, eq) : a)) return undefined;
      if (eq < 0 && spec.longValues?.includes(a)) i++;
      continue;
    }
    if ((a[0] === '-' || (a[0] === '+' && spec.plus)) && a.length > 1) {
      const letters = a.slice(1);
      if (letters.includes(SHELL_SCRIPT_LETTER) || letters.includes(SHELL_STDIN_LETTER)) return undefined;
      for (const l of letters) if (spec.valueLetters.includes(l) || spec.initLetters?.includes(l)) i++;
      continue;
    }
    return words[i];
  }
  return undefined;
}

/** The program file of an interpreter command line, or undefined for inline code, modules and `-`. */
function interpreterProgram(words: readonly SegmentWord[], spec: InterpreterSpec): SegmentWord | undefined {
  const short = spec.short;
  for (let i = 1; i < words.length; i++) {
    const a = words[i]!.value;
    if (a === '--') return words[i + 1];
    if (spec.codeOptions.some((o) => a === o || a.startsWith(`${o}=`))) return undefined;
    if (i === 1 && spec.codeSubcommands?.includes(a)) return undefined;
    if (spec.moduleOptions?.includes(a)) return undefined;
    if (spec.programFileOptions?.includes(a)) return words[i + 1];
    if (spec.valueOptions?.includes(a)) {
      i++;
      continue;
    }
    if (a === '-') return undefined;
    if (a.startsWith('-') && a.length > 1) {
      if (!short || a.startsWith('--')) continue;
      // A short cluster read letter by letter (`python3 -Ic CODE`, `awk -f FILE`).
      for (let j = 1; j < a.length; j++) {
        const l = a[j]!;
        const takes = short.code?.includes(l) || short.module?.includes(l) || short.file?.includes(l) || short.value?.includes(l);
        if (!takes) continue;
        if (short.code?.includes(l) || short.module?.includes(l)) return undefined;
        const value = j + 1 < a.length ? { ...words[i]!, value: a.slice(j + 1) } : words[++i];
        if (short.file?.includes(l)) return value;
        break;
      }
      continue;
    }
    return spec.programArgument ? undefined : words[i];
  }
  return undefined;
}

/** A cheap test before taking `${…}` apart: subscripts, `:`, `!`, `@P` and `=` are what can evaluate. */
function mayEvaluate(raw: string): boolean {
  return raw.charCodeAt(2) === 33 /* ! */ || raw.includes('[') || raw.includes(':') || raw.includes('@') || raw.includes('=');
}

/** A cheap test before the table lookups: only these words can name a descriptor. */
function maybeStdinFile(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c === 60 /* < */) return v.charCodeAt(1) === 40; /* ( */
  return c === 47 /* / */ && (v.startsWith('/dev/') || v.startsWith('/proc/'));
}

/** `bash <(curl …)`, `python3 /dev/stdin`, `source /dev/fd/0`, `. -- <(…)`: a program read from a descriptor. */
function markStdinOperands(segments: readonly Segment[]): void {
  for (const s of segments) {
    const words = s.words;
    let any = false;
    for (let k = 1; k < words.length && !any; k++) any = maybeStdinFile(words[k]!.value);
    const head = words[0];
    if (!any || !head || head.dynamic) continue;
    const name = basename(head.value);
    let file: SegmentWord | undefined;
    const shell = shellSpec(name);
    if (shell) file = shellProgram(s.words, shell);
    else if (name === 'source' || name === '.') {
      // `source /dev/stdin` and `source <(…)` already carry `eval` (wrappers.ts); the rest is here.
      if (s.reasons.some((r) => r.id === 'eval')) continue;
      file = s.words[1]?.value === '--' ? s.words[2] : s.words[1];
    } else {
      const spec = interpreterSpec(name);
      if (spec) file = interpreterProgram(s.words, spec);
    }
    if (file && isStdinFile(file.value)) {
      addReason(s, 'stdin-script', `${name} reads its program from "${short(file.value)}", standard input or a descriptor the command line does not show`);
    }
  }
}

// ---- redirections of standard input (bash manual §3.6) -------------------------------------

const REDIRECT_OP = /^([0-9]*|\{[A-Za-z_][A-Za-z0-9_]*\})(<<<|<<-|<<|<>|<&|>&|>>|>\||&>>|&>|<|>)$/;

/** What file descriptor 0 of a command is after its redirections; null when they leave it alone. */
type Fd0 = null | { kind: 'text' | 'file' | 'closed'; r: A.Redirect } | { kind: 'dup'; fd: string } | { kind: 'data'; what: string };

/**
 * Whether the words are `exec` with options only, no command (`exec`, `exec --`, `exec -a name`,
 * `command exec`): its redirections then stay in effect for the shell (bash manual §4.1 exec; bash
 * keeps them for `command exec` too, unlike `builtin exec`).
 */
function execWithoutCommand(values: readonly string[]): boolean {
  let i = 0;
  if (values[i] === 'command') {
    i++;
    if (values[i] === '--') i++;
  }
  if (values[i] !== 'exec') return false;
  i++;
  while (i < values.length) {
    const v = values[i]!;
    if (v === '--') return i + 1 >= values.length;
    if (/^-[cl]*a$/.test(v)) i += 2;
    else if (/^-[cl]+$/.test(v)) i++;
    else return false;
  }
  return true;
}

const loopExecMemo = new WeakMap<A.List, boolean>();

/**
 * Whether a list replaces the main shell's standard input with `exec <…` (not /dev/null, not a
 * closed input): a loop body that does makes its earlier commands read that input on the next
 * round. Only commands of the main shell count: not those in a subshell, a pipeline of several
 * commands, a function body or a coprocess. Remembered per list, so nested loops cost one scan.
 */
function listExecsStdin(l: A.List): boolean {
  const known = loopExecMemo.get(l);
  if (known !== undefined) return known;
  const found = l.items.some((item) => item.pipelines.some((p) => p.commands.length === 1 && commandExecsStdin(p.commands[0]!)));
  loopExecMemo.set(l, found);
  return found;
}

function commandExecsStdin(cmd: A.Command): boolean {
  switch (cmd.type) {
    case 'simple': {
      if (cmd.words.some(isDynamicWord) || !execWithoutCommand(cmd.words.map(wordValue))) return false;
      const fd0 = fd0Of(cmd.redirects);
      if (fd0 === null || fd0.kind === 'closed') return false;
      return !(fd0.kind === 'file' && wordValue(fd0.r.target) === '/dev/null');
    }
    case 'group':
      return listExecsStdin(cmd.body);
    case 'if':
      return cmd.clauses.some((cl) => listExecsStdin(cl.cond) || listExecsStdin(cl.body)) || (cmd.elseBody !== undefined && listExecsStdin(cmd.elseBody));
    case 'while':
      return listExecsStdin(cmd.cond) || listExecsStdin(cmd.body);
    case 'for':
    case 'arithfor':
      return listExecsStdin(cmd.body);
    case 'case':
      return cmd.items.some((item) => item.body !== undefined && listExecsStdin(item.body));
    default:
      return false; // subshells, coprocesses and function bodies have a standard input of their own
  }
}

/** The standard input every command of a loop may read when an `exec <…` in it replaces the shell's. */
const LOOP_EXEC_STDIN: StdinSource = { what: 'the input an exec later in this loop gives the shell, when the loop runs again' };

function fd0Of(redirects: readonly A.Redirect[]): Fd0 {
  // Most redirections are output only (`> f`, `2>&1`): nothing to resolve.
  let input = false;
  for (const r of redirects) if (r.op.includes('<') || r.op.charCodeAt(0) === 48 /* 0 */) input = true;
  if (!input) return null;
  let fd0: Fd0 = null;
  let others: Map<string, Fd0> | null = null;
  for (const r of redirects) {
    const m = REDIRECT_OP.exec(r.op);
    if (!m) continue;
    const fdText = m[1]!;
    const op = m[2]!;
    if (fdText.startsWith('{') || op === '&>' || op === '&>>') continue; // a new descriptor; stdout and stderr
    const fd = fdText || (op.startsWith('<') ? '0' : '1');
    let src: Fd0;
    if (op === '<<' || op === '<<-' || op === '<<<') src = { kind: 'text', r };
    else if (op === '<&' || op === '>&') {
      const t = wordValue(r.target);
      if (t === '-') src = { kind: 'closed', r };
      else if (/^[0-9]+-?$/.test(t)) {
        const from = t.replace('-', '');
        src = from === '0' ? fd0 : others?.has(from) ? others.get(from)! : { kind: 'dup', fd: from };
      } else if (/[$`]/.test(t)) src = { kind: 'dup', fd: `"${short(t)}"` };
      else src = { kind: 'file', r };
    } else if (op === '<' || op === '<>') {
      // `< <(curl …)` is a pipe; `< /dev/fd/3` is `<&3` (bash manual §3.6: bash opens these itself).
      const t = wordValue(r.target);
      const d = descriptorOf(t);
      if (t.startsWith('<(')) src = { kind: 'data', what: 'a process substitution' };
      else if (d === '0') src = fd0;
      else if (d !== undefined) src = others?.has(d) ? others.get(d)! : { kind: 'dup', fd: d };
      else src = { kind: 'file', r };
    } else src = { kind: 'file', r };
    if (fd === '0') fd0 = src;
    else (others ??= new Map()).set(fd, src);
  }
  return fd0;
}

/** A redirection that can set fd 0: an input operator, or any operator on fd 0. */
function isInput(r: A.Redirect): boolean {
  return r.op.charCodeAt(0) === 48 /* 0 */ || REDIRECT_OP.exec(r.op)?.[2]?.startsWith('<') === true;
}

/** A here-document or here-string redirection as if it were on fd 0 of the command. */
function onStdin(r: A.Redirect): A.Redirect {
  const op = r.heredoc ? (r.heredoc.stripTabs ? '<<-' : '<<') : '<<<';
  return r.op === op ? r : { ...r, op };
}

/** What a command's own redirections and its surroundings give the hooks as standard input. */
interface StdinView {
  info: SegmentInfo;
  /** A shell reading this runs the text of a heredoc or here-string. */
  fed: boolean;
}

/** The builtins whose arguments change or evaluate the shell's state, by how they are read. */
const STATE_BUILTINS = new Map<string, 'name' | 'declaration' | 'test' | 'lookup' | 'trap' | 'eval' | 'exec'>([
  ...Object.keys(NAME_BUILTINS).map((k) => [k, 'name'] as const),
  ...Object.keys(DECLARATION_OPTIONS).map((k) => [k, 'declaration'] as const),
  ...Object.keys(LOOKUP_BUILTINS).map((k) => [k, 'lookup'] as const),
  ['test', 'test'],
  ['[', 'test'],
  ['trap', 'trap'],
  ['eval', 'eval'],
  ['exec', 'exec'],
]);

// ---- the walk ------------------------------------------------------------------------------

class Walker {
  /** The segment of the simple command whose words are walked; null in compound commands and substitutions. */
  private current: Segment | null = null;
  /** Standard input from an enclosing compound command's redirection or pipe, or a function's caller. */
  private stdin: StdinSource | null = null;
  /** Flat [start, end, …]: regions whose assignments are not sure to have run outside them. */
  private readonly uncertain: number[] = [];
  /** Flat [start, end, …]: loops and function bodies around the walk, which can run again. */
  private readonly repeat: number[] = [];
  /** The outermost of them, [start, end], shared by every assignment inside. */
  private outer: number[] | null = null;

  constructor(
    private readonly out: Segment[],
    private readonly sink: SegmentSink,
    private readonly hooks: SegmentHooks,
    private readonly state: ScriptState | null,
    private readonly depth: number,
  ) {}

  list(list: A.List, ctx: ContextId[]): void {
    for (const item of list.items) this.andOr(item, ctx);
  }

  inherit(stdin: StdinSource | null): void {
    this.stdin = stdin;
  }

  private andOr(a: A.AndOr, ctx: ContextId[]): void {
    let c = ctx;
    if (a.pipelines.length > 1) c = [...c, 'and-or'];
    if (a.background) c = [...c, 'background'];
    const st = this.state;
    if (st && a.background) this.uncertain.push(a.start, a.end);
    for (let k = 0; k < a.pipelines.length; k++) {
      const p = a.pipelines[k]!;
      // Only the first pipeline of `a && b || c` is sure to run; every stage of a pipeline runs in a subshell.
      if (st && k > 0) this.uncertain.push(p.start, p.end);
      const multi = p.commands.length > 1;
      const pc: ContextId[] = multi ? [...c, 'pipeline'] : c;
      for (let i = 0; i < p.commands.length; i++) {
        const cmd = p.commands[i]!;
        if (st && multi) this.uncertain.push(cmd.start, cmd.end);
        this.command(cmd, pc, i > 0);
        if (st && multi) this.uncertain.length -= 2;
      }
      if (st && k > 0) this.uncertain.length -= 2;
    }
    if (st && a.background) this.uncertain.length -= 2;
  }

  private redirects(rs: A.Redirect[], ctx: ContextId[]): void {
    for (const r of rs) {
      if (r.heredoc) {
        if (!r.heredoc.quoted) this.parts(r.heredoc.parts, [...ctx, 'heredoc']);
      } else {
        this.parts(r.target.parts, [...ctx, r.op.endsWith('<<<') ? 'here-string' : 'redirect']);
      }
    }
  }

  /**
   * Before a loop: when an `exec <…` in it replaces the shell's standard input, every command of
   * the loop may read that input (on the next round), so the loop is walked with it from the start.
   */
  private loopStdin(lists: readonly A.List[]): void {
    const st = this.state;
    if (!st || !lists.some(listExecsStdin)) return;
    st.execStdin = LOOP_EXEC_STDIN;
    // Also over the loop's own redirection (`done </dev/null`): bash applies it once, and the
    // exec replaces it for the rounds after.
    this.stdin = LOOP_EXEC_STDIN;
  }

  private enter(stack: number[], start: number, end: number): void {
    if (!this.state) return;
    if (stack === this.repeat && stack.length === 0) this.outer = [start, end];
    stack.push(start, end);
  }

  private leave(stack: number[]): void {
    if (!this.state) return;
    stack.length -= 2;
    if (stack === this.repeat && stack.length === 0) this.outer = null;
  }

  command(cmd: A.Command, ctx: ContextId[], piped = false): void {
    if (cmd.type === 'simple') {
      this.simple(cmd, ctx, piped);
      return;
    }
    const st = this.state;
    const saveCurrent = this.current;
    const saveStdin = this.stdin;
    const saveExec = st?.execStdin ?? null;
    this.current = null;
    if (st) this.stdin = this.compoundStdin(cmd, piped) ?? this.stdin;
    switch (cmd.type) {
      case 'subshell':
        this.enter(this.uncertain, cmd.start, cmd.end);
        this.list(cmd.body, [...ctx, 'subshell']);
        this.leave(this.uncertain);
        break;
      case 'group':
        this.list(cmd.body, [...ctx, 'group']);
        break;
      case 'if': {
        const c: ContextId[] = [...ctx, 'if'];
        cmd.clauses.forEach((cl, k) => {
          this.list(cl.cond, c);
          // Only the first condition is sure to run.
          if (k === 0) this.enter(this.uncertain, cl.cond.end, cmd.end);
          this.list(cl.body, c);
        });
        if (cmd.elseBody) this.list(cmd.elseBody, c);
        if (cmd.clauses.length > 0) this.leave(this.uncertain);
        break;
      }
      case 'while': {
        const c: ContextId[] = [...ctx, 'loop'];
        this.loopStdin([cmd.cond, cmd.body]);
        this.enter(this.repeat, cmd.start, cmd.end);
        this.list(cmd.cond, c);
        this.enter(this.uncertain, cmd.cond.end, cmd.end);
        this.list(cmd.body, c);
        this.leave(this.uncertain);
        this.leave(this.repeat);
        break;
      }
      case 'for': {
        const c: ContextId[] = [...ctx, 'loop'];
        for (const w of cmd.items ?? []) this.parts(w.parts, c);
        this.loopStdin([cmd.body]);
        this.enter(this.repeat, cmd.start, cmd.end);
        this.enter(this.uncertain, cmd.name.start, cmd.end);
        if (st) this.loopVariable(cmd);
        this.list(cmd.body, c);
        this.leave(this.uncertain);
        this.leave(this.repeat);
        break;
      }
      case 'arithfor': {
        const c: ContextId[] = [...ctx, 'loop'];
        this.loopStdin([cmd.body]);
        this.enter(this.repeat, cmd.start, cmd.end);
        const from = this.out.length;
        this.parts(cmd.header.parts, [...c, 'arithmetic']);
        if (st) {
          // The init expression runs once, for sure; the test and the update run per iteration (bash manual §3.2.5.1).
          const inner = cmd.header.raw.slice(2, -2);
          const semi = inner.indexOf(';');
          this.arithUse(inner, cmd.header.start + 2, cmd.header.raw, c, from, cmd.header.start, cmd.end, semi < 0 ? Infinity : cmd.header.start + 2 + semi);
        }
        this.enter(this.uncertain, cmd.header.end, cmd.end);
        this.list(cmd.body, c);
        this.leave(this.uncertain);
        this.leave(this.repeat);
        break;
      }
      case 'case': {
        const c: ContextId[] = [...ctx, 'case'];
        this.parts(cmd.word.parts, c);
        this.enter(this.uncertain, cmd.word.end, cmd.end);
        for (const item of cmd.items) {
          for (const p of item.patterns) this.parts(p.parts, c);
          if (item.body) this.list(item.body, c);
        }
        this.leave(this.uncertain);
        break;
      }
      case 'dbracket': {
        const c: ContextId[] = [...ctx, 'test'];
        const from = this.out.length;
        for (const w of cmd.words) this.parts(w.parts, c);
        if (st) this.conditional(cmd, ctx, from);
        break;
      }
      case 'arith-command': {
        const from = this.out.length;
        this.parts(cmd.expr.parts, [...ctx, 'arithmetic']);
        if (st) this.arithUse(cmd.expr.raw.slice(2, -2), cmd.expr.start + 2, cmd.expr.raw, ctx, from, cmd.expr.start, cmd.expr.end);
        break;
      }
      case 'function':
        // The body runs when the function is called, as often as it is called, with the caller's standard input.
        this.enter(this.repeat, cmd.body.start, cmd.body.end);
        this.enter(this.uncertain, cmd.body.start, cmd.body.end);
        if (st) this.stdin = { what: "the standard input of the function's caller" };
        this.command(cmd.body, [...ctx, 'function']);
        this.leave(this.uncertain);
        this.leave(this.repeat);
        break;
      case 'coproc':
        this.enter(this.uncertain, cmd.start, cmd.end);
        if (st) this.stdin = { what: 'the coprocess pipe, which the script writes to' };
        this.command(cmd.body, [...ctx, 'coproc']);
        this.leave(this.uncertain);
        break;
    }
    this.stdin = saveStdin;
    if (st && (cmd.type === 'subshell' || cmd.type === 'coproc')) st.execStdin = saveExec;
    if ('redirects' in cmd) this.redirects(cmd.redirects, ctx);
    this.current = saveCurrent;
  }

  private simple(cmd: A.SimpleCommand, ctx: ContextId[], piped: boolean): void {
    const st = this.state;
    const saveCurrent = this.current;
    let seg: Segment | null = null;
    if (cmd.words.length > 0) {
      const words = cmd.words.map(segmentWord);
      seg = {
        argv: words.map((w) => w.value),
        words,
        assigns: cmd.assigns.map(wordValue),
        redirects: cmd.redirects.map(redirectOf),
        context: ctx,
        dynamic: words.some((w) => w.dynamic),
        reasons: [],
        start: cmd.start,
        end: cmd.end,
      };
      this.sink.push(seg);
      const view = st ? this.stdinView(cmd, piped) : null;
      if (this.hooks.segment) {
        const mark = this.out.length;
        const save = hookStdin;
        if (st) hookStdin = view ? (view.fed ? { what: 'the rest of the heredoc or here-string its shell reads' } : view.info.piped ? { what: view.info.stdinFrom ?? 'a pipe' } : null) : piped ? { what: 'a pipe' } : null;
        try {
          this.hooks.segment(seg, view ? view.info : { command: cmd, piped }, this.sink);
        } finally {
          hookStdin = save;
        }
        // Only when the hooks added segments (wrapped, parsed) or stdin is inherited is there more to do.
        if (st && (view !== null || this.out.length > mark)) this.afterHook(seg, mark, view);
      }
      if (st) this.commandState(seg, cmd);
    } else if (this.hooks.assignment) {
      for (const a of cmd.assigns) if (a.assign) this.hooks.assignment(a.assign.name, a);
    }
    this.current = seg;
    for (const a of cmd.assigns) this.assignment(a, ctx, seg === null);
    for (const w of cmd.words) {
      if (w.assign) this.assignment(w, ctx, false);
      else this.parts(w.parts, ctx);
    }
    this.redirects(cmd.redirects, ctx);
    this.current = saveCurrent;
  }

  private assignment(w: A.Word, ctx: ContextId[], bare: boolean): void {
    const c: ContextId[] = [...ctx, 'assignment'];
    const a = w.assign;
    if (!a) {
      this.parts(w.parts, c);
      return;
    }
    const from = this.out.length;
    if (a.subscript) this.parts(a.subscript, [...c, 'arithmetic']);
    this.parts(a.value, c);
    for (const el of a.array ?? []) this.parts(el.parts, [...c, 'array']);
    if (this.state) this.assignState(w, a, c, from, bare);
  }

  parts(parts: A.WordPart[], ctx: ContextId[]): void {
    for (const p of parts) {
      switch (p.type) {
        case 'lit':
          for (const el of p.array ?? []) this.parts(el.parts, [...ctx, 'array']);
          break;
        case 'dbl':
          this.parts(p.parts, ctx);
          break;
        case 'param': {
          const from = this.out.length;
          if (p.nested.length > 0) this.parts(p.nested, [...ctx, 'parameter-expansion']);
          // `${` with something more than a name: subscripts, substrings, indirection, transformations.
          if (this.state && p.raw.charCodeAt(1) === 123 && mayEvaluate(p.raw)) this.paramState(p, ctx, from);
          break;
        }
        case 'arith': {
          const from = this.out.length;
          this.parts(p.parts, [...ctx, 'arithmetic']);
          if (this.state) {
            const skip = p.raw.startsWith('$((') ? 3 : 2;
            this.arithUse(p.raw.slice(skip, skip === 3 ? -2 : -1), p.start + skip, p.raw, ctx, from, p.start, p.end);
          }
          break;
        }
        case 'cmdsubst': {
          const id: ContextId = p.kind === '`' ? 'backtick' : p.kind === '$(' ? 'command-substitution' : 'function-substitution';
          // `$(…)` and backticks run in a subshell; bash 5.3 `${ …; }` runs in the current shell.
          const sub = p.kind === '`' || p.kind === '$(';
          this.nested(p.body.body, [...ctx, id], sub, p.start, p.end);
          break;
        }
        case 'procsubst':
          this.nested(p.body.body, [...ctx, 'process-substitution'], true, p.start, p.end);
          break;
      }
    }
  }

  private nested(body: A.List, ctx: ContextId[], subshell: boolean, start: number, end: number): void {
    const st = this.state;
    const saveCurrent = this.current;
    const saveExec = st?.execStdin ?? null;
    this.current = null;
    if (subshell) this.enter(this.uncertain, start, end);
    this.list(body, ctx);
    if (subshell) this.leave(this.uncertain);
    if (st && subshell) st.execStdin = saveExec;
    this.current = saveCurrent;
  }

  // ---- standard input --------------------------------------------------------------------

  /** The standard input a compound command gives the commands inside it, or null to keep the enclosing one. */
  private compoundStdin(cmd: A.Command, piped: boolean): StdinSource | null {
    const fd0 = 'redirects' in cmd ? fd0Of(cmd.redirects) : null;
    if (fd0 === null) return piped ? { what: 'a pipe' } : null;
    switch (fd0.kind) {
      case 'text':
        return { what: 'a here-document or here-string of an enclosing command', text: fd0.r };
      case 'file': {
        const file = wordValue(fd0.r.target);
        // /dev/null gives nothing to read: no program comes from it.
        if (file === '/dev/null') return { what: '/dev/null', none: true };
        return { what: `the file "${short(file)}" redirected into an enclosing command` };
      }
      case 'closed':
        return { what: 'a closed standard input', none: true };
      case 'dup':
        return { what: `file descriptor ${fd0.fd}, given to an enclosing command` };
      case 'data':
        return { what: `${fd0.what}, given to an enclosing command` };
    }
  }

  /**
   * Standard input as the hooks should see it: the command's own redirections resolved (a
   * duplicated descriptor `0<&3` becomes what fd 3 is), else what it inherits.
   */
  private stdinView(cmd: A.SimpleCommand, piped: boolean): StdinView | null {
    const rs = cmd.redirects;
    const fd0 = rs.length > 0 ? fd0Of(rs) : null;
    if (fd0 === null) {
      const enc = this.stdin ?? this.state!.execStdin;
      // `< /dev/stdin`, `0<&0`: input redirections that leave fd 0 as it was, hidden from the hooks.
      const own = rs.length > 0 && rs.some(isInput);
      const command = own ? { ...cmd, redirects: rs.filter((r) => !isInput(r)) } : cmd;
      if (enc?.none) return { info: { command, piped, stdinNone: true }, fed: false };
      if (!enc) return own ? { info: { command, piped }, fed: false } : null;
      if (enc.text) return { info: { command: { ...cmd, redirects: [onStdin(enc.text)] }, piped, stdinFrom: enc.what }, fed: true };
      return { info: { command, piped: true, stdinFrom: enc.what }, fed: false };
    }
    // The hooks read the last input redirection: when that is fd 0's, they need no help.
    const plain = rs.filter(isInput).length === 1;
    switch (fd0.kind) {
      case 'text':
        return { info: { command: plain && onStdin(fd0.r) === fd0.r ? cmd : { ...cmd, redirects: [onStdin(fd0.r)] }, piped }, fed: true };
      case 'file':
      case 'closed':
        if (plain && /^0?<>?$/.test(fd0.r.op)) return null;
        return { info: { command: { ...cmd, redirects: [{ ...fd0.r, op: fd0.kind === 'file' ? '<' : '<&' }] }, piped: false }, fed: false };
      case 'dup':
      case 'data':
        return { info: { command: { ...cmd, redirects: rs.filter((r) => !isInput(r)) }, piped: true, stdinFrom: fd0.kind === 'dup' ? `file descriptor ${fd0.fd}` : fd0.what }, fed: false };
    }
  }

  /** After the hooks: precise stdin messages, `stdin-script` on shells fed a heredoc, state of wrapped builtins. */
  private afterHook(seg: Segment, mark: number, view: StdinView | null): void {
    const from = view?.info.stdinFrom;
    let fed = view?.fed === true;
    const base = seg.context.length;
    let runner = own(BUILTIN_RUNNERS, seg.argv[0] ?? '') !== undefined && !seg.words[0]!.dynamic;
    let depth = base + 1;
    for (let k = mark - 1; k < this.out.length; k++) {
      const s = k < mark ? seg : this.out[k]!;
      if (k >= mark && s.context.length === depth && s.context[depth - 1] === 'wrapped') {
        // `command read x`, `builtin printf -v …`: the builtin runs in this shell.
        if (runner) this.commandState(s, null);
        runner = own(BUILTIN_RUNNERS, s.argv[0] ?? '') !== undefined && !s.words[0]!.dynamic;
        depth++;
      }
      if (from && from !== 'a pipe' && (s === seg || s.context.slice(base).every((c) => c === 'wrapped'))) {
        s.reasons.forEach((r, i) => {
          if (r.id === 'stdin-script' && r.message.includes('from a pipe')) s.reasons[i] = { id: r.id, message: r.message.replace('from a pipe', `from ${from}`) };
        });
      }
      if (fed && k >= mark) {
        // A shell whose heredoc the hooks parsed: its segments sit in `wrapped > heredoc`. One
        // command has one standard input, so the first such segment finds the shell.
        const c = s.context;
        for (let j = base + 1; j < c.length; j++) {
          if (c[j] !== 'heredoc' || c[j - 1] !== 'wrapped') continue;
          for (let q = k - 1; q >= mark - 1; q--) {
            const sh = q < mark ? seg : this.out[q]!;
            const n = sh.context.length;
            const fits = (n === j && sh.context[j - 1] === 'wrapped') || (n === j - 1 && sh.context[j - 2] !== 'wrapped');
            if (!fits || sh.words[0]?.dynamic) continue;
            const name = basename(sh.argv[0] ?? '');
            if (shellSpec(name)) {
              // `dynamic-script` already says the shell runs a heredoc with expansions.
              if (!sh.reasons.some((r) => r.id === 'dynamic-script')) addReason(sh, 'stdin-script', `${name} reads its program from standard input, here the text of a heredoc or here-string; escalint shows the commands it parsed from it`);
              break;
            }
          }
          fed = false;
          break;
        }
      }
    }
  }

  // ---- state of simple commands ----------------------------------------------------------

  /** What a simple command does to the shell's state (bash manual §4.1, §4.2). `cmd` is null for a wrapped builtin. */
  private commandState(seg: Segment, cmd: A.SimpleCommand | null): void {
    const head = seg.words[0];
    if (!head || head.dynamic) return;
    const name = head.value;
    const kind = STATE_BUILTINS.get(name);
    if (kind === 'name') this.nameBuiltin(seg, name, own<NameBuiltin>(NAME_BUILTINS, name)!);
    else if (kind === 'declaration') this.declaration(seg, name);
    else if (kind === 'test') {
      const ws = seg.words;
      for (let k = 1; k + 1 < ws.length; k++) if (ws[k]!.value === '-v') this.nameUse(seg, name, ws[k + 1]!, false);
    } else if (kind === 'lookup') this.lookup(seg, name);
    else if (kind === 'trap') this.trapState(seg);
    else if (kind === 'eval' && seg.words.length > 1 && !seg.words.some((w) => w.dynamic)) {
      // A literal eval runs its text in this shell (bash manual §4.1): what it sets stays set.
      this.scriptEffects(seg, seg.words.slice(1).map((w) => w.value).join(' '), 'by eval');
    }
    if (cmd && (name === 'exec' || name === 'command') && seg.words.every((w) => !w.dynamic) && execWithoutCommand(seg.words.map((w) => w.value))) {
      // `exec <file` (also `exec -- <file`, `command exec <file`): every later command of this
      // shell reads that (bash manual §4.1 exec).
      const fd0 = fd0Of(cmd.redirects);
      if (fd0 !== null) {
        this.state!.execStdin =
          fd0.kind === 'file' && wordValue(fd0.r.target) === '/dev/null'
            ? { what: '/dev/null', none: true }
            : fd0.kind === 'text'
            ? { what: 'a here-document or here-string given to exec earlier in the script', text: fd0.r }
            : fd0.kind === 'closed'
              ? { what: 'a closed standard input', none: true }
              : { what: fd0.kind === 'dup' ? `file descriptor ${fd0.fd}, given to exec earlier in the script` : fd0.kind === 'data' ? `${fd0.what}, given to exec earlier in the script` : 'the input given to exec earlier in the script' };
      }
    }
    if (!cmd || (kind === undefined && cmd.assigns.length === 0)) return;
    if (cmd.assigns.length > 0 && own(SPECIAL_BUILTINS, name)) {
      // In POSIX mode (sh, set -o posix) assignments before a special builtin stay in effect (bash manual §4.4).
      for (const a of cmd.assigns) {
        const why = a.assign ? dangerousVariable(a.assign.name) : undefined;
        if (why) this.effect(a.start, null, `${a.assign!.name} is set before the special builtin "${name}", which keeps it in POSIX mode,`, `it ${why}`);
      }
    }
  }

  private effect(at: number, names: readonly string[] | null, what: string, why: string): void {
    this.state!.effects.push({ at, repeat: this.outerRepeat(), names, what, why });
  }

  private outerRepeat(): number[] | null {
    return this.outer;
  }

  private uncertainNow(extra?: readonly number[]): number[] | null {
    if (this.uncertain.length === 0 && !extra) return null;
    return extra ? [...this.uncertain, ...extra] : this.uncertain.slice();
  }

  private assign(name: string | null, value: ValueKind, at: number, site: Site | null, how: string, extra?: readonly number[], append = false): void {
    this.state!.addAssign({ name, value, at, regions: this.uncertainNow(extra), repeat: this.outerRepeat(), site, how, append });
  }

  private site(from: number, text: string, start: number, end: number, ctx: readonly ContextId[]): Site {
    const cur = this.current;
    return { seg: cur, inner: cur || this.out.length === from ? NONE : this.out.slice(from), text, word: undefined, start, end, ctx };
  }

  private use(findings: EvalFinding[], what: string, site: Site, once = false): void {
    if (findings.some((f) => f.kind !== 'assign')) this.state!.uses.push({ findings, what, site, once });
  }

  /** An arithmetic expression: what it reads is a use, what it assigns is a number. `sureUntil`: assignments before it run for sure. */
  private arithUse(text: string, base: number, what: string, ctx: readonly ContextId[], from: number, start: number, end: number, sureUntil = Infinity): void {
    const findings: EvalFinding[] = [];
    scanArithmetic(text, base, findings);
    if (findings.length === 0) return;
    for (const f of findings) {
      if (f.kind !== 'assign') continue;
      const sure = f.certain && f.at < sureUntil;
      this.assign(f.name, { kind: 'number' }, f.at, null, 'arithmetic', sure ? undefined : [f.at, end]);
    }
    this.use(findings, what, this.site(from, what, start, end, ctx));
  }

  /** `[[ a -eq b ]]` evaluates both operands as arithmetic; `[[ -v name ]]` evaluates the name (bash manual §6.4). */
  private conditional(cmd: A.DBracket, ctx: readonly ContextId[], from: number): void {
    const ws = cmd.words;
    let findings: EvalFinding[] | null = null;
    for (let k = 0; k < ws.length; k++) {
      const w = ws[k]!;
      const p = w.parts[0];
      if (w.parts.length !== 1 || p?.type !== 'lit' || p.quoted) continue;
      if (own(ARITHMETIC_TEST_OPERATORS, p.value)) {
        findings ??= [];
        if (k > 0) scanArithmetic(wordValue(ws[k - 1]!), ws[k - 1]!.start, findings);
        if (k + 1 < ws.length) scanArithmetic(wordValue(ws[k + 1]!), ws[k + 1]!.start, findings);
      } else if (p.value === '-v' && k + 1 < ws.length) {
        findings ??= [];
        scanName(wordValue(ws[k + 1]!), ws[k + 1]!.start, findings);
      }
    }
    if (!findings || findings.length === 0) return;
    const text = `[[ ${ws.map(wordValue).join(' ')} ]]`;
    this.use(findings, text, this.site(from, text, cmd.start, cmd.end, ctx));
  }

  /** `${a[i]}`, `${s:off:len}`, `${!x}`, `${x@P}`, `${x:=v}` (bash manual §3.5.3). */
  private paramState(p: A.Param, ctx: readonly ContextId[], from: number): void {
    const pt = parseParamText(p.raw);
    if (!pt) return;
    const sub = pt.subscript !== null && pt.subscript !== '@' && pt.subscript !== '*';
    const named = /^[A-Za-z_]/.test(pt.name);
    if (!sub && pt.op !== ':' && !pt.indirect && pt.op !== '@P' && pt.op !== ':=' && pt.op !== '=') return;
    const findings: EvalFinding[] = [];
    if (sub) scanArithmetic(pt.subscript!, p.start + pt.subAt, findings, pt.name);
    if (pt.op === ':') {
      const [offset, length] = splitSubstring(pt.operand);
      scanArithmetic(offset, p.start + pt.operandAt, findings);
      if (length !== null) scanArithmetic(length, p.start + pt.operandAt + offset.length + 1, findings);
    }
    if (pt.indirect) {
      findings.push(named ? { kind: 'read', name: pt.name, at: p.start, under: null, certain: false, need: 'name' } : { kind: 'unknown', name: p.raw, at: p.start, under: null, certain: false, need: 'name' });
    }
    if (pt.op === '@P') {
      findings.push(named ? { kind: 'read', name: pt.name, at: p.start, under: null, certain: false, need: 'prompt' } : { kind: 'unknown', name: p.raw, at: p.start, under: null, certain: false, need: 'prompt' });
    }
    if ((pt.op === ':=' || pt.op === '=') && named && !sub) this.assign(pt.name, textValueKind(pt.operand), p.start, null, `\${${pt.name}${pt.op}…}`, [p.start, p.end]);
    this.use(findings, p.raw, this.site(from, p.raw, p.start, p.end, ctx), sub && findings.every((f) => f.under === pt.name));
  }

  /** `NAME=value`, `a[i]=v`, `a=(…)`: subscripts are arithmetic; a bare assignment sets a shell variable. */
  private assignState(w: A.Word, a: A.Assignment, ctx: readonly ContextId[], from: number, bare: boolean): void {
    const findings: EvalFinding[] = [];
    if (a.subscript) scanArithmetic(partsValue(a.subscript), w.start + a.name.length + 1, findings, a.name);
    for (const el of a.array ?? []) {
      const v = wordValue(el);
      const close = v.startsWith('[') ? matchClose(v, 0) : -1;
      if (close > 0 && v[close + 1] === '=') scanArithmetic(v.slice(1, close), el.start + 1, findings, a.name);
    }
    if (findings.length === 0 && !bare) return;
    const site = this.site(from, '', w.start, w.end, ctx);
    site.word = w;
    if (findings.length > 0) this.use(findings, wordValue(w), site, true);
    if (!bare) return;
    if (a.array) {
      if (a.array.length === 0) this.assign(a.name, { kind: 'literal', text: '' }, w.start, site, 'the assignment');
      for (const el of a.array) this.assign(a.name, elementKind(el), w.start, site, 'the assignment');
    } else {
      this.assign(a.name, valueKind(a.value), w.start, site, 'the assignment', undefined, a.op === '+=');
    }
  }

  /** `for NAME in WORDS`: NAME is assigned each word, before each run of the body. */
  private loopVariable(cmd: A.ForClause): void {
    const name = wordValue(cmd.name);
    const site: Site = { seg: null, inner: NONE, text: `for ${name}`, start: cmd.name.start, end: cmd.name.end, ctx: [] };
    const how = cmd.select ? 'select' : 'for';
    if (!cmd.items) {
      this.assign(name, { kind: 'unknown', why: '"$@"' }, cmd.name.start, site, how);
      return;
    }
    if (cmd.select) {
      this.assign(name, { kind: 'unknown', why: 'the choice read by select' }, cmd.name.start, site, how);
      return;
    }
    for (const w of cmd.items) this.assign(name, elementKind(w), cmd.name.start, site, how);
  }

  /** A builtin that assigns or evaluates the variables its arguments name. */
  private nameBuiltin(seg: Segment, name: string, spec: NameBuiltin): void {
    const words = seg.words;
    const targets: SegmentWord[] = [];
    let notVariables = false;
    let i = 1;
    if (spec.getopt === null) {
      if (words[1]?.value === '--') i = 2;
    } else {
      i = getopt(words, spec.getopt, (letter, value) => {
        if (value && spec.targetOptions?.includes(letter)) targets.push(value);
        if (value && spec.callbackOptions?.includes(letter)) {
          addReason(seg, 'runtime-eval', `${name} -${letter} runs "${short(value.value)}" as a shell command later (bash manual §4.2); escalint does not follow it`);
        }
        if (spec.notVariables?.includes(letter)) notVariables = true;
      });
    }
    const operands = words.slice(i);
    switch (spec.operands) {
      case 'assigns':
        targets.push(...operands);
        break;
      case 'array':
        if (operands[0]) targets.push(operands[0]);
        break;
      case 'getopts-name':
        if (operands[1]) targets.push(operands[1]);
        break;
      case 'names':
        if (!notVariables) for (const o of operands) this.nameUse(seg, name, o, false);
        break;
      case 'arithmetic':
        for (const o of operands) {
          const findings: EvalFinding[] = [];
          scanArithmetic(o.value, o.start, findings);
          for (const f of findings) if (f.kind === 'assign') this.assign(f.name, { kind: 'number' }, f.at, null, name, f.certain ? undefined : [f.at, seg.end]);
          this.use(findings, `${name} ${o.value}`, { seg, inner: NONE, text: o.value, start: o.start, end: o.end, ctx: seg.context as ContextId[] });
        }
        break;
      case 'none':
        break;
    }
    for (const t of targets) this.nameUse(seg, name, t, true);
  }

  /** A variable name given to a builtin: what it evaluates, and (when the builtin assigns it) the assignment. */
  private nameUse(seg: Segment, builtin: string, w: SegmentWord, assigns: boolean): void {
    const findings: EvalFinding[] = [];
    scanName(w.value, w.start, findings);
    const site: Site = { seg, inner: NONE, text: w.value, start: w.start, end: w.end, ctx: seg.context as ContextId[] };
    this.use(findings, `${builtin} "${w.value}"`, site);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[|$)/.exec(w.value);
    if (builtin === 'unset' && m) this.state!.unset.add(m[1]!);
    if (!assigns) return;
    const value: ValueKind = builtin === 'wait' ? { kind: 'number' } : { kind: 'unknown', why: `the value ${builtin} assigns` };
    this.assign(m ? m[1]! : null, value, w.start, site, builtin);
  }

  /** `declare`, `local`, `export`, …: attributes and assignments (bash manual §4.2). */
  private declaration(seg: Segment, name: string): void {
    const words = seg.words;
    const family = name === 'declare' || name === 'typeset' || name === 'local';
    let integer = false;
    let assoc = false;
    let nameref = false;
    let functions = false;
    let i = 1;
    for (; i < words.length; i++) {
      const a = words[i]!.value;
      if (a === '--') {
        i++;
        break;
      }
      if (!((a[0] === '-' || a[0] === '+') && a.length > 1)) break;
      const letters = a.slice(1);
      if (a[0] === '-' && family) {
        integer ||= letters.includes('i');
        nameref ||= letters.includes('n');
      }
      if (a[0] === '-' && (family || name === 'readonly')) assoc ||= letters.includes('A');
      functions ||= letters.includes('f') || (family && letters.includes('F'));
    }
    if (functions) return;
    const st = this.state!;
    for (; i < words.length; i++) {
      const w = words[i]!;
      const v = w.value;
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(v);
      let k = m ? m[0].length : 0;
      const findings: EvalFinding[] = [];
      const site: Site = { seg, inner: NONE, text: v, start: w.start, end: w.end, ctx: seg.context as ContextId[] };
      if (m && v[k] === '[') {
        const close = matchClose(v, k);
        if (close > 0) {
          if (!assoc) scanArithmetic(v.slice(k + 1, close), w.start + k + 1, findings, m[0]);
          k = close + 1;
        }
      }
      const rest = v.slice(k);
      if (!m || (rest !== '' && !rest.startsWith('=') && !rest.startsWith('+='))) {
        // The name itself is only known at run time (`declare "$k=$v"`).
        const eq = v.indexOf('=');
        scanName(eq < 0 ? v : v.slice(0, eq), w.start, findings);
        if (findings.length === 0) findings.push({ kind: 'unknown', name: v, at: w.start, under: null, certain: false, need: 'name' });
        this.use(findings, `${name} "${v}"`, site);
        if (eq >= 0 || w.dynamic) this.assign(null, { kind: 'unknown', why: name }, w.start, site, name);
        continue;
      }
      const n = m[0];
      this.use(findings, `${name} "${v}"`, site);
      if (integer) st.integer.add(n);
      if (assoc) st.assoc.add(n);
      if (nameref) {
        // `declare -n r=T`: r names T; the name T is evaluated when r is used (bash manual §3.4).
        const target = rest.startsWith('=') ? rest.slice(1) : '';
        const known = target !== '' && !/[$`]/.test(target);
        st.namerefs.set(n, known ? target.replace(/\[.*$/, '') : null);
        if (target !== '') {
          const tf: EvalFinding[] = [];
          scanName(target, w.start + k + 1, tf);
          this.use(tf, `${name} -n "${v}"`, site);
        }
        continue;
      }
      if (rest === '') {
        if (name === 'local') this.assign(n, { kind: 'literal', text: '' }, w.start, site, name);
        continue;
      }
      const op = rest.startsWith('+=') ? '+=' : '=';
      const valueText = rest.slice(op.length);
      if (valueText.startsWith('(') && valueText.endsWith(')')) {
        for (const el of valueText.slice(1, -1).split(/[ \t\n]+/).filter((x) => x !== '')) this.assign(n, textValueKind(el.replace(/^\[[^\]]*\]=/, '')), w.start, site, name);
      } else {
        this.assign(n, textValueKind(valueText), w.start, site, name, undefined, op === '+=');
      }
    }
  }

  /** `hash -p`, `alias`, `enable`: a command name now runs something else (bash manual §4.1, §4.2, §6.6). */
  private lookup(seg: Segment, name: string): void {
    const words = seg.words;
    const opts = { file: null as string | null, disable: false, remove: false };
    const i = getopt(words, LOOKUP_BUILTINS[name as keyof typeof LOOKUP_BUILTINS].getopt, (letter, value) => {
      if ((letter === 'p' || letter === 'f') && value && name !== 'alias') opts.file = value.value;
      if (letter === 'n') opts.disable = true;
      if (letter === 'd' || letter === 'r') opts.remove = true;
    });
    const { file, disable, remove } = opts;
    const operands = words.slice(i);
    if (name === 'alias') {
      for (const o of operands) {
        const eq = o.value.indexOf('=');
        if (eq <= 0) continue;
        const n = o.value.slice(0, eq);
        const value = o.value.slice(eq + 1);
        // A value ending in a blank makes the next word an alias too (bash manual §6.6): every command may change.
        const names = /[$`]/.test(n) || /[ \t]$/.test(value) ? null : [n];
        this.effect(seg.start, names, `${names ? n : 'a command'} is an alias ("${short(o.value)}")`, 'with expand_aliases on, bash runs the alias text instead (bash manual §6.6)');
      }
      return;
    }
    if (remove || (name === 'hash' && file === null) || (name === 'enable' && file === null && !disable)) return;
    const names = operands.some((o) => o.dynamic) ? null : operands.map((o) => o.value);
    if (names && names.length === 0) return;
    const subject = names ? names.join(', ') : 'a command named at run time';
    if (name === 'hash') this.effect(seg.start, names, `${subject} is bound to "${short(file ?? '')}" by hash -p`, 'it runs that file whatever PATH says (bash manual §4.1)');
    else if (file !== null) this.effect(seg.start, names, `${subject} is a builtin loaded from "${short(file)}" by enable -f`, 'the shared object runs inside the shell (bash manual §4.2)');
    else this.effect(seg.start, names, `the builtin ${subject} is turned off by enable -n`, 'the name now runs a program found in PATH (bash manual §4.2)');
  }

  /** `trap 'PATH=…' DEBUG`: the action runs later, before or between any later commands (bash manual §4.1 trap). */
  private trapState(seg: Segment): void {
    const words = seg.words;
    let i = 1;
    while (i < words.length && /^-[lpP]+$/.test(words[i]!.value)) i++;
    if (words[i]?.value === '--') i++;
    const action = words[i];
    if (!action || i + 1 >= words.length || action.dynamic || action.value === '-' || action.value === '') return;
    this.scriptEffects(seg, action.value, 'by a trap action');
  }

  /**
   * The state changes of a script string this shell runs (a trap action, a literal eval), as
   * effects of the command that gives it. Its segments come from the hooks, which parse it again.
   */
  private scriptEffects(seg: Segment, text: string, via: string): void {
    if (this.depth > 8) return;
    const parsed = parseScript(text, { maxDepth: 64 });
    if (!parsed.ok) return;
    const child = new ScriptState();
    const childOut: Segment[] = [];
    new Walker(childOut, { push: (s) => childOut.push(s) }, {}, child, this.depth + 1).list(parsed.script.body, []);
    for (const e of [...child.variableEffects(), ...child.effects]) this.effect(seg.start, e.names, `${e.what} ${via}`, e.why);
    // `trap 'exec <x.py' DEBUG`, `eval 'exec <x.py'`: the shell's standard input is replaced too.
    if (this.state && child.execStdin && !child.execStdin.none) this.state.execStdin = { what: `the input an exec run ${via} gives the shell` };
  }
}

/** The value a `for` word or an array element gives: globs and brace expansion make it unknown, `{1..9}` is numbers. */
function elementKind(w: A.Word): ValueKind {
  const v = wordValue(w);
  if (/^\{-?[0-9]+\.\.-?[0-9]+(?:\.\.-?[0-9]+)?\}$/.test(v) && w.parts.every((p) => p.type === 'lit' && !p.quoted)) return { kind: 'number' };
  const sub = /^\[[^\]]*\]=/.exec(v);
  if (sub) return textValueKind(v.slice(sub[0].length));
  const one = w.parts.length === 1 && w.parts[0]!.type === 'dbl' ? w.parts[0]!.parts : w.parts;
  if (one.length === 1 && (one[0]!.type === 'param' || one[0]!.type === 'arith' || one[0]!.type === 'cmdsubst')) return valueKind(one);
  return isDynamicWord(w) ? { kind: 'unknown', why: v } : valueKind(w.parts);
}

/**
 * Reads options the way bash's internal_getopt does (builtins/bashgetopt.c): clusters (`-rp`),
 * values attached (`-vNAME`) or in the next word, `--` ends them, `-` alone is an operand.
 * Calls `on` for each option letter with its value; returns the index of the first operand.
 */
function getopt(words: readonly SegmentWord[], spec: string, on: (letter: string, value: SegmentWord | null) => void): number {
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const a = w.value;
    if (a === '--') return i + 1;
    if (!a.startsWith('-') || a.length < 2) return i;
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]!;
      const at = spec.indexOf(letter);
      if (at >= 0 && spec[at + 1] === ':') {
        if (j + 1 < a.length) on(letter, { value: a.slice(j + 1), dynamic: w.dynamic, start: Math.min(w.start + j + 1, w.end), end: w.end });
        else on(letter, words[++i] ?? null);
        break;
      }
      on(letter, null);
    }
  }
  return i;
}
