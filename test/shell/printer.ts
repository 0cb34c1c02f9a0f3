// A small model of shell scripts for property tests: fast-check arbitraries that build a script
// model, a printer that writes it as bash text (choosing among equivalent quotings), and the
// segments the printed text must produce: argv after quote removal, assignments, redirections,
// context path and dynamic flag, in source order.
import fc from 'fast-check';
import type { SegView } from './view.js';

// ---- the model ---------------------------------------------------------------------------------

export type Part =
  | { k: 'lit'; v: string; style: number }
  | { k: 'sq'; v: string }
  | { k: 'ansi'; v: string }
  | { k: 'dq'; parts: DqPart[] }
  | { k: 'var'; name: string; braced: boolean }
  | { k: 'param'; name: string; op: string; operand: Operand }
  | { k: 'cs'; body: Script }
  | { k: 'bt'; body: Script }
  | { k: 'arith'; body: Script | null };

export type DqPart = { k: 'lit'; v: string } | { k: 'var'; name: string; braced: boolean } | { k: 'cs'; body: Script } | { k: 'bt'; body: Script } | { k: 'param'; name: string; op: string; operand: Operand };
export type Operand = { k: 'word'; v: string } | { k: 'cs'; body: Script } | { k: 'var'; name: string };
export type Word = Part[];

export interface Simple {
  k: 'simple';
  assigns: { name: string; op: '=' | '+='; value: Word }[];
  name: string;
  args: Word[];
  redirects: { op: string; target: Word }[];
}

export type Command =
  | Simple
  | { k: 'subshell'; body: Script }
  | { k: 'group'; body: Script }
  | { k: 'if'; cond: Script; then: Script; else: Script | null }
  | { k: 'while'; until: boolean; cond: Script; body: Script }
  | { k: 'for'; items: Word[]; body: Script }
  | { k: 'case'; subject: Word; items: { patterns: Word[]; body: Script }[] };

export interface Pipeline {
  negated: boolean;
  commands: Command[];
  ops: ('|' | '|&')[];
}

export interface AndOr {
  pipelines: Pipeline[];
  ops: ('&&' | '||')[];
  sep: ';' | '&' | '\n';
}

export type Script = AndOr[];

// ---- arbitraries ---------------------------------------------------------------------------------

// Characters that need quoting in shell, plus plain ones and some non-ASCII.
const LIT_CHARS = [...'ab z09_./-', ...'$`"\'\\ \t\n|&;()<>{}[]*?~#=!%^,:', 'é', '😀', '\u00a0', '\r'];
const litString = fc.string({ unit: fc.constantFrom(...LIT_CHARS), minLength: 1, maxLength: 6 });
const NAMES = ['ls', 'echo', 'rm', 'git', 'cat', 'grep', 'x1', 'a-b', 'ok.sh', 'é'];
const VARS = ['x', 'HOME', 'a_1', '1', '@', '#', '?'];
const PARAM_OPS = [':-', '-', ':=', ':+', '+', ':?', '#', '##', '%', '%%', '/', '//', '^^', ',,'];
const REDIR_OPS = ['>', '>>', '<', '2>', '&>', '>|', '<>', '<<<'];

export interface Arbs {
  script: fc.Arbitrary<Script>;
}

/**
 * Arbitraries for scripts. Backticks nest one level only (each level would need another round of
 * escaping), so the backtick-free arbitrary is built first and serves as the backtick body.
 */
export function scriptArbitraries(): Arbs {
  const plain = build(null, 'plain');
  return { script: build(plain, 'outer') };
}

function build(btBody: fc.Arbitrary<Script> | null, id: string): fc.Arbitrary<Script> {
  const depth = { maxDepth: 3, depthIdentifier: id, depthSize: 'small' as const, withCrossShrink: true };
  const arr = <T>(a: fc.Arbitrary<T>, minLength: number, maxLength: number) => fc.array(a, { minLength, maxLength, depthIdentifier: id });
  const { script } = fc.letrec<{ script: Script; part: Part; command: Command }>((tie) => {
    const nested = tie('script') as fc.Arbitrary<Script>;
    const operand: fc.Arbitrary<Operand> = fc.oneof(
      depth,
      fc.record({ k: fc.constant('word' as const), v: fc.stringMatching(/^[a-z0-9]{0,4}$/) }),
      fc.record({ k: fc.constant('var' as const), name: fc.constantFrom(...VARS) }),
      fc.record({ k: fc.constant('cs' as const), body: nested }),
    );
    const dqParts: fc.Arbitrary<DqPart>[] = [
      fc.record({ k: fc.constant('lit' as const), v: litString }),
      fc.record({ k: fc.constant('var' as const), name: fc.constantFrom(...VARS), braced: fc.boolean() }),
      fc.record({ k: fc.constant('param' as const), name: fc.constantFrom(...VARS.slice(0, 3)), op: fc.constantFrom(...PARAM_OPS), operand }),
      fc.record({ k: fc.constant('cs' as const), body: nested }),
    ];
    if (btBody) dqParts.push(fc.record({ k: fc.constant('bt' as const), body: btBody }));
    const dqPart = fc.oneof(depth, ...dqParts);
    const parts: fc.Arbitrary<Part>[] = [
      fc.record({ k: fc.constant('lit' as const), v: litString, style: fc.nat(3) }),
      fc.record({ k: fc.constant('sq' as const), v: fc.string({ unit: fc.constantFrom(...LIT_CHARS.filter((c) => c !== "'")), maxLength: 5 }) }),
      fc.record({ k: fc.constant('ansi' as const), v: litString }),
      fc.record({ k: fc.constant('dq' as const), parts: arr(dqPart, 0, 3) }),
      fc.record({ k: fc.constant('var' as const), name: fc.constantFrom(...VARS), braced: fc.boolean() }),
      fc.record({ k: fc.constant('param' as const), name: fc.constantFrom(...VARS.slice(0, 3)), op: fc.constantFrom(...PARAM_OPS), operand }),
      fc.record({ k: fc.constant('cs' as const), body: nested }),
      fc.record({ k: fc.constant('arith' as const), body: fc.option(nested, { nil: null }) }),
    ];
    if (btBody) parts.push(fc.record({ k: fc.constant('bt' as const), body: btBody }));
    const part = fc.oneof(depth, ...parts);
    const word = arr(tie('part') as fc.Arbitrary<Part>, 1, 3);
    const simple = fc.record({
      k: fc.constant('simple' as const),
      assigns: arr(fc.record({ name: fc.constantFrom('A', 'b_2', 'PATH'), op: fc.constantFrom('=' as const, '+=' as const), value: arr(tie('part') as fc.Arbitrary<Part>, 0, 2) }), 0, 2),
      name: fc.constantFrom(...NAMES),
      args: arr(word, 0, 3),
      redirects: arr(fc.record({ op: fc.constantFrom(...REDIR_OPS), target: word }), 0, 2),
    });
    const command: fc.Arbitrary<Command> = fc.oneof(
      depth,
      simple,
      fc.record({ k: fc.constant('subshell' as const), body: nested }),
      fc.record({ k: fc.constant('group' as const), body: nested }),
      fc.record({ k: fc.constant('if' as const), cond: nested, then: nested, else: fc.option(nested, { nil: null }) }),
      fc.record({ k: fc.constant('while' as const), until: fc.boolean(), cond: nested, body: nested }),
      fc.record({ k: fc.constant('for' as const), items: arr(word, 0, 3), body: nested }),
      fc.record({ k: fc.constant('case' as const), subject: word, items: arr(fc.record({ patterns: arr(word, 1, 2), body: nested }), 0, 2) }),
    );
    const pipeline = fc
      .record({ negated: fc.boolean(), commands: arr(tie('command') as fc.Arbitrary<Command>, 1, 3), pipeAmp: fc.array(fc.boolean(), { maxLength: 2 }) })
      .map(({ negated, commands, pipeAmp }): Pipeline => ({
        negated,
        commands,
        ops: commands.slice(1).map((_, i) => (pipeAmp[i] ? '|&' : '|') as '|' | '|&'),
      }));
    const andOr = fc
      .record({ pipelines: arr(pipeline, 1, 3), or: fc.array(fc.boolean(), { maxLength: 2 }), sep: fc.constantFrom(';' as const, '&' as const, '\n' as const) })
      .map(({ pipelines, or, sep }): AndOr => ({ pipelines, ops: pipelines.slice(1).map((_, i) => (or[i] ? '||' : '&&') as '&&' | '||'), sep }));
    return { script: arr(andOr, 1, 3), part, command };
  });
  return script;
}

// ---- the printer -----------------------------------------------------------------------------

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'select', 'function', 'time', 'coproc', '{', '}', '!', '[[', ']]']);
const SAFE = /^[A-Za-z0-9_./-]$/;

function escapeLit(v: string, style: number): string {
  // Four equivalent spellings: backslashes, single quotes, double quotes, $'…'.
  if (style === 1 && !v.includes("'")) return `'${v}'`;
  if (style === 2) return `"${v.replace(/[$`"\\]/g, (c) => `\\${c}`)}"`;
  if (style === 3) return ansiQuote(v);
  let out = '';
  for (const c of v) {
    if (SAFE.test(c)) out += c;
    else if (c === '\n') out += "'\n'"; // a backslash-newline would be a line continuation
    else out += `\\${c}`;
  }
  return out;
}

function ansiQuote(v: string): string {
  let out = "$'";
  for (const c of v) {
    const code = c.codePointAt(0)!;
    if (c === "'" || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0xffff) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else if (code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}'`;
}

function printOperand(o: Operand): string {
  if (o.k === 'word') return o.v;
  if (o.k === 'var') return `$${o.name}`;
  return printCs(o.body);
}

function printCs(body: Script): string {
  // A space after `$(` keeps `$( (…` from reading as arithmetic `$((`.
  return `$( ${printScript(body)} )`;
}

function printBt(body: Script, inDq: boolean): string {
  const inner = printScript(body).replace(inDq ? /[\\`$"]/g : /[\\`$]/g, (c) => `\\${c}`);
  return `\`${inner}\``;
}

function printDqPart(p: DqPart, next?: DqPart): string {
  switch (p.k) {
    case 'lit':
      return p.v.replace(/[$`"\\]/g, (c) => `\\${c}`);
    case 'var':
      return p.braced || next?.k === 'lit' ? `\${${p.name}}` : `$${p.name}`;
    case 'param':
      return `\${${p.name}${p.op}${printOperand(p.operand)}}`;
    case 'cs':
      return printCs(p.body);
    case 'bt':
      return printBt(p.body, true);
  }
}

export function printPart(p: Part, next: Part | undefined): string {
  switch (p.k) {
    case 'lit':
      return escapeLit(p.v, p.style);
    case 'sq':
      return `'${p.v}'`;
    case 'ansi':
      return ansiQuote(p.v);
    case 'dq':
      return `"${p.parts.map((q, i) => printDqPart(q, p.parts[i + 1])).join('')}"`;
    case 'var': {
      // `$x` followed by a name character would read a longer name: brace it then.
      const glue = next !== undefined && next.k === 'lit' && next.style === 0 && /^[A-Za-z0-9_]/.test(next.v);
      return p.braced || glue ? `\${${p.name}}` : `$${p.name}`;
    }
    case 'param':
      return `\${${p.name}${p.op}${printOperand(p.operand)}}`;
    case 'cs':
      return printCs(p.body);
    case 'bt':
      return printBt(p.body, false);
    case 'arith':
      return p.body ? `$((1 + ${printCs(p.body)}))` : '$((1 + 2))';
  }
}

export function printWord(w: Word): string {
  const text = w.map((p, i) => printPart(p, w[i + 1])).join('');
  return RESERVED.has(text) ? `\\${text}` : text;
}

function printList(s: Script): string {
  return s.map((a) => `${printAndOr(a)}${a.sep === '\n' ? '\n' : `${a.sep} `}`).join('');
}

export function printScript(s: Script): string {
  return printList(s);
}

function printAndOr(a: AndOr): string {
  let out = printPipeline(a.pipelines[0]!);
  a.ops.forEach((op, i) => (out += ` ${op} ${printPipeline(a.pipelines[i + 1]!)}`));
  return out;
}

function printPipeline(p: Pipeline): string {
  let out = (p.negated ? '! ' : '') + printCommand(p.commands[0]!);
  p.ops.forEach((op, i) => (out += ` ${op} ${printCommand(p.commands[i + 1]!)}`));
  return out;
}

function printCommand(c: Command): string {
  switch (c.k) {
    case 'simple': {
      const words = [
        ...c.assigns.map((a) => `${a.name}${a.op}${a.value.map((p, i) => printPart(p, a.value[i + 1])).join('')}`),
        c.name,
        ...c.args.map(printWord),
        ...c.redirects.map((r) => `${r.op}${printWord(r.target)}`),
      ];
      return words.join(' ');
    }
    case 'subshell':
      return `( ${printList(c.body)})`;
    case 'group':
      return `{ ${printList(c.body)}}`;
    case 'if':
      return `if ${printList(c.cond)}then ${printList(c.then)}${c.else ? `else ${printList(c.else)}` : ''}fi`;
    case 'while':
      return `${c.until ? 'until' : 'while'} ${printList(c.cond)}do ${printList(c.body)}done`;
    case 'for':
      return `for x in ${c.items.map(printWord).join(' ')}; do ${printList(c.body)}done`;
    case 'case':
      // `(P)` keeps parentheses balanced, so a case inside `$((1 + $(…)))` cannot end the arithmetic.
      return `case ${printWord(c.subject)} in ${c.items.map((it) => `(${it.patterns.map(printWord).join(' | ')}) ${printList(it.body)};; `).join('')}esac`;
  }
}

// ---- the segments a model must produce --------------------------------------------------------

function operandValue(o: Operand): string {
  return printOperand(o);
}

/** The value of a word after quote removal, expansions as written (as the printer wrote them). */
export function wordValue(w: Word): string {
  return w
    .map((p, i) => {
      switch (p.k) {
        case 'lit':
        case 'sq':
        case 'ansi':
          return p.v;
        case 'dq':
          return p.parts.map((q, j) => (q.k === 'lit' ? q.v : printDqPart(q, p.parts[j + 1]))).join('');
        default:
          return printPart(p, w[i + 1]);
      }
    })
    .join('');
}

function wordDynamic(w: Word): boolean {
  return w.some((p) => (p.k === 'dq' ? p.parts.some((q) => q.k !== 'lit') : p.k !== 'lit' && p.k !== 'sq' && p.k !== 'ansi'));
}

export function expectedSegments(s: Script): SegView[] {
  const out: SegView[] = [];
  const partsSegs = (w: Word, ctx: string[]) => {
    for (const p of w) {
      if (p.k === 'cs') list(p.body, [...ctx, 'command-substitution']);
      else if (p.k === 'bt') list(p.body, [...ctx, 'backtick']);
      else if (p.k === 'arith' && p.body) list(p.body, [...ctx, 'arithmetic', 'command-substitution']);
      else if (p.k === 'param' && p.operand.k === 'cs') list(p.operand.body, [...ctx, 'parameter-expansion', 'command-substitution']);
      else if (p.k === 'dq') {
        for (const q of p.parts) {
          if (q.k === 'cs') list(q.body, [...ctx, 'command-substitution']);
          else if (q.k === 'bt') list(q.body, [...ctx, 'backtick']);
          else if (q.k === 'param' && q.operand.k === 'cs') list(q.operand.body, [...ctx, 'parameter-expansion', 'command-substitution']);
        }
      }
    }
  };
  const command = (c: Command, ctx: string[]) => {
    switch (c.k) {
      case 'simple': {
        const words: Word[] = [[{ k: 'lit', v: c.name, style: 0 }], ...c.args];
        out.push({
          argv: words.map(wordValue),
          assigns: c.assigns.map((a) => `${a.name}${a.op}${wordValue(a.value)}`),
          redirects: c.redirects.map((r) => [r.op, wordValue(r.target)] as [string, string]),
          context: ctx,
          dynamic: words.some(wordDynamic),
        });
        for (const a of c.assigns) partsSegs(a.value, [...ctx, 'assignment']);
        for (const w of c.args) partsSegs(w, ctx);
        for (const r of c.redirects) partsSegs(r.target, [...ctx, r.op === '<<<' ? 'here-string' : 'redirect']);
        return;
      }
      case 'subshell':
        return list(c.body, [...ctx, 'subshell']);
      case 'group':
        return list(c.body, [...ctx, 'group']);
      case 'if':
        list(c.cond, [...ctx, 'if']);
        list(c.then, [...ctx, 'if']);
        if (c.else) list(c.else, [...ctx, 'if']);
        return;
      case 'while':
        list(c.cond, [...ctx, 'loop']);
        return list(c.body, [...ctx, 'loop']);
      case 'for':
        for (const w of c.items) partsSegs(w, [...ctx, 'loop']);
        return list(c.body, [...ctx, 'loop']);
      case 'case':
        partsSegs(c.subject, [...ctx, 'case']);
        for (const it of c.items) {
          for (const p of it.patterns) partsSegs(p, [...ctx, 'case']);
          list(it.body, [...ctx, 'case']);
        }
    }
  };
  const list = (l: Script, ctx: string[]) => {
    for (const a of l) {
      let c = ctx;
      if (a.pipelines.length > 1) c = [...c, 'and-or'];
      if (a.sep === '&') c = [...c, 'background'];
      for (const p of a.pipelines) {
        const pc = p.commands.length > 1 ? [...c, 'pipeline'] : c;
        for (const cmd of p.commands) command(cmd, pc);
      }
    }
  };
  list(s, []);
  return out;
}

export { operandValue };
