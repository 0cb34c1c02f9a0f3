// The pipeline after loading (src/lint.ts): severities from settings.checks, fixed structural
// ids, inline directives, unused-directive reporting, ordering. Loader-independent: the load
// outcome is made by hand (test/checks/helpers.ts).
import { describe, expect, it } from 'vitest';
import { defineCheck } from '../src/checks/define.js';
import { implicitDecision } from '../src/checks/implicit-decision.js';
import { lintLoaded, type LintOptions } from '../src/lint.js';
import type { Diagnostic, RuleSet } from '../src/types.js';
import { diag, ruleSetOf } from './checks/helpers.js';

const FILE = 'r.yaml';

/** Findings as `line:check:severity` (line from the text), for compact expectations. */
function lint(text: string, opts: { settings?: RuleSet['settings']['checks']; loader?: [string, string][] } & Omit<LintOptions, 'checks'> = {}) {
  const lines = text.split('\n');
  const rules = lines.flatMap((l, i) =>
    /pattern: \[(\w+)\]/.test(l) ? [{ at: `[${/pattern: \[(\w+)\]/.exec(l)![1]}]`, pattern: [/pattern: \[(\w+)\]/.exec(l)![1]!], line: i }] : [],
  );
  const ruleSet = ruleSetOf([{ path: FILE, text, rules: rules.map((r) => ({ at: r.at, pattern: r.pattern })) }], opts.settings);
  // The loader records where each settings.checks key is written; here, the key's first `id:`.
  for (const id of Object.keys(opts.settings ?? {})) {
    const start = text.indexOf(`${id}:`);
    if (start >= 0) ruleSet.settingsKeys = { ...ruleSet.settingsKeys, [id]: { file: FILE, start, end: start + id.length } };
  }
  const diagnostics: Diagnostic[] = (opts.loader ?? []).map(([needle, check]) => diag(FILE, text, needle, check, `${check} finding`));
  const result = lintLoaded({ ruleSet, diagnostics, fatal: false }, { reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives });
  const lineOf = (d: Diagnostic) => text.slice(0, d.start).split('\n').length;
  return {
    found: result.diagnostics.map((d) => `${lineOf(d)}:${d.check}:${d.severity}${d.check === 'directive' || d.check === 'settings' ? `: ${d.message}` : ''}`),
    suppressed: result.results.flatMap((r) => r.suppressed.map((d) => `${lineOf(d)}:${d.check}:${d.suppressions[0]!.justification}`)),
    result,
  };
}

const three = `rules:
  - pattern: [a]
  - pattern: [b]
  - pattern: [c]
`;

describe('severities', () => {
  it('uses each check default: implicit-decision warns', () => {
    expect(lint(three).found).toEqual(['2:implicit-decision:warn', '3:implicit-decision:warn', '4:implicit-decision:warn']);
  });

  it.each([
    ['error', ['2:implicit-decision:error', '3:implicit-decision:error', '4:implicit-decision:error']],
    [['warn', { any: 1 }], ['2:implicit-decision:warn', '3:implicit-decision:warn', '4:implicit-decision:warn']],
    ['off', []],
  ] as const)('settings.checks implicit-decision: %j', (level, expected) => {
    expect(lint(three, { settings: { 'implicit-decision': level as never } }).found).toEqual(expected);
  });

  it('does not run a check that is off, and passes options to one that is on', () => {
    const seen: unknown[] = [];
    const probe = defineCheck({
      id: 'implicit-decision',
      meta: { ...implicitDecision.meta },
      run: (ctx) => void seen.push(ctx.options),
    });
    lintLoaded({ ruleSet: ruleSetOf([{ path: FILE, text: three }], { 'implicit-decision': 'off' }), diagnostics: [], fatal: false }, { checks: [probe] });
    expect(seen).toEqual([]);
    lintLoaded({ ruleSet: ruleSetOf([{ path: FILE, text: three }], { 'implicit-decision': ['error', { max: 3 }] }), diagnostics: [], fatal: false }, { checks: [probe] });
    expect(seen).toEqual([{ max: 3 }]);
  });

  it('downgrades or silences codex-load and example-mismatch', () => {
    const loader: [string, string][] = [['[a]', 'codex-load'], ['[b]', 'example-mismatch']];
    expect(lint(three, { loader, settings: { 'implicit-decision': 'off' } }).found).toEqual(['2:codex-load:error', '3:example-mismatch:error']);
    expect(lint(three, { loader, settings: { 'implicit-decision': 'off', 'codex-load': 'warn', 'example-mismatch': 'off' } }).found).toEqual(['2:codex-load:warn']);
  });

  it('keeps yaml, schema and rules-syntax errors, and says so for a settings entry that tries', () => {
    const text = `rules:\n  - pattern: [a]\n    decision: allow\nsettings:\n  checks:\n    schema: warn\n    yaml: error\n    no-such-check: off\n`;
    const loader: [string, string][] = [['[a]', 'schema'], ['allow', 'yaml']];
    expect(lint(text, { loader, settings: { schema: 'warn', yaml: 'error', 'no-such-check': 'off', 'implicit-decision': 'off' } }).found).toEqual([
      '2:schema:error',
      '3:yaml:error',
      '6:settings:error: "schema" is always an error and cannot be set to "warn"; remove this entry',
      '8:settings:error: unknown check "no-such-check" in settings.checks; known checks: codex-load, example-mismatch, directive, settings, too-specific, whole-command, shell-wrapper, env-assignment, absolute-path, glob-literal, arbitrary-code, dangerous-allow, option-bypass, codex-script-gap, implicit-decision, missing-justification, unsafe-justification, duplicate-rule, redundant-rule, ineffective-rule',
    ]);
  });
});

describe('inline directives', () => {
  it('disable-next-line silences the named check on the next line only, keeping the reason', () => {
    const text = `rules:\n  # escalint-disable-next-line implicit-decision -- reviewed\n  - pattern: [a]\n  - pattern: [b]\n`;
    const out = lint(text);
    expect(out.found).toEqual(['4:implicit-decision:warn']);
    expect(out.suppressed).toEqual(['3:implicit-decision:reviewed']);
  });

  it('disable-line silences findings on its own line', () => {
    const text = `rules:\n  - pattern: [a] # escalint-disable-line\n  - pattern: [b]\n`;
    expect(lint(text).found).toEqual(['3:implicit-decision:warn']);
  });

  it('a directive for another check silences nothing', () => {
    const text = `rules:\n  # escalint-disable-next-line codex-load\n  - pattern: [a]\n`;
    expect(lint(text).found).toEqual(['3:implicit-decision:warn']);
  });

  it('disable/enable ranges, with and without ids', () => {
    const text = `rules:
  - pattern: [a]
  # escalint-disable
  - pattern: [b]
  # escalint-enable implicit-decision
  - pattern: [c]
  # escalint-disable implicit-decision
  - pattern: [d]
  # escalint-enable
  - pattern: [e]
`;
    const out = lint(text, { loader: [['[c]', 'codex-load']] });
    expect(out.found).toEqual(['2:implicit-decision:warn', '6:implicit-decision:warn', '10:implicit-decision:warn']);
    expect(out.suppressed).toEqual(['4:implicit-decision:', '6:codex-load:', '8:implicit-decision:']);
  });

  it('an unterminated disable lasts to the end of the file', () => {
    expect(lint(`# escalint-disable implicit-decision\n${three}`).found).toEqual([]);
  });

  it('cannot silence yaml, schema or rules-syntax, and says so', () => {
    const text = `rules:\n  # escalint-disable-next-line schema\n  - pattern: [a]\n`;
    expect(lint(text, { loader: [['[a]', 'schema']], settings: { 'implicit-decision': 'off' } }).found).toEqual([
      '2:directive:error: "schema" findings cannot be disabled; fix the file instead',
      '3:schema:error',
    ]);
  });

  it('reports an unknown check id, and that directive silences nothing', () => {
    const text = `rules:\n  # escalint-disable-next-line implicit-decisoin\n  - pattern: [a]\n`;
    expect(lint(text).found).toEqual([
      '2:directive:error: unknown check "implicit-decisoin" in escalint-disable-next-line; did you mean "implicit-decision"?',
      '3:implicit-decision:warn',
    ]);
  });

  it('reports unused disable directives only when asked, per id', () => {
    const text = `# escalint-disable codex-load
rules:
  # escalint-disable-next-line implicit-decision, example-mismatch
  - pattern: [a]
  # escalint-disable-next-line
  - id: ok
  - pattern: [b]
`;
    expect(lint(text).found).toEqual(['7:implicit-decision:warn']);
    expect(lint(text, { reportUnusedDisableDirectives: true }).found).toEqual([
      '1:directive:error: unused escalint-disable directive (no problems were reported from "codex-load"); remove it',
      '3:directive:error: unused escalint-disable-next-line directive (no problems were reported from "example-mismatch"); remove it',
      '5:directive:error: unused escalint-disable-next-line directive (no problems were reported); remove it',
      '7:implicit-decision:warn',
    ]);
    expect(lint(text, { reportUnusedDisableDirectives: 'warn' }).found[0]).toMatch(/^1:directive:warn/);
  });

  it('works in .rules files', () => {
    const text = 'prefix_rule(["a"]) # escalint-disable-line implicit-decision\nprefix_rule(["b"])\n';
    const ruleSet = ruleSetOf([
      {
        path: 'x.rules',
        text,
        rules: [
          { at: '["a"]', pattern: ['a'] },
          { at: '["b"]', pattern: ['b'] },
        ],
      },
    ]);
    const result = lintLoaded({ ruleSet, diagnostics: [], fatal: false });
    expect(result.diagnostics.map((d) => [d.check, text.slice(d.start, d.end)])).toEqual([['implicit-decision', '["b"]']]);
  });
});

describe('results', () => {
  it('has one result per file in load order, sorted findings and counts', () => {
    const a = 'rules:\n  - pattern: [z]\n  - pattern: [y]\n';
    const ruleSet = ruleSetOf([
      { path: 'b.yaml', text: a, rules: [{ at: '[y]', pattern: ['y'] }, { at: '[z]', pattern: ['z'] }] },
      { path: 'a.yaml', text: 'version: 1\n' },
    ]);
    const result = lintLoaded({ ruleSet, diagnostics: [diag('a.yaml', 'version: 1\n', '1', 'schema', 'x')], fatal: false });
    expect(result.results.map((r) => [r.filePath, r.errorCount, r.warningCount, r.diagnostics.map((d) => d.start)])).toEqual([
      ['b.yaml', 0, 2, [a.indexOf('[z]'), a.indexOf('[y]')]],
      ['a.yaml', 1, 0, [9]],
    ]);
    expect([result.errorCount, result.warningCount, result.fatal]).toEqual([1, 2, []]);
  });

  it('separates I/O failures as fatal', () => {
    const io: Diagnostic = { check: 'io', messageId: 'unreadable', severity: 'error', message: 'cannot read "x.yaml": no such file', file: 'x.yaml', start: 0, end: 0 };
    const result = lintLoaded({ ruleSet: ruleSetOf([]), diagnostics: [io], fatal: true });
    expect(result.fatal).toEqual([io]);
    expect(result.diagnostics).toEqual([]);
  });
});
