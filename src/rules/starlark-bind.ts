// Binding a builtin call's arguments to its parameters as Starlark does (positional, then by
// name), reporting what Codex refuses: unknown, repeated, missing or extra arguments, unpacking
// (reference/codex-0.169.md §1.2, §1.4). The parameter order is also the positional order.
import type { Argument, CallExpr, Node } from '../../grammar/starlark/index.js';
import type { LoaderMessageId } from '../checks/structural.js';
import { didYouMean } from '../util/edit-distance.js';
import { firstUnsupported, NOT_RUN } from './starlark-literals.js';

/** The builtins Codex 0.169.0 defines; the parameter order is also the positional order (§1.2). */
export const BUILTINS = {
  prefix_rule: { params: ['pattern', 'decision', 'match', 'not_match', 'justification', 'canonical_matching'], required: ['pattern'] },
  host_executable: { params: ['name', 'paths'], required: ['name', 'paths'] },
  network_rule: { params: ['host', 'protocol', 'decision', 'justification'], required: ['host', 'protocol', 'decision'] },
} as const satisfies Record<string, { params: readonly string[]; required: readonly string[] }>;

export type BuiltinName = keyof typeof BUILTINS;

/** Whether `name` is one of Codex's rule builtins (an own key: `toString` is not one). */
export function isBuiltin(name: string): name is BuiltinName {
  return Object.hasOwn(BUILTINS, name);
}

/** Keyword names people try for prefix_rule, with the parameter they meant (one-line reasons). */
const KWARG_HINTS: Record<string, string> = {
  reason: 'justification', // Codex's text calls it a reason; the parameter is justification
  reviewer: '', // accepted by some Codex source revisions, refused by 0.169.0
  examples: 'match', // examples that must match
  matches: 'match', // plural slip
  not_matches: 'not_match', // plural slip
  notmatch: 'not_match', // missing underscore
  'not-match': 'not_match', // YAML spelling
  canonical: 'canonical_matching', // short form
};

export type Report = <C extends 'rules-syntax' | 'codex-load'>(check: C, messageId: NoInfer<LoaderMessageId<C>>, node: Node, message: string) => void;

/** Binds arguments to parameters as Starlark does; reports what Codex would refuse. */
export function bindArguments(name: BuiltinName, call: CallExpr, report: Report): Map<string, Argument> | undefined {
  const { params, required } = BUILTINS[name];
  const bound = new Map<string, Argument>();
  let ok = true;
  let seenKeyword = false;
  let positional = 0;
  for (const arg of call.args) {
    const bad = firstUnsupported(arg.value);
    if (bad) {
      report('rules-syntax', bad.id, bad.node, bad.message);
      ok = false;
    }
    if (arg.kind === 'star' || arg.kind === 'star-star') {
      report('rules-syntax', 'unpacking', arg, `argument unpacking (\`*\`/\`**\`) is not supported: ${NOT_RUN}; write the arguments out`);
      ok = false;
      continue;
    }
    if (arg.kind === 'positional') {
      if (seenKeyword) {
        report('rules-syntax', 'syntax', arg, 'positional argument after a keyword argument; put positional arguments first (Codex: Parse error)');
        ok = false;
        continue;
      }
      const param = params[positional++];
      if (param === undefined) {
        const extra = call.args.filter((a) => a.kind === 'positional').length - params.length;
        report(
          'codex-load',
          'too-many-arguments',
          arg,
          `${name} takes at most ${params.length} positional arguments (${params.join(', ')}); pass the extra value by name or remove it (Codex: Found ${extra} extra positional argument(s) for call to ${name})`,
        );
        ok = false;
        continue;
      }
      bound.set(param, arg);
      continue;
    }
    seenKeyword = true;
    const kw = arg.name!;
    const nameNode = { start: arg.nameStart!, end: arg.nameEnd! };
    if (!(params as readonly string[]).includes(kw)) {
      const meant = Object.hasOwn(KWARG_HINTS, kw) ? KWARG_HINTS[kw] : didYouMean(kw, params);
      const hint = meant ? `; did you mean \`${meant}\`?` : `; expected one of ${params.join(', ')}`;
      report(
        'codex-load',
        'unknown-argument',
        nameNode,
        `unknown argument \`${kw}\` for ${name}${hint} (Codex: Found \`${kw}\` extra named parameter(s) for call to ${name})`,
      );
      ok = false;
      continue;
    }
    const previous = bound.get(kw);
    if (previous) {
      const how = previous.kind === 'positional' ? 'positionally and by name' : 'twice';
      const codex = previous.kind === 'positional' ? `Multiple values for parameter \`${kw}\`` : 'repeated named argument';
      report('codex-load', 'repeated-argument', nameNode, `\`${kw}\` is given ${how}; keep one (Codex: ${codex})`);
      ok = false;
      continue;
    }
    bound.set(kw, arg);
  }
  for (const param of required) {
    if (!bound.has(param) && ok) {
      report(
        'codex-load',
        'missing-argument',
        call.callee,
        `${name} needs \`${param}\` (Codex: Missing parameter \`${param}\` for call to \`${name}\`)`,
      );
      ok = false;
    }
  }
  return ok ? bound : undefined;
}
