// Check ids of the structural stages: findings made while loading a rule file (src/rules/*) or
// while reading escalint's own configuration (settings.checks, inline directives). They have no
// `run` here; the loaders report them. Their meta exists so every output format can name and
// describe them (SARIF `tool.driver.rules`) and so `settings.checks` can refer to them.
//
// Severity policy, as ESLint treats parse errors: `yaml`, `schema` and `rules-syntax` mean the
// file could not be read as written, so nothing after them can be trusted. They are always
// errors: `settings.checks` cannot change them and inline directives cannot silence them (both
// attempts are findings themselves). `codex-load` and `example-mismatch` are what Codex refuses at
// start-up; they default to error but can be set to warn or off like any other check, for a file
// that is not meant for Codex as it stands.
import type { Diagnostic } from '../types.js';
import type { CheckMeta } from './define.js';

// ---------------------------------------------------------------------------------------------
// The messageIds each loader stage can emit, by check. The loaders (src/rules/*, the examples
// stage in src/engine/examples.ts) type their reporting helpers with these keys, so emitting an
// unregistered id does not compile; test/checks/structural-messages.test.ts feeds the loaders an
// input for every id (and fails on an id no input produces). The values are one-line templates
// for docs and tools; the loaders build the text users see themselves, with the values filled in.

/** Ids of the size/UTF-8 guard (src/rules/decode.ts), shared by both readers. */
const decodeMessages = {
  'too-large': 'file is {{size}}, larger than the limit of {{limit}}; split the rules into several files',
  'invalid-utf8': 'invalid UTF-8 (byte {{byte}} at byte offset {{offset}}); save the file as UTF-8',
} as const;

/** A YAML file's diagnostics are capped per (check, messageId); the rest become one of these. */
const tooMany = { 'too-many': '{{count}} more "{{messageId}}" problems not shown' } as const;

const yamlMessages = {
  ...decodeMessages,
  'too-deep': 'nesting deeper than {{limit}} levels; a rule file never needs this much',
  'syntax-error': 'syntax error, in the words of the yaml package: {{message}}',
  directive: 'directive "{{directive}}" is not allowed (escalint reads plain YAML 1.2); remove it',
  'multiple-documents': 'a rule file holds one YAML document; move these rules into the first document or another file',
  anchor: 'anchor "{{anchor}}" is not allowed; write the value out in full',
  alias: 'alias "*{{alias}}" is not allowed; write the value out in full',
  tag: 'tag "{{tag}}" is not allowed; remove it (quote the value if you meant a string)',
  'complex-key': 'a key must be a plain name, not a list, mapping or alias; rewrite the key as text',
  'duplicate-key': 'duplicate key "{{key}}"; remove one of the two',
  'empty-value': '{{label}} has no value; give it one or remove the key',
  'non-string-scalar': '{{value}} in {{label}} is read as {{kind}}, not text; quote it: {{quoted}}',
  'yaml11-boolean': '{{value}} in {{label}} is a boolean in YAML 1.1 (other tools read it as true or false); quote it: {{quoted}}',
  ...tooMany,
} as const;

const schemaMessages = {
  'empty-file': 'the rule file is empty; start it with "version: 1"',
  type: '{{label}} must be {{expected}}; got {{actual}}',
  enum: '{{label}} must be one of {{allowed}}; got {{actual}}',
  const: '{{label}} must be {{expected}}; got {{actual}}',
  required: '{{container}} is missing required key "{{key}}"',
  'unknown-key': 'unknown key "{{key}}" in {{container}}; did you mean "{{suggestion}}"? (else: expected one of {{known}})',
  'bad-key': '"{{key}}" is not a check id; check ids are kebab-case, such as "too-specific"',
  pattern: '{{label}} must match {{pattern}}; got {{actual}} (id and codex_version say what they expect)',
  'min-items': '{{label}} needs at least {{limit}} items',
  'max-items': '{{label}} takes at most {{limit}} items',
  'duplicate-id': 'rule id "{{id}}" is already used by an earlier rule; rule ids are unique: rename one of them',
  ...tooMany,
} as const;

const rulesSyntaxMessages = {
  ...decodeMessages,
  syntax: 'syntax error: {{message}} (Codex: Parse error)',
  tab: 'tabs are not allowed; indent with spaces (Codex: Parse error)',
  indentation: 'unexpected or incorrect indentation (Codex: Parse error)',
  'too-deep': '{{what}} nested too deeply; Codex rule files need no deep nesting (Codex: Parse error)',
  variable: 'variables are not supported: escalint reads .rules files without running them; write the literal value',
  def: '"def" is not supported: escalint reads .rules files without running them; write each prefix_rule(...) call out',
  loop: '"for" loops are not supported: escalint reads .rules files without running them; write each call out',
  if: '"if" statements are not supported: escalint reads .rules files without running them; keep only the calls that apply',
  load: 'load() is not available in Codex rule files; put the calls in this file (Codex: No imports are available)',
  statement: '{{statement}} outside a function or loop, or a statement that does nothing; remove it',
  call: 'calls to {{name}} are not supported: escalint reads .rules files without running them; write the literal value',
  'unknown-function': 'unknown function {{name}}: Codex rule files can call prefix_rule, host_executable and network_rule',
  'f-string': 'f-strings are not supported: escalint reads .rules files without running them; write the literal string',
  unpacking: 'argument unpacking (*/**) is not supported: escalint reads .rules files without running them; write the arguments out',
  operator: 'operators such as {{operator}} are not supported: escalint reads .rules files without running them; write the resulting literal',
  conditional: 'conditional expressions (a if b else c) are not supported: escalint reads .rules files without running them; write the literal value',
  lambda: 'lambda is not supported: escalint reads .rules files without running them; write each call out with literal values',
  comprehension: 'comprehensions are not supported: escalint reads .rules files without running them; write the list out',
  attribute: 'attribute access and methods (.format, .split…) are not supported: escalint reads .rules files without running them; write the literal value',
  subscript: 'indexing and slicing are not supported: escalint reads .rules files without running them; write the literal value',
} as const;

const codexLoadMessages = {
  // Arguments of the builtins (.rules only)
  'too-many-arguments': '{{function}} takes at most {{count}} positional arguments; pass the extra value by name or remove it',
  'unknown-argument': 'unknown argument {{name}} for {{function}}; did you mean {{suggestion}}?',
  'repeated-argument': '{{name}} is given twice (or positionally and by name); keep one',
  'missing-argument': '{{function}} needs {{name}}',
  'pattern-type': 'pattern must be a list, got {{actual}}',
  'decision-type': 'decision must be a string, got {{actual}}',
  'justification-type': 'justification must be a string, got {{actual}}',
  'match-type': 'match must be a list, got {{actual}}',
  'not-match-type': 'not_match must be a list, got {{actual}}',
  'canonical-matching-type': 'canonical_matching must be True or False, got {{actual}}',
  'name-type': 'host_executable name must be a string, got {{actual}}',
  'paths-type': 'host_executable paths must be a list, got {{actual}}',
  'host-type': 'network_rule host must be a string, got {{actual}}',
  'protocol-type': 'network_rule protocol must be a string, got {{actual}}',
  // prefix_rule
  'pattern-empty': 'pattern cannot be empty; start it with the program name, e.g. ["git", "status"]',
  'pattern-element-type': 'pattern element must be a string or a list of strings, got {{actual}}',
  'pattern-alternatives-empty': 'pattern alternatives cannot be empty; list at least one token, or remove the inner list',
  'pattern-alternative-type': 'pattern alternative must be a string, got {{actual}}',
  'decision-invalid': 'invalid decision "{{decision}}": must be one of allow, prompt, forbidden',
  'justification-blank': 'justification cannot be blank; explain the rule in a few words or leave justification out',
  'example-shell-syntax': 'example "{{example}}" has invalid shell syntax (an unterminated quote or a trailing backslash); close the quote, or write the example as a list of tokens',
  'example-empty-string': 'example "{{example}}" has no words (blank, or only a # comment); write a command line',
  'example-empty-list': 'example cannot be an empty list; give the tokens of a command line',
  'example-token-type': 'example tokens must be strings, got {{actual}}; quote it',
  'example-type': 'example must be a string or a list of strings, got {{actual}}',
  // host_executable
  'host-name-empty': 'host_executable name cannot be empty; give the program name, e.g. "git"',
  'host-name-not-bare': 'host_executable name must be a bare program name, got "{{name}}"',
  'host-path-type': 'host_executable paths must be strings, got {{actual}}',
  'host-path-not-absolute': 'host_executable path "{{path}}" must be absolute',
  'host-path-basename': 'host_executable path "{{path}}" must end in /{{name}}',
  // network_rule
  'network-protocol-invalid': 'invalid network_rule protocol "{{protocol}}": must be one of http, https, socks5_tcp, socks5_udp',
  'network-decision-invalid': 'invalid network_rule decision "{{decision}}": must be one of allow, prompt, forbidden, deny',
  'network-host-empty': 'network_rule host cannot be empty; give a host name such as "api.github.com"',
  'network-host-not-host': 'network_rule host "{{host}}" must be a bare host name or IP address, without scheme, path, query or fragment',
  'network-host-ipv6': 'network_rule host "{{host}}" has an unclosed [IPv6] literal',
  'network-host-suffix': 'network_rule host "{{host}}" has text after the [IPv6] literal; only :port may follow',
  'network-host-wildcard': 'network_rule host "{{host}}" must be one specific host; Codex does not allow wildcards',
  'network-host-whitespace': 'network_rule host "{{host}}" cannot contain whitespace',
  ...tooMany,
} as const;

const exampleMismatchMessages = {
  'not-match-matches': 'not_match example {{example}} matches the pattern {{pattern}}; narrow the pattern or remove the example',
  'match-unmatched': 'match example {{example}} does not match the pattern {{pattern}}; fix the example or widen the pattern',
} as const;

/** Every messageId a loader stage can emit, by check id. */
export const loaderMessages = {
  yaml: yamlMessages,
  schema: schemaMessages,
  'rules-syntax': rulesSyntaxMessages,
  'codex-load': codexLoadMessages,
  'example-mismatch': exampleMismatchMessages,
} as const;

/** The check ids loaders report under (`io`, a file that cannot be read, is fatal, not a finding). */
export type LoaderCheckId = keyof typeof loaderMessages;

/** The registered messageIds of one loader check. */
export type LoaderMessageId<C extends LoaderCheckId> = keyof (typeof loaderMessages)[C] & string;

/** A Diagnostic whose check is a loader check and whose messageId is registered for it. */
export type LoaderDiagnostic<C extends LoaderCheckId = LoaderCheckId> = {
  [K in C]: Diagnostic & { check: K; messageId: LoaderMessageId<K> };
}[C];

export interface StructuralCheck {
  id: string;
  meta: CheckMeta;
  /** True when the severity is always `error` and directives cannot silence it. */
  fixed: boolean;
}

export const structuralChecks: readonly StructuralCheck[] = [
  {
    id: 'yaml',
    fixed: true,
    meta: {
      description: 'YAML syntax errors and YAML constructs escalint refuses',
      docs:
        'The file is not YAML escalint accepts: a syntax error, a duplicate key, an anchor or alias, a custom ' +
        'tag, a %YAML/%TAG directive, more than one document, a scalar that YAML reads as a number, boolean ' +
        'or null where a string is expected, or a file over the size or nesting limits. Fix the text as the ' +
        'message says (often: quote the value).',
      defaultSeverity: 'error',
      messages: yamlMessages,
    },
  },
  {
    id: 'schema',
    fixed: true,
    meta: {
      description: 'a key or value that schemas/escalint.schema.json does not allow',
      docs:
        'The document does not match the rule-file schema: an unknown key, a missing required key, or a value ' +
        'of the wrong type or outside the allowed set. Add the yaml-language-server modeline to get completion ' +
        'in your editor.',
      defaultSeverity: 'error',
      messages: schemaMessages,
    },
  },
  {
    id: 'rules-syntax',
    fixed: true,
    meta: {
      description: 'a Codex .rules file that escalint cannot read without running it',
      docs:
        'escalint reads Codex .rules files (Starlark) without evaluating them: only literal calls of ' +
        'prefix_rule, host_executable and network_rule. Syntax errors, variables, loops, def and other ' +
        'constructs are reported here; rewrite them as literal calls (or keep the rules in YAML).',
      defaultSeverity: 'error',
      messages: rulesSyntaxMessages,
    },
  },
  {
    id: 'codex-load',
    fixed: false,
    meta: {
      description: 'something Codex refuses when it loads the rules',
      docs:
        'Codex validates rules at start-up and refuses to start on: an empty pattern or empty alternatives, ' +
        'an unknown decision, a blank justification, host_executable paths that are not absolute or whose ' +
        'basename differs from the name, and network_rule hosts it cannot normalize. Each finding points at ' +
        'the offending value.',
      defaultSeverity: 'error',
      messages: codexLoadMessages,
    },
  },
  {
    id: 'example-mismatch',
    fixed: false,
    meta: {
      description: 'a match/not_match example that the rule does not agree with',
      docs:
        'Codex checks every match example against its rule and every not_match example against it at load ' +
        'time (examples given as strings are split with shlex), and refuses to start when one fails. Fix the ' +
        'pattern or the example.',
      defaultSeverity: 'error',
      messages: exampleMismatchMessages,
    },
  },
  {
    id: 'directive',
    fixed: false,
    meta: {
      description: 'an escalint-disable/enable comment that names an unknown check or silences nothing',
      docs:
        'Inline directives (# escalint-disable-next-line <check> -- reason, # escalint-disable, ' +
        '# escalint-enable) must name known check ids. With --report-unused-disable-directives, a ' +
        'disable directive that silenced no finding is reported too, so stale ones get removed.',
      defaultSeverity: 'error',
      messages: {
        unknownCheck: 'unknown check "{{id}}" in escalint-{{kind}}; {{suggestion}}',
        notSuppressible: '"{{id}}" findings cannot be disabled; fix the file instead',
        unused: 'unused escalint-{{kind}} directive (no problems were reported{{from}}); remove it',
      },
    },
  },
  {
    id: 'settings',
    fixed: false,
    meta: {
      description: 'a settings.checks entry that names an unknown check or a severity that cannot change',
      docs:
        'settings.checks maps check ids to error, warn or off (or [severity, options]). Every key must be a ' +
        'check id escalint knows; yaml, schema and rules-syntax are always errors.',
      defaultSeverity: 'error',
      messages: {
        unknownCheck: 'unknown check "{{id}}" in settings.checks; {{suggestion}}',
        notConfigurable: '"{{id}}" is always an error and cannot be set to "{{severity}}"; remove this entry',
      },
    },
  },
];
