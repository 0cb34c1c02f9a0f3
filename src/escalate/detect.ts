// Which capabilities a command needs that the sandbox in force does not grant (design.md §8): read
// from the command's segments (parseShell, so `sudo git push`, `bash -lc "npm i"` and `$(curl …)`
// are seen as the commands they run, never by searching the raw text), and from the failing
// output. The tables are src/knowledge/capabilities.ts and src/knowledge/sandbox-failures.ts.
import { posix } from 'node:path';
import {
  CAPABILITIES,
  CAPABILITY_NAMES,
  isHarmlessWriteTarget,
  isNeed,
  isProtectedWorkspaceFolder,
  programNeed,
  subcommandEntry,
  subcommandTable,
  writerSpec,
  type CapabilityName,
  type Need,
  type SubcommandTable,
} from '../knowledge/capabilities.js';
import { globalOptionsOf } from '../knowledge/global-options.js';
import { interpreterSpec } from '../knowledge/interpreters.js';
import { FAILURE_PATTERNS, OUTPUT_NOISE, type FailurePattern } from '../knowledge/sandbox-failures.js';
import { parseShell } from '../shell/parse.js';
import type { Redirect, Segment, SegmentWord } from '../types.js';
import { lookupProgram, programNames } from '../util/program-name.js';
import { grantsOf, type Grants, type SandboxPolicy } from './policy.js';

export interface Capability {
  name: CapabilityName;
  /** What shows the need, quoted from the command or the output. */
  evidence: string;
}

export interface DetectOptions {
  /** The failing output (standard output and error). */
  output?: string;
  policy: SandboxPolicy;
  /** The workspace: the repository root Codex runs in. Writes below it are inside the workspace. */
  root?: string | null;
  /** Where the command runs (absolute); relative write targets resolve against it. Default: `root`. */
  cwd?: string | null;
  /** The home folder, for `~` and `$HOME` in write targets. */
  home?: string | null;
  /** Temporary folders writable in workspace-write (Codex: /tmp and $TMPDIR). Default: ["/tmp"]. */
  tempDirs?: readonly string[];
}

export interface Detection {
  /** What the sandbox does not grant, in the order of CAPABILITIES, each as first found. */
  capabilities: Capability[];
  /** Every failure line of the output, granted or not (with full access they are not the sandbox's). */
  failures: Capability[];
}

/** Evidence longer than this is cut around what matched. */
const MAX_EVIDENCE = 320;

// ---------------------------------------------------------------------------------------------
// Programs and sub-commands.

/** The index of the first word after `program`'s options that start at `i` (`git -C dir push` → push). */
function skipOptions(program: string, words: readonly SegmentWord[], i: number): number {
  const options = globalOptionsOf(program)?.options;
  while (i < words.length) {
    const w = words[i]!.value;
    if (w === '--') return i + 1;
    if (!w.startsWith('-') || w === '-') return i;
    const o = options !== undefined && Object.hasOwn(options, w) ? options[w] : undefined;
    i += o?.takes === 'value' ? 2 : 1;
  }
  return i;
}

/** The module run by `python3 -m MODULE …`: the index of MODULE, or -1. */
function moduleIndex(program: string, words: readonly SegmentWord[]): number {
  const spec = lookupProgram(program, interpreterSpec);
  if (spec?.moduleOptions === undefined) return -1;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!.value;
    if (spec.moduleOptions.includes(w)) return i + 1 < words.length ? i + 1 : -1;
    if (!w.startsWith('-')) return -1; // a script: no module
    if (spec.valueOptions?.includes(w) === true) i++;
  }
  return -1;
}

/** What the command `words` needs, from the program and sub-command tables. */
function commandNeed(words: readonly SegmentWord[], depth = 0): Need | undefined {
  const head = words[0];
  if (head === undefined || head.dynamic || depth > 4) return undefined;
  const module = moduleIndex(head.value, words);
  if (module > 0) return commandNeed(words.slice(module), depth + 1);
  const need = lookupProgram(head.value, programNeed);
  if (need !== undefined) return need;
  const name = programNames(head.value)[0]!;
  let table: SubcommandTable | undefined = lookupProgram(head.value, subcommandTable);
  let i = 1;
  while (table !== undefined) {
    i = skipOptions(name, words, i);
    const w = words[i];
    if (w === undefined || w.dynamic) return undefined;
    const entry = subcommandEntry(table, w.value);
    if (entry === undefined) return undefined;
    if (isNeed(entry)) return entry;
    table = entry;
    i++;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Writes.

interface Places {
  grants: Grants;
  /** The workspace root, or null when unknown. */
  workspace: string | null;
  cwd: string | null;
  home: string | null;
  writable: string[];
}

function isUnder(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/**
 * The absolute path a write target names; `unknown` when it cannot be known (a variable other than
 * HOME, or a relative path with no folder to resolve it against); `home` for a path under a home
 * folder that is not known; `harmless` for a target the sandbox does not guard (`/dev/null`).
 */
function targetPath(word: string, dynamic: boolean, p: Places): string | 'unknown' | 'home' | 'harmless' {
  // A quoted `~` is a literal name, and only then is the word not dynamic (bash manual §3.5.2).
  const home = dynamic ? /^(?:~|\$HOME|\$\{HOME\})(?=\/|$)/.exec(word) : null;
  if (home !== null) return p.home === null ? 'home' : posix.resolve(p.home, `.${word.slice(home[0].length)}`);
  if (dynamic) return 'unknown';
  if (word.startsWith('/')) {
    const abs = posix.normalize(word);
    return isHarmlessWriteTarget(abs) ? 'harmless' : abs;
  }
  const base = p.cwd ?? p.workspace;
  return base === null ? 'unknown' : posix.resolve(base, word);
}

/** Whether the sandbox lets the command write `word`. */
function canWrite(word: string, dynamic: boolean, p: Places): boolean {
  if (p.grants.fullAccess) return true;
  const path = targetPath(word, dynamic, p);
  if (path === 'harmless') return true;
  if (!p.grants.writes) return false; // read-only: nothing is writable
  if (path === 'unknown') return true; // taken to be where the command runs
  if (path === 'home') return false; // a workspace is a project folder, never the home folder itself
  if (p.writable.some((d) => isUnder(path, d))) return true;
  if (p.workspace === null) return !word.startsWith('/');
  if (!isUnder(path, p.workspace)) return false;
  const first = path.slice(p.workspace.length).split('/').find((s) => s !== '');
  return first === undefined || !isProtectedWorkspaceFolder(first);
}

/** A redirection that writes a file: `>`, `>>`, `>|`, `&>`, `<>`, `2>`…, and `>&FILE` (not `>&2`). */
function writesFile(r: Redirect): boolean {
  if (!r.op.includes('>')) return false;
  if (r.op.endsWith('&')) return r.op.endsWith('>&') && !/^(?:\d+|-)$/.test(r.target) && !r.dynamic;
  return true;
}

/** The operands of a writer that it writes, with their dynamic flags. */
function writerTargets(words: readonly SegmentWord[]): SegmentWord[] {
  const spec = writerSpec(programNames(words[0]!.value)[0]!);
  if (spec === undefined) return [];
  const operands: SegmentWord[] = [];
  const targets: SegmentWord[] = [];
  let options = true;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (options && w.value === '--') {
      options = false;
    } else if (options && w.value.startsWith('-') && w.value !== '-') {
      const eq = w.value.indexOf('=');
      const name = eq > 0 ? w.value.slice(0, eq) : w.value;
      if (spec.targetOptions?.includes(name) === true) {
        if (eq > 0) targets.push({ ...w, value: w.value.slice(eq + 1) });
        else if (i + 1 < words.length) targets.push(words[++i]!);
      } else if (eq < 0 && spec.valueOptions?.includes(name) === true) {
        i++;
      }
    } else {
      operands.push(w);
    }
  }
  if (spec.assignTargets !== undefined) {
    for (const o of operands) {
      const eq = o.value.indexOf('=');
      if (eq > 0 && spec.assignTargets.includes(o.value.slice(0, eq))) targets.push({ ...o, value: o.value.slice(eq + 1) });
    }
    return targets;
  }
  if (spec.targets === 'all') targets.push(...operands);
  else if (spec.targets === 'after-first') targets.push(...operands.slice(1));
  else if (operands.length >= 2 && targets.length === 0) targets.push(operands[operands.length - 1]!);
  return targets;
}

// ---------------------------------------------------------------------------------------------
// Evidence.

/** Text safe to show: controls, bidi and other invisible characters written as `\uXXXX`; cut when long. */
export function visible(text: string, at = 0): string {
  let t = text;
  if (t.length > MAX_EVIDENCE) {
    const from = Math.max(0, Math.min(at - 40, t.length - MAX_EVIDENCE));
    t = `${from > 0 ? '…' : ''}${t.slice(from, from + MAX_EVIDENCE)}${from + MAX_EVIDENCE < text.length ? '…' : ''}`;
  }
  return t.replace(/\t/g, ' ').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

function wordsText(command: string, words: readonly SegmentWord[]): string {
  return command.slice(words[0]!.start, words[words.length - 1]!.end);
}

/** One line of output that shows a failure, noise removed, and the pattern it matched. */
export interface FailureLine {
  pattern: FailurePattern;
  line: string;
  /** Where the pattern matched in `line`. */
  index: number;
}

/** Every line of `output` that matches a failure pattern (the first pattern that matches it). */
export function failureLines(output: string): FailureLine[] {
  let text = output;
  for (const n of OUTPUT_NOISE) if (n.pattern.global) text = text.replace(n.pattern, '');
  const found: FailureLine[] = [];
  for (let line of text.split(/\r\n|\n|\r/)) {
    for (const n of OUTPUT_NOISE) if (!n.pattern.global) line = line.replace(n.pattern, '');
    line = line.trim();
    for (const pattern of FAILURE_PATTERNS) {
      const m = pattern.pattern.exec(line);
      if (m !== null) {
        found.push({ pattern, line, index: m.index });
        break;
      }
    }
  }
  return found;
}

/**
 * The failures of `output`: the first line that shows each capability (one failure is usually
 * reported several times: `connect … failed: Connection refused`, then `Couldn't connect to server`).
 */
export function outputFailures(output: string): Capability[] {
  const found: Capability[] = [];
  for (const f of failureLines(output)) {
    if (!found.some((c) => c.name === f.pattern.capability)) found.push({ name: f.pattern.capability, evidence: visible(f.line, f.index) });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

function segmentNeeds(command: string, seg: Segment, places: Places): Capability[] {
  const out: Capability[] = [];
  const words = seg.words;
  if (words.length > 0) {
    const need = commandNeed(words);
    if (need !== undefined) out.push({ name: need.capability, evidence: visible(wordsText(command, words)) });
    for (const t of writerTargets(words)) {
      if (!canWrite(t.value, t.dynamic, places)) {
        out.push({ name: 'write-outside-workspace', evidence: visible(wordsText(command, words)) });
        break;
      }
    }
  }
  for (const r of seg.redirects) {
    if (writesFile(r) && !canWrite(r.target, r.dynamic, places)) {
      out.push({ name: 'write-outside-workspace', evidence: visible(command.slice(r.start, r.end)) });
    }
  }
  return out;
}

function granted(name: CapabilityName, grants: Grants): boolean {
  const grant = CAPABILITIES[name].grant;
  if (grants.fullAccess) return true;
  if (grant === 'network') return grants.network;
  // Only full access grants the rest; a write failure in the output shows a write the sandbox refused.
  return false;
}

/** What `command` needs that the sandbox of `opts.policy` does not grant, with the quoted evidence. */
export function detectCapabilities(command: string, opts: DetectOptions): Detection {
  const grants = grantsOf(opts.policy);
  const workspace = opts.root ?? opts.cwd ?? null;
  const places: Places = {
    grants,
    workspace: workspace === null ? null : posix.normalize(workspace),
    cwd: opts.cwd ?? null,
    home: opts.home ?? null,
    writable: [...(opts.tempDirs ?? ['/tmp']), ...opts.policy.writableRoots].map((d) => posix.normalize(d)),
  };
  const found: Capability[] = [];
  for (const seg of parseShell(command).segments) {
    // A command run on another host (`ssh host 'cmd'`, design.md §10) needs nothing from this sandbox.
    if (seg.context.includes('remote')) continue;
    for (const c of segmentNeeds(command, seg, places)) {
      // segmentNeeds judged each write target against the writable roots already.
      if (c.name === 'write-outside-workspace' || !granted(c.name, grants)) found.push(c);
    }
  }
  const failures = opts.output === undefined ? [] : outputFailures(opts.output);
  for (const f of failures) if (!granted(f.name, grants)) found.push(f);

  const seen = new Set<string>();
  const unique = found.filter((c) => {
    const key = `${c.name}\0${c.evidence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (c: Capability) => CAPABILITY_NAMES.indexOf(c.name);
  // Array.prototype.sort is stable: within a capability, the order found (command, then output).
  return { capabilities: unique.sort((a, b) => rank(a) - rank(b)), failures };
}
