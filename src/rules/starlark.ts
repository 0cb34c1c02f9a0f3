// Reading a Codex `.rules` file without running it: the Starlark grammar gives an AST, and the
// literal calls of `prefix_rule`, `host_executable` and `network_rule` become rules. Everything
// Codex would run but escalint does not (variables, `def`, loops, f-strings, operators…) is a
// `rules-syntax` finding at its position; everything Codex refuses at load time is `codex-load`
// at the offending argument or element (reference/codex-0.169.md §1); failing examples are
// checked after loading (src/engine/examples.ts). Literal values: starlark-literals.ts; binding
// arguments to parameters: starlark-bind.ts; this file walks the statements and builds the rules.
import {
  parseStarlark,
  type Argument,
  type CallExpr,
  type Expr,
  type Node,
  type Statement,
  type StarlarkSyntaxError,
} from '../../grammar/starlark/index.js';
import type { Decision, Diagnostic, HostExecutable, NetworkRule, PatternElement, Rule, RuleExample, SourceRef } from '../types.js';
import {
  isLoadProblem,
  normalizeNetworkHost,
  parseExample,
  typeMismatch,
  validateDecision,
  validateHostExecutable,
  validateJustification,
  validateNetworkDecision,
  validateNetworkProtocol,
  validatePatternShape,
  type LoadProblem,
  type LoadValue,
  type TypedParam,
} from './codex-load.js';
import { decodeRuleFile } from './decode.js';
import { bindArguments, isBuiltin, type BuiltinName, type Report } from './starlark-bind.js';
import { firstUnsupported, literalValue, nodeAt, NOT_RUN, type RulesSyntaxId } from './starlark-literals.js';
import type { RuleFileLoad } from './load.js';
import { DEFAULT_MAX_DEPTH } from './yaml-limits.js';

export interface StarlarkLoadOptions {
  /** Largest file read, in bytes; default 5 MiB. */
  maxBytes?: number;
  /** Deepest bracket nesting read; default 100. */
  maxDepth?: number;
}

export type StarlarkLoadResult = RuleFileLoad;

/** Starlark's other globals in Codex (§1.1): calling them is legal there, but escalint does not. */
const STARLARK_GLOBALS = new Set(
  'len range sorted enumerate zip type str repr int float bool list tuple dict any all reversed min max hash getattr hasattr dir fail abs chr ord'.split(' '),
);

/**
 * The grammar's error codes (grammar/starlark), by the id each is reported as: the lexer's and
 * parser's plain syntax errors are all `syntax`, as Codex reports them all as a parse error.
 * test/checks/structural-messages.test.ts keeps this table in step with the grammar's codes.
 */
export const SYNTAX_CODE_IDS = {
  syntax: 'syntax',
  string: 'syntax',
  'invalid-input': 'syntax',
  tab: 'tab',
  indentation: 'indentation',
  'too-deep': 'too-deep',
} as const satisfies Record<string, RulesSyntaxId>;

const STATEMENT_TEXT: Record<Exclude<Statement['kind'], 'expr'>, { id: RulesSyntaxId; message: string } | null> = {
  assign: { id: 'variable', message: `variables are not supported: ${NOT_RUN}; write the literal value where it is used` },
  'augmented-assign': { id: 'variable', message: `variables are not supported: ${NOT_RUN}; write the literal value where it is used` },
  def: { id: 'def', message: `\`def\` is not supported: ${NOT_RUN}; write each prefix_rule(...) call out` },
  for: { id: 'loop', message: `\`for\` loops are not supported: ${NOT_RUN}; write each call out` },
  if: { id: 'if', message: `\`if\` statements are not supported: ${NOT_RUN}; keep only the calls that apply` },
  load: {
    id: 'load',
    message: 'load() is not available in Codex rule files; put the calls in this file (Codex: No imports are available)',
  },
  return: { id: 'statement', message: '`return` outside a function; remove it' },
  break: { id: 'statement', message: '`break` outside a loop; remove it' },
  continue: { id: 'statement', message: '`continue` outside a loop; remove it' },
  pass: null, // does nothing; Codex accepts it
};

class FileReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly rules: Rule[] = [];
  readonly hostExecutables: HostExecutable[] = [];
  readonly networkRules: NetworkRule[] = [];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  source(node: Node): SourceRef {
    return { file: this.path, start: node.start, end: node.end };
  }

  readonly report: Report = (check, messageId, node, message) => {
    this.diagnostics.push({ check, messageId, severity: 'error', message, file: this.path, start: node.start, end: node.end });
  };

  syntax(e: StarlarkSyntaxError): void {
    const id: RulesSyntaxId = Object.hasOwn(SYNTAX_CODE_IDS, e.code) ? SYNTAX_CODE_IDS[e.code as keyof typeof SYNTAX_CODE_IDS] : 'syntax';
    const fix =
      e.code === 'tab'
        ? '; indent with spaces'
        : e.code === 'too-deep'
          ? '; Codex rule files need no deep nesting'
          : e.code === 'string' && e.message.startsWith('unfinished')
            ? '; close the quote on the same line, or use a triple-quoted string'
            : '';
    this.diagnostics.push({
      check: 'rules-syntax',
      messageId: id,
      severity: 'error',
      message: `${e.message}${fix} (Codex: Parse error)`,
      file: this.path,
      start: e.start,
      end: e.end,
    });
  }

  problem(p: LoadProblem, node: Node): void {
    this.report('codex-load', p.messageId, node, p.message);
  }

  statement(stmt: Statement): void {
    if (stmt.kind !== 'expr') {
      const t = STATEMENT_TEXT[stmt.kind];
      if (t) this.report('rules-syntax', t.id, stmt.kind === 'load' ? stmt : stmt.at, t.message);
      return;
    }
    const expr = stmt.expr;
    if (expr.kind === 'call' && expr.callee.kind === 'name') {
      const name = expr.callee.name;
      if (isBuiltin(name)) return this.builtinCall(name, expr);
      if (STARLARK_GLOBALS.has(name)) {
        return this.report('rules-syntax', 'call', expr.callee, `calls to \`${name}\` are not supported: ${NOT_RUN}; only prefix_rule, host_executable and network_rule calls are read`);
      }
      return this.report(
        'rules-syntax',
        'unknown-function',
        expr.callee,
        `unknown function \`${name}\`: Codex rule files can call prefix_rule, host_executable and network_rule (Codex: Variable \`${name}\` not found)`,
      );
    }
    // A string on its own line is a docstring; other literals do nothing either.
    if (expr.kind === 'string' && expr.flavor === 'str') return;
    const bad = firstUnsupported(expr);
    if (bad) return this.report('rules-syntax', bad.id, bad.node, bad.message);
    this.report('rules-syntax', 'statement', expr, 'this statement does nothing; only prefix_rule, host_executable and network_rule calls are read');
  }

  /** A string argument, or a type problem at it; undefined (after reporting) when wrong. */
  stringArg(param: TypedParam, arg: Argument | undefined): string | undefined {
    if (!arg) return undefined;
    const v = literalValue(arg.value);
    if (typeof v === 'string') return v;
    this.problem(typeMismatch(param, 'str', v), arg.value);
    return undefined;
  }

  builtinCall(name: BuiltinName, call: CallExpr): void {
    const args = bindArguments(name, call, this.report);
    if (!args) return;
    if (name === 'prefix_rule') this.prefixRule(call, args);
    else if (name === 'host_executable') this.hostExecutable(call, args);
    else this.networkRule(call, args);
  }

  prefixRule(call: CallExpr, args: Map<string, Argument>): void {
    let ok = true;
    const patternArg = args.get('pattern')!;
    const pattern = literalValue(patternArg.value);
    for (const p of validatePatternShape(pattern)) {
      this.problem(p, nodeAt(patternArg.value, p.path));
      ok = false;
    }

    let decision: Decision = 'allow';
    const decisionArg = args.get('decision');
    if (decisionArg) {
      const d = this.stringArg('decision', decisionArg);
      const p = d === undefined ? undefined : validateDecision(d);
      if (d === undefined || p) {
        if (p) this.problem(p, decisionArg.value);
        ok = false;
      } else {
        decision = d as Decision;
      }
    }

    let justification: string | undefined;
    const justificationArg = args.get('justification');
    if (justificationArg) {
      justification = this.stringArg('justification', justificationArg);
      const p = justification === undefined ? undefined : validateJustification(justification);
      if (justification === undefined || p) {
        if (p) this.problem(p, justificationArg.value);
        ok = false;
      }
    }

    let canonicalMatching = false;
    const canonicalArg = args.get('canonical_matching');
    if (canonicalArg) {
      const v = literalValue(canonicalArg.value);
      if (typeof v === 'boolean') canonicalMatching = v;
      else {
        this.problem(typeMismatch('canonical_matching', 'bool', v), canonicalArg.value);
        ok = false;
      }
    }

    const match = this.examples('match', args.get('match'));
    const notMatch = this.examples('not_match', args.get('not_match'));
    if (!match || !notMatch) ok = false;
    if (!ok) return;

    const rule: Rule = {
      id: null,
      pattern: pattern as PatternElement[],
      decision,
      decisionExplicit: decisionArg !== undefined,
      match: match!.examples,
      notMatch: notMatch!.examples,
      canonicalMatching,
      source: this.source(call),
      patternSource: this.source(patternArg.value),
      matchSources: match!.sources,
      notMatchSources: notMatch!.sources,
      index: this.rules.length,
    };
    if (justification !== undefined) {
      rule.justification = justification;
      rule.justificationSource = this.source(justificationArg!.value);
    }
    this.rules.push(rule);
  }

  /**
   * `match`/`not_match`: a list of strings or lists of strings. Elements of another type cannot be
   * kept in a Rule, so they are reported here; empty or unsplittable examples are kept and left
   * to the examples stage (src/engine/examples.ts), which reports them in Codex's order.
   */
  examples(param: 'match' | 'not_match', arg: Argument | undefined): { examples: RuleExample[]; sources: SourceRef[] } | undefined {
    if (!arg) return { examples: [], sources: [] };
    const v = literalValue(arg.value);
    if (!Array.isArray(v)) {
      this.problem(typeMismatch(param, 'list', v), arg.value);
      return undefined;
    }
    const list = arg.value as Extract<Expr, { kind: 'list' }>;
    const examples: RuleExample[] = [];
    const sources: SourceRef[] = [];
    let ok = true;
    v.forEach((example, i) => {
      const node = list.elements[i]!;
      if (typeof example === 'string' || (Array.isArray(example) && example.every((t) => typeof t === 'string'))) {
        examples.push(example as RuleExample);
        sources.push(this.source(node));
        return;
      }
      const parsed = parseExample(example);
      if (isLoadProblem(parsed)) {
        this.problem(parsed, nodeAt(node, parsed.path));
        ok = false;
      }
    });
    return ok ? { examples, sources } : undefined;
  }

  hostExecutable(call: CallExpr, args: Map<string, Argument>): void {
    const nameArg = args.get('name')!;
    const pathsArg = args.get('paths')!;
    const result = validateHostExecutable(literalValue(nameArg.value), literalValue(pathsArg.value));
    for (const p of result.problems) {
      const [head, ...rest] = p.path;
      const node = head === 'name' ? nameArg.value : nodeAt(pathsArg.value, rest);
      this.problem(p, node);
    }
    if (result.problems.length > 0) return;
    this.hostExecutables.push({ name: result.name, paths: result.paths, source: this.source(call) });
  }

  /** A string argument passed through a validator: its value, or undefined once the problem is reported. */
  private validated<T>(param: TypedParam, arg: Argument, validate: (s: string) => T | LoadProblem): T | undefined {
    const raw = this.stringArg(param, arg);
    if (raw === undefined) return undefined;
    const v = validate(raw);
    if (isLoadProblem(v)) {
      this.problem(v, arg.value);
      return undefined;
    }
    return v;
  }

  networkRule(call: CallExpr, args: Map<string, Argument>): void {
    // Validated in Codex's order, so every problem is reported, not only the first.
    const protocol = this.validated('protocol', args.get('protocol')!, validateNetworkProtocol);
    const decision = this.validated('decision', args.get('decision')!, validateNetworkDecision);
    const justificationArg = args.get('justification');
    const justification = justificationArg ? this.validated('justification', justificationArg, (s) => validateJustification(s) ?? s) : undefined;
    const host = this.validated('host', args.get('host')!, normalizeNetworkHost);
    if (!protocol || !decision || !host || (justificationArg && justification === undefined)) return;
    const rule: NetworkRule = { host: host.host, protocol: protocol.protocol, decision: decision.decision, source: this.source(call) };
    if (justification !== undefined) rule.justification = justification;
    this.networkRules.push(rule);
  }
}

function emptyLoad(text: string, diagnostics: Diagnostic[]): StarlarkLoadResult {
  return { text, rules: [], hostExecutables: [], networkRules: [], settings: { checks: {} }, diagnostics };
}

/**
 * Reads one Codex `.rules` file. `text` may be the decoded text or the file's bytes (then invalid
 * UTF-8, which Codex refuses, is reported). Never throws; every problem is a Diagnostic. Examples
 * are checked after loading, for every format alike (src/engine/examples.ts).
 */
export function loadStarlarkRuleFile(path: string, input: string | Uint8Array, options: StarlarkLoadOptions = {}): StarlarkLoadResult {
  const decoded = decodeRuleFile(input, options.maxBytes);
  if (decoded.problem) {
    const { messageId, start, end, message } = decoded.problem;
    return emptyLoad(decoded.text, [{ check: 'rules-syntax', messageId, severity: 'error', message, file: path, start, end }]);
  }
  const source = decoded.text;
  const reader = new FileReader(path, source);
  const parsed = parseStarlark(source, { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH });
  for (const e of parsed.errors) reader.syntax(e);
  for (const stmt of parsed.module.statements) reader.statement(stmt);
  reader.diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    text: source,
    rules: reader.rules,
    hostExecutables: reader.hostExecutables,
    networkRules: reader.networkRules,
    settings: { checks: {} },
    diagnostics: reader.diagnostics,
  };
}
