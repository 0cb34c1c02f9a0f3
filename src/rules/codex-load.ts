// The validation Codex 0.169.0 does when it loads a rule file (reference/codex-0.169.md §1.2–1.4),
// as pure functions over plain values. Both loaders use them: the `.rules` loader with Starlark
// positions, the YAML loader with YAML positions. Each problem says *which* sub-value is at fault
// (`path`, relative to the value that was passed in) so the caller can point at it, and carries
// Codex's own error text so a user can match it with what Codex prints.
import type { LoaderMessageId } from '../checks/structural.js';
import type { Decision, NetworkProtocol } from '../types.js';
import { normalizeAbsolutePath } from '../util/path.js';
import { shlexSplit } from './shlex.js';


/**
 * A value as the validators see it: JSON-like, plus `{ type }` for Starlark values that have no
 * JSON form (`tuple`, `bytes`, `dict`, `float`, `function`), named by their Starlark type.
 */
export type LoadValue = string | number | boolean | null | LoadValue[] | { type: string; repr?: string };

/** The ids of the `codex-load` check (src/checks/structural.ts registers them). */
export type CodexLoadMessageId = LoaderMessageId<'codex-load'>;

export interface LoadProblem {
  /** Stable id within the `codex-load` check. */
  messageId: CodexLoadMessageId;
  /** escalint's message: the problem, Codex's error text, then the fix. */
  message: string;
  /** The sub-value at fault, as a path into the value passed in (`[]` = the value itself). */
  path: (string | number)[];
  /** The `error:` line Codex prints for the same input. */
  codexMessage: string;
}

function problem(messageId: CodexLoadMessageId, path: (string | number)[], codexMessage: string, message: string): LoadProblem {
  return { messageId, path, codexMessage, message: `${message} (Codex: ${codexMessage})` };
}

// ---------------------------------------------------------------------------------------------
// Starlark type names and reprs, as they appear in Codex's messages

/** The Starlark type name Codex prints in "(got int)" and "actual `string (…)`". */
export function starlarkTypeName(value: LoadValue | undefined): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  if ('type' in value && typeof value.type === 'string') return value.type;
  return 'dict';
}

/** Starlark's `repr` of a value, as in "actual `string (repr: "git")`". */
export function starlarkRepr(value: LoadValue | undefined): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(starlarkRepr).join(', ')}]`;
  if ('type' in value && typeof value.type === 'string') return value.repr ?? value.type;
  return '{...}';
}

/** What escalint calls a value in its own messages: `string "git"`, `int 3`, `None`. */
function describe(value: LoadValue | undefined): string {
  const type = starlarkTypeName(value);
  if (type === 'NoneType') return 'None';
  if (type === 'list') return 'a list';
  const repr = starlarkRepr(value);
  return repr === type ? type : `${type} ${repr}`;
}

/** The builtins' parameters that have a type, with the id of a value of the wrong type. */
const TYPE_MESSAGE_IDS = {
  pattern: 'pattern-type',
  decision: 'decision-type',
  justification: 'justification-type',
  match: 'match-type',
  not_match: 'not-match-type',
  canonical_matching: 'canonical-matching-type',
  name: 'name-type',
  paths: 'paths-type',
  host: 'host-type',
  protocol: 'protocol-type',
} as const satisfies Record<string, CodexLoadMessageId>;

export type TypedParam = keyof typeof TYPE_MESSAGE_IDS;

/**
 * Codex's message when an argument has the wrong type, e.g.
 * ``Type of parameter `pattern` doesn't match, expected `list`, actual `string (repr: "git")` ``.
 */
export function typeMismatch(param: TypedParam, expected: 'list' | 'str' | 'bool', value: LoadValue | undefined, path: (string | number)[] = []): LoadProblem {
  const codex = `Type of parameter \`${param}\` doesn't match, expected \`${expected}\`, actual \`${starlarkTypeName(value)} (repr: ${starlarkRepr(value)})\``;
  const want = expected === 'list' ? 'a list' : expected === 'str' ? 'a string' : 'True or False';
  const fix =
    expected === 'list' && typeof value === 'string'
      ? `; write it as a list, e.g. [${JSON.stringify(value)}]`
      : value === null && expected === 'str'
        ? `; leave \`${param}\` out instead of passing None`
        : '';
  return problem(TYPE_MESSAGE_IDS[param], path, codex, `\`${param}\` must be ${want}, got ${describe(value)}${fix}`);
}

// ---------------------------------------------------------------------------------------------
// Whitespace as Rust's `str::trim` sees it (Unicode White_Space), which is not JavaScript's:
// Rust trims U+0085 and keeps U+FEFF; JavaScript's trim does the opposite.

const RUST_WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

export function isRustWhitespace(ch: string): boolean {
  return RUST_WHITESPACE.test(ch);
}

export function rustTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isRustWhitespace(s[start]!)) start++;
  while (end > start && isRustWhitespace(s[end - 1]!)) end--;
  return s.slice(start, end);
}

// ---------------------------------------------------------------------------------------------
// prefix_rule

export const DECISIONS: readonly Decision[] = ['allow', 'prompt', 'forbidden'];

/** `decision`: case-sensitive; `prompt-user` exists only in requirements.toml. */
export function validateDecision(value: string): LoadProblem | null {
  if ((DECISIONS as readonly string[]).includes(value)) return null;
  const lower = value.toLowerCase();
  const hint =
    value === 'prompt-user'
      ? '; `prompt-user` is only accepted in requirements.toml, use "prompt"'
      : value === 'deny'
        ? '; use "forbidden"'
        : (DECISIONS as readonly string[]).includes(lower)
          ? `; decisions are case-sensitive, write "${lower}"`
          : '';
  return problem(
    'decision-invalid',
    [],
    `invalid decision: ${value}`,
    `invalid decision ${JSON.stringify(value)}: must be one of allow, prompt, forbidden${hint}`,
  );
}

/** `justification`: refused when blank after trimming Unicode whitespace (U+0085 included). */
export function validateJustification(value: string): LoadProblem | null {
  if (rustTrim(value) !== '') return null;
  return problem(
    'justification-blank',
    [],
    'invalid rule: justification cannot be empty',
    'justification cannot be blank; explain the rule in a few words or leave `justification` out',
  );
}

/**
 * `pattern`: a non-empty list whose elements are strings or non-empty lists of strings (the
 * alternatives at that position). Returns every problem, each with the element's path.
 */
export function validatePatternShape(pattern: LoadValue | undefined): LoadProblem[] {
  if (!Array.isArray(pattern)) return [typeMismatch('pattern', 'list', pattern)];
  if (pattern.length === 0) {
    return [
      problem(
        'pattern-empty',
        [],
        'invalid pattern element: pattern cannot be empty',
        'pattern cannot be empty; start it with the program name, e.g. ["git", "status"]',
      ),
    ];
  }
  const problems: LoadProblem[] = [];
  pattern.forEach((element, i) => {
    if (typeof element === 'string') return;
    if (!Array.isArray(element)) {
      const got = starlarkTypeName(element);
      const fix = got === 'tuple' ? '; write the alternatives as a list: [...]' : '; quote it';
      problems.push(
        problem(
          'pattern-element-type',
          [i],
          `invalid pattern element: pattern element must be a string or list of strings (got ${got})`,
          `pattern element must be a string or a list of strings, got ${describe(element)}${fix}`,
        ),
      );
      return;
    }
    if (element.length === 0) {
      problems.push(
        problem(
          'pattern-alternatives-empty',
          [i],
          'invalid pattern element: pattern alternatives cannot be empty',
          'pattern alternatives cannot be empty; list at least one token, or remove the inner list',
        ),
      );
      return;
    }
    element.forEach((alt, j) => {
      if (typeof alt === 'string') return;
      const got = starlarkTypeName(alt);
      const fix = got === 'list' ? '; alternatives cannot be nested, flatten the list' : '; quote it';
      problems.push(
        problem(
          'pattern-alternative-type',
          [i, j],
          `invalid pattern element: pattern alternative must be a string (got ${got})`,
          `pattern alternative must be a string, got ${describe(alt)}${fix}`,
        ),
      );
    });
  });
  return problems;
}

/** The tokens of a `match`/`not_match` example, or the problem Codex reports for it. */
export type ParsedExample = { tokens: string[] } | LoadProblem;

/**
 * One example: a string (split with Codex's shlex rules) or a non-empty list of strings.
 * `path` of a problem is `[]` for the example or `[j]` for a token of a list example.
 */
export function parseExample(example: LoadValue | undefined): ParsedExample {
  if (typeof example === 'string') {
    const tokens = shlexSplit(example);
    if (tokens === null) {
      return problem(
        'example-shell-syntax',
        [],
        'invalid example: example string has invalid shell syntax',
        `example ${JSON.stringify(example)} has invalid shell syntax (an unterminated quote or a trailing backslash); close the quote, or write the example as a list of tokens`,
      );
    }
    if (tokens.length === 0) {
      return problem(
        'example-empty-string',
        [],
        'invalid example: example cannot be an empty string',
        `example ${JSON.stringify(example)} has no words (blank, or only a # comment); write a command line`,
      );
    }
    return { tokens };
  }
  if (Array.isArray(example)) {
    const bad = example.findIndex((t) => typeof t !== 'string');
    if (bad >= 0) {
      const got = starlarkTypeName(example[bad]);
      return problem(
        'example-token-type',
        [bad],
        `invalid example: example tokens must be strings (got ${got})`,
        `example tokens must be strings, got ${describe(example[bad])}; quote it`,
      );
    }
    if (example.length === 0) {
      return problem(
        'example-empty-list',
        [],
        'invalid example: example cannot be an empty list',
        'example cannot be an empty list; give the tokens of a command line',
      );
    }
    return { tokens: example as string[] };
  }
  const got = starlarkTypeName(example);
  return problem(
    'example-type',
    [],
    `invalid example: example must be a string or list of strings (got ${got})`,
    `example must be a string or a list of strings, got ${describe(example)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// host_executable

export interface HostExecutableResult {
  name: string;
  /** Normalized and deduplicated paths (first occurrence kept), only the valid ones. */
  paths: string[];
  problems: LoadProblem[];
}

/**
 * `host_executable(name, paths)`: a bare name, and absolute paths whose basename is the name.
 * Problem paths: `['name']`, `['paths']`, `['paths', i]`.
 */
export function validateHostExecutable(name: LoadValue | undefined, paths: LoadValue | undefined): HostExecutableResult {
  const problems: LoadProblem[] = [];
  let bare = '';
  if (typeof name !== 'string') {
    problems.push({ ...typeMismatch('name', 'str', name), path: ['name'] });
  } else if (name === '') {
    problems.push(
      problem('host-name-empty', ['name'], 'invalid rule: host_executable name cannot be empty', 'host_executable name cannot be empty; give the program name, e.g. "git"'),
    );
  } else if (name.includes('/') || name === '.' || name === '..') {
    const base = normalizeAbsolutePath(name).split('/').pop() ?? '';
    const fix = base && base !== '.' && base !== '..' ? `; use "${base}" and list the full path in paths` : '';
    problems.push(
      problem(
        'host-name-not-bare',
        ['name'],
        `invalid rule: host_executable name must be a bare executable name (got ${name})`,
        `host_executable name must be a bare program name, got ${JSON.stringify(name)}${fix}`,
      ),
    );
  } else {
    bare = name;
  }
  const out: string[] = [];
  if (!Array.isArray(paths)) {
    problems.push({ ...typeMismatch('paths', 'list', paths), path: ['paths'] });
    return { name: bare, paths: out, problems };
  }
  paths.forEach((raw, i) => {
    if (typeof raw !== 'string') {
      problems.push(
        problem(
          'host-path-type',
          ['paths', i],
          `invalid rule: host_executable paths must be strings (got ${starlarkTypeName(raw)})`,
          `host_executable paths must be strings, got ${describe(raw)}`,
        ),
      );
      return;
    }
    if (!raw.startsWith('/')) {
      const fix = raw.startsWith('~') ? '; Codex 0.169 does not expand ~, write the full path' : '; write the full path from /';
      problems.push(
        problem(
          'host-path-not-absolute',
          ['paths', i],
          `invalid rule: host_executable paths must be absolute (got ${raw})`,
          `host_executable path ${JSON.stringify(raw)} must be absolute${fix}`,
        ),
      );
      return;
    }
    const normalized = normalizeAbsolutePath(raw);
    const base = normalized === '/' ? '' : normalized.slice(normalized.lastIndexOf('/') + 1);
    // Codex stops at a bad name, so the basename is only compared with a valid one.
    if (bare !== '' && base !== bare) {
      problems.push(
        problem(
          'host-path-basename',
          ['paths', i],
          `invalid rule: host_executable path \`${raw}\` must have basename \`${bare}\``,
          `host_executable path ${JSON.stringify(raw)} must end in /${bare}${base ? `, not /${base}` : ''}`,
        ),
      );
      return;
    }
    if (!out.includes(normalized)) out.push(normalized);
  });
  return { name: bare, paths: out, problems };
}

// ---------------------------------------------------------------------------------------------
// network_rule

/** Protocols and the aliases Codex accepts for them. */
export const NETWORK_PROTOCOLS = {
  http: 'http',
  https: 'https',
  https_connect: 'https', // alias kept for older configs
  'http-connect': 'https', // alias kept for older configs
  socks5_tcp: 'socks5_tcp',
  socks5_udp: 'socks5_udp',
} as const satisfies Record<string, NetworkProtocol>;

export function validateNetworkProtocol(value: string): { protocol: NetworkProtocol } | LoadProblem {
  const protocol = Object.prototype.hasOwnProperty.call(NETWORK_PROTOCOLS, value) ? (NETWORK_PROTOCOLS as Record<string, NetworkProtocol>)[value] : undefined;
  if (protocol) return { protocol };
  return problem(
    'network-protocol-invalid',
    [],
    `invalid rule: network_rule protocol must be one of http, https, socks5_tcp, socks5_udp (got ${value})`,
    `invalid network_rule protocol ${JSON.stringify(value)}: must be one of http, https, socks5_tcp, socks5_udp`,
  );
}

/** network_rule decisions: the three decisions, and `deny` as a synonym of `forbidden`. */
export function validateNetworkDecision(value: string): { decision: Decision } | LoadProblem {
  if (value === 'deny') return { decision: 'forbidden' };
  if ((DECISIONS as readonly string[]).includes(value)) return { decision: value as Decision };
  return problem(
    'network-decision-invalid',
    [],
    `invalid decision: ${value}`,
    `invalid network_rule decision ${JSON.stringify(value)}: must be one of allow, prompt, forbidden, deny`,
  );
}

/** Codex's `normalize_network_rule_host`: the normalized host, or the problem. */
export function normalizeNetworkHost(raw: string): { host: string } | LoadProblem {
  const bad = (id: 'empty' | 'not-host' | 'ipv6' | 'wildcard' | 'whitespace', codexTail: string, message: string) =>
    problem(`network-host-${id}`, [], `invalid rule: network_rule host ${codexTail}`, message);
  let host = rustTrim(raw);
  if (host === '') return bad('empty', 'cannot be empty', 'network_rule host cannot be empty; give a host name such as "api.github.com"');
  if (host.includes('://') || host.includes('/') || host.includes('?') || host.includes('#')) {
    return bad(
      'not-host',
      'must be a hostname or IP literal (without scheme or path)',
      `network_rule host ${JSON.stringify(raw)} must be a bare host name or IP address, without scheme, path, query or fragment`,
    );
  }
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) {
      return bad('ipv6', 'has an invalid bracketed IPv6 literal', `network_rule host ${JSON.stringify(raw)} has an unclosed [IPv6] literal`);
    }
    const rest = host.slice(close + 1);
    if (rest !== '' && !/^:[0-9]+$/.test(rest)) {
      return problem(
        'network-host-suffix',
        [],
        `invalid rule: network_rule host contains an unsupported suffix: ${raw}`,
        `network_rule host ${JSON.stringify(raw)} has text after the [IPv6] literal; only :port may follow`,
      );
    }
    host = host.slice(1, close);
  } else {
    const colon = host.indexOf(':');
    if (colon > 0 && colon === host.lastIndexOf(':') && /^[0-9]+$/.test(host.slice(colon + 1))) host = host.slice(0, colon);
  }
  const normalized = rustTrim(host.replace(/\.+$/, '')).replace(/[A-Z]/g, (c) => c.toLowerCase());
  if (normalized === '') return bad('empty', 'cannot be empty', 'network_rule host cannot be empty; give a host name such as "api.github.com"');
  if (normalized.includes('*')) {
    return bad('wildcard', 'must be a specific host; wildcards are not allowed', `network_rule host ${JSON.stringify(raw)} must be one specific host; Codex does not allow wildcards`);
  }
  if ([...normalized].some(isRustWhitespace)) {
    return bad('whitespace', 'cannot contain whitespace', `network_rule host ${JSON.stringify(raw)} cannot contain whitespace`);
  }
  return { host: normalized };
}

export function isLoadProblem(x: unknown): x is LoadProblem {
  return typeof x === 'object' && x !== null && 'messageId' in x && 'codexMessage' in x;
}
