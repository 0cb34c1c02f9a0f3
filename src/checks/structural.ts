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
import type { CheckMeta } from './define.js';

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
      messages: {},
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
      messages: {},
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
      messages: {},
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
      messages: {},
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
      messages: {},
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
