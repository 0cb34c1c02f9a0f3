// Literal values of a `.rules` file, read without running it: what escalint can read as a
// literal (strings, numbers, booleans, lists, tuples, dicts) becomes a value for Codex's
// load-time validators (src/rules/codex-load.ts); the first construct it cannot read is named
// with its position and what to write instead.
import type { Expr, Node } from '../../grammar/starlark/index.js';
import type { LoaderMessageId } from '../checks/structural.js';
import type { LoadValue } from './codex-load.js';

export const NOT_RUN = 'escalint reads .rules files without running them';

/** What the unsupported expression constructs are called in messages, and what to write instead. */
const CONSTRUCT_TEXT = {
  operator: (detail?: string) => `operators such as \`${detail ?? '+'}\` are not supported: ${NOT_RUN}; write the resulting literal`,
  conditional: () => `conditional expressions (\`a if b else c\`) are not supported: ${NOT_RUN}; write the literal value`,
  lambda: () => `lambda is not supported: ${NOT_RUN}; write each call out with literal values`,
  comprehension: () => `comprehensions are not supported: ${NOT_RUN}; write the list out`,
  attribute: () => `attribute access and methods (\`.format\`, \`.split\`…) are not supported: ${NOT_RUN}; write the literal value`,
  subscript: () => `indexing and slicing are not supported: ${NOT_RUN}; write the literal value`,
} as const;

/** The ids of the `rules-syntax` check (src/checks/structural.ts registers them). */
export type RulesSyntaxId = LoaderMessageId<'rules-syntax'>;

/** The first construct in an expression escalint cannot read as a literal, if any. */
export function firstUnsupported(expr: Expr): { id: RulesSyntaxId; node: Node; message: string } | undefined {
  switch (expr.kind) {
    case 'string':
      if (expr.flavor === 'fstring') {
        return { id: 'f-string', node: expr, message: `f-strings are not supported: ${NOT_RUN}; write the literal string` };
      }
      return undefined;
    case 'int':
      if (/^0[0-9]/.test(expr.text)) {
        return { id: 'syntax', node: expr, message: `integer cannot have leading 0, got \`${expr.text}\` (Codex: Parse error)` };
      }
      return undefined;
    case 'float':
      return undefined;
    case 'name':
      if (expr.name === 'True' || expr.name === 'False' || expr.name === 'None') return undefined;
      return {
        id: 'variable',
        node: expr,
        message: `variables are not supported: ${NOT_RUN}; write the literal value (the string "${expr.name}" is written with quotes)`,
      };
    case 'list':
    case 'tuple':
      for (const e of expr.elements) {
        const bad = firstUnsupported(e);
        if (bad) return bad;
      }
      return undefined;
    case 'dict':
      for (const entry of expr.entries) {
        const bad = firstUnsupported(entry.key) ?? firstUnsupported(entry.value);
        if (bad) return bad;
      }
      return undefined;
    case 'call':
      return { id: 'call', node: expr, message: `function calls are not supported here: ${NOT_RUN}; write the literal value` };
    case 'unsupported':
      return { id: expr.construct, node: expr.at, message: CONSTRUCT_TEXT[expr.construct](expr.detail) };
  }
}

/** A literal expression as a value for the validators (call only after firstUnsupported). */
export function literalValue(expr: Expr): LoadValue {
  switch (expr.kind) {
    case 'string':
      if (expr.flavor === 'bytes') return { type: 'bytes', repr: `b${JSON.stringify(expr.value)}` };
      return expr.value;
    case 'int': {
      const n = Number(expr.text.replace(/^0[oO]/, '0o'));
      return Number.isSafeInteger(n) ? n : { type: 'int', repr: expr.text };
    }
    case 'float':
      return { type: 'float', repr: expr.text };
    case 'name':
      return expr.name === 'True' ? true : expr.name === 'False' ? false : null;
    case 'list':
      return expr.elements.map((e) => literalValue(e));
    case 'tuple':
      return { type: 'tuple', repr: `(${expr.elements.map((e) => JSON.stringify(literalValue(e))).join(', ')})` };
    case 'dict':
      return { type: 'dict', repr: '{...}' };
    default:
      return { type: 'function' };
  }
}

/** The AST node a problem path points at, inside an argument's value. */
export function nodeAt(expr: Expr, path: readonly (string | number)[]): Node {
  let node: Expr = expr;
  for (const step of path) {
    if (typeof step !== 'number' || (node.kind !== 'list' && node.kind !== 'tuple')) break;
    const next: Expr | undefined = node.elements[step];
    if (!next) break;
    node = next;
  }
  return node;
}
