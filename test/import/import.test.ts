// importRules (src/import/import.ts): golden YAML for the fixtures in test/fixtures/import (Codex's
// own default.rules shapes, a hand-written file with keyword and positional arguments, comments
// everywhere, docstrings, alternatives and examples, odd tokens, directives, a file without calls,
// a grown default.rules with and without --collapse); every golden loads as YAML and holds the same
// rules, host executables and network rules as the .rules file; tables for where comments go, for
// ids, and for what is refused (exit 1 vs 2 in the CLI).
// `UPDATE_GOLDEN=1 npx vitest run test/import/import.test.ts` rewrites the goldens; read the diff.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importRules, type ImportResult } from '../../src/import/import.js';
import { lintLoaded } from '../../src/lint.js';
import { CODEX_REFUSES, loadRuleText } from '../../src/load.js';
import type { RuleSet } from '../../src/types.js';
import { expectGolden } from '../golden.js';

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const FIXTURES = ['codex-default', 'hand-written', 'tricky-tokens', 'directives', 'comments-only', 'grown'];
/** The input of a fixture: codex-default is the Codex-written sample of the .rules reader's fixtures. */
const fixtureInput = (name: string): string =>
  name === 'codex-default' ? fileURLToPath(new URL('../fixtures/starlark/default.rules', import.meta.url)) : path.join(fixtures, `${name}.rules`);

async function importText(text: string, opts: { collapse?: boolean; name?: string } = {}): Promise<ImportResult> {
  const name = opts.name ?? 'in.rules';
  return importRules(name, text, { source: name, collapse: opts.collapse ?? false });
}

/** What Codex loads, without positions: rules, host executables, network rules. */
function semantics(ruleSet: RuleSet) {
  return {
    rules: ruleSet.rules.map((r) => ({
      pattern: r.pattern,
      decision: r.decision,
      justification: r.justification ?? null,
      match: r.match,
      notMatch: r.notMatch,
      canonicalMatching: r.canonicalMatching,
    })),
    hostExecutables: ruleSet.hostExecutables.map((h) => ({ name: h.name, paths: h.paths })),
    networkRules: ruleSet.networkRules.map((n) => ({ host: n.host, protocol: n.protocol, decision: n.decision, justification: n.justification ?? null })),
  };
}

async function loadYaml(text: string) {
  const loaded = await loadRuleText('out.yaml', text);
  expect(loaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check)), text).toEqual([]);
  return loaded;
}

describe('escalint import: goldens', () => {
  it.each(FIXTURES)('%s.rules', async (name) => {
    const input = readFileSync(fixtureInput(name), 'utf8');
    const r = await importText(input, { name: `${name}.rules` });
    expect(r.refused).toBe(null);
    expectGolden(r.text!, path.join(fixtures, `${name}.yaml`));
    // The YAML loads, and holds exactly what Codex loads from the .rules file, in the same order.
    const yaml = await loadYaml(r.text!);
    const rules = await loadRuleText(`${name}.rules`, input);
    expect(semantics(yaml.ruleSet)).toEqual(semantics(rules.ruleSet));
    // Every rule has a unique schema-valid id and an explicit decision.
    expect(yaml.ruleSet.rules.every((rule) => rule.id !== null && rule.decisionExplicit)).toBe(true);
    // check finds the same on the YAML (directives included), but what the import resolved.
    const found = (l: Awaited<ReturnType<typeof loadRuleText>>) => lintLoaded(l).diagnostics.map((d) => d.check).filter((c) => c !== 'implicit-decision');
    expect(found(yaml)).toEqual(found(rules));
    expect(r.stats.findings).toBe(found(rules).length);
    // Deterministic.
    expect((await importText(input, { name: `${name}.rules` })).text).toBe(r.text);
  });

  it.each(['grown', 'hand-written'])('%s.rules --collapse', async (name) => {
    const input = readFileSync(fixtureInput(name), 'utf8');
    const r = await importText(input, { name: `${name}.rules`, collapse: true });
    expect(r.refused).toBe(null);
    expectGolden(r.text!, path.join(fixtures, `${name}.collapse.yaml`));
    await loadYaml(r.text!);
    expect(r.stats.replaced).toBeGreaterThan(0);
  });
});

describe('escalint import: comments stay where they belong', () => {
  it('a comment line above a call goes above its rule; a trailing comment stays on the pattern line', async () => {
    const r = await importText('prefix_rule(pattern=["ls"], decision="allow")\n# about git\nprefix_rule(pattern=["git", "status"], decision="allow")  # read-only\n');
    expect(r.text).toContain('  - id: ls\n    pattern: [ls]\n    decision: allow\n  # about git\n  - id: git-status\n    pattern: [git, status]  # read-only\n    decision: allow\n');
  });

  it('a block separated from the first call by a blank line is about the file; comments after the last call end the file', async () => {
    const r = await importText('# file header\n\n# about ls\nprefix_rule(pattern=["ls"], decision="allow")\n\n# the end\n');
    expect(r.text).toMatch(/^# yaml-language-server: \$schema=\.\/schemas\/escalint\.schema\.json\n# imported by escalint from in\.rules\n\n# file header\nversion: 1\nrules:\n  # about ls\n  - id: ls\n/);
    expect(r.text!.endsWith('    decision: allow\n\n# the end\n')).toBe(true);
  });

  it('comments inside a call go to the key of the argument they sit at; blank lines between calls are kept (one)', async () => {
    const r = await importText(
      [
        'prefix_rule(pattern=["a"], decision="allow")',
        '',
        '',
        'prefix_rule(',
        '    decision = "prompt",  # ask',
        '    # the program',
        '    pattern = [',
        '        "b",  # b itself',
        '    ],',
        '    canonical_matching = False,  # as Codex does by default',
        '    # done',
        ')  # after',
        '',
      ].join('\n'),
    );
    expect(r.text).toContain('  - id: a\n    pattern: [a]\n    decision: allow\n\n  # escalint: codex-script-gap');
    expect(r.text).toContain(
      [
        '  - id: b',
        '    # the program',
        '    pattern: [b]  # b itself  # as Codex does by default  # after',
        '    decision: prompt  # ask',
        '    # done',
        '',
      ].join('\n'),
    );
  });

  it('reads CRLF line ends as LF ones', async () => {
    const lf = '# a\nprefix_rule(pattern=["ls"], decision="allow")  # b\n\n# c\nprefix_rule(\n    pattern=["git"],  # d\n    decision="prompt",\n)\n';
    const crlf = await importText(lf.replace(/\n/g, '\r\n'));
    expect(crlf.text).toBe((await importText(lf)).text);
  });

  it('host_executable and network_rule calls carry their comments into their sections', async () => {
    const r = await importText('# git lives here\nhost_executable(name="git", paths=["/usr/bin/git"])  # only there\nnetwork_rule("Example.com:443", "https", "deny")\n');
    expect(r.text).toContain('rules: []\nhost_executables:\n  # git lives here\n  - name: git  # only there\n    paths: [/usr/bin/git]\nnetwork_rules:\n  - host: example.com\n    protocol: https\n    decision: forbidden\n');
  });

  it('a docstring is kept as comment lines; a # inside a string is not a comment', async () => {
    const r = await importText('"""Rules.\n\nMore."""\nprefix_rule(pattern=["echo", "# not a comment"], decision="prompt", justification="x # y")\n');
    expect(r.text).toContain('rules:\n  # Rules.\n  #\n  # More.\n');
    expect(r.text).toContain('    pattern: [echo, "# not a comment"]\n    decision: prompt\n    justification: "x # y"\n');
  });

  it('keeps escalint-disable-next-line right above the entry, with the findings above it', async () => {
    const r = await importText('# why\n# escalint-disable-next-line arbitrary-code\nprefix_rule(pattern=["bash"], decision="allow")\n');
    expect(r.text).toContain('  # why\n  # escalint-disable-next-line arbitrary-code\n  - id: bash\n');
    const yaml = await loadYaml(r.text!);
    expect(yaml.ruleSet.rules).toHaveLength(1);
  });

  it('writes comments with invisible or line-breaking characters as escapes, on one line', async () => {
    const r = await importText('# a\u2028b \u202eevil \u0085x\nprefix_rule(pattern=["ls"], decision="allow")\n');
    expect(r.text).toContain('  # a\\u2028b \\u202eevil \\x85x\n  - id: ls\n');
  });
});

describe('escalint import: findings as comments', () => {
  it('names the rules a finding relates to by their ids (not the rule below), and writes suggestions as YAML', async () => {
    const r = await importText('prefix_rule(pattern=["git", "status"], decision="allow")\nprefix_rule(pattern=["git", "status"], decision="allow")\nprefix_rule(pattern=["cargo", "test", "-p", "x"], decision="allow")\n');
    expect(r.text).toContain('  # escalint: duplicate-rule — rule repeats the earlier rule with the same decision "allow"; remove this copy (see git-status)\n  #   fix: remove this entry (escalint check --fix)\n  - id: git-status-2\n');
    expect(r.text).toContain('allow the categorical prefix ["cargo", "test"] instead\n  #   suggested pattern: [cargo, test]\n  - id: cargo-test-p-x\n');
    expect(r.stats.findings).toBe(2);
  });

  it('leaves out implicit-decision: the import writes the decision out', async () => {
    const r = await importText('prefix_rule(["ls"])\n');
    expect(r.text).not.toContain('implicit-decision');
    expect(r.text).toContain('  - id: ls\n    pattern: [ls]\n    decision: allow\n');
    expect(r.text).not.toContain('"escalint:" comments');
  });
});

describe('escalint import: ids', () => {
  it.each([
    [['prefix_rule(pattern=["git", "status"])', 'prefix_rule(pattern=["git", "status"], decision="prompt")', 'prefix_rule(pattern=["git", "status", "2"])'], ['git-status', 'git-status-2', 'git-status-2-2']],
    [['prefix_rule(pattern=["/bin/bash", "-lc", "cd app && npm test"])'], ['bash-lc-cd-app-npm-test']],
    [['prefix_rule(pattern=["日本", "😀"])', 'prefix_rule(pattern=[""])'], ['rule', 'rule-2']],
    [['prefix_rule(pattern=["Héllo", ["A_B", "c"]])'], ['hello-a-b-c']],
    [['prefix_rule(pattern=["x", "y"])', `prefix_rule(pattern=["${'a'.repeat(60)}"])`, `prefix_rule(pattern=["${'b'.repeat(40)}", "cde", "fghijkl"])`], ['x-y', 'a'.repeat(48), `${'b'.repeat(40)}-cde`]],
  ])('%j → %j', async (calls, ids) => {
    const r = await importText(calls.join('\n') + '\n');
    const yaml = await loadYaml(r.text!);
    expect(yaml.ruleSet.rules.map((x) => x.id)).toEqual(ids);
  });
});

describe('escalint import: what is not imported', () => {
  it.each([
    ['a variable', 'x = ["ls"]\nprefix_rule(pattern=x)\n', 'unreadable', 'rules-syntax'],
    ['def', 'def f():\n    prefix_rule(pattern=["ls"])\nf()\n', 'unreadable', 'rules-syntax'],
    ['a loop', 'for p in ["ls"]:\n    prefix_rule(pattern=[p])\n', 'unreadable', 'rules-syntax'],
    ['a syntax error', 'prefix_rule(pattern=["ls"]\n', 'codex-refuses', 'rules-syntax'],
    ['a bad decision', 'prefix_rule(pattern=["ls"], decision="ask")\n', 'codex-refuses', 'codex-load'],
    ['a blank justification', 'prefix_rule(pattern=["ls"], justification="  ")\n', 'codex-refuses', 'codex-load'],
    ['a failing example', 'prefix_rule(pattern=["git", "status"], match=["git log"])\n', 'codex-refuses', 'example-mismatch'],
    ['a relative host path', 'host_executable(name="git", paths=["bin/git"])\n', 'codex-refuses', 'codex-load'],
  ])('%s', async (_what, text, refused, check) => {
    const r = await importText(`prefix_rule(pattern=["ok"], decision="allow")\n${text}`);
    expect(r.text).toBe(null);
    expect(r.refused).toBe(refused);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => CODEX_REFUSES.has(d.check))).toBe(true);
    expect(r.diagnostics.map((d) => d.check)).toContain(check);
    // Positions point into the input (line 2 or later: the first line is fine).
    expect(r.diagnostics[0]!.start).toBeGreaterThan(r.inputText.indexOf('\n'));
  });

  it('refuses invalid UTF-8, which Codex refuses too', async () => {
    const r = await importRules('bad.rules', Buffer.from([0x70, 0x72, 0xff, 0x0a]));
    expect(r.refused).toBe('codex-refuses');
    expect(r.diagnostics.map((d) => d.messageId)).toEqual(['invalid-utf8']);
  });

  it('imports an empty file as an empty rule list', async () => {
    const r = await importText('');
    expect(r.text).toBe('# yaml-language-server: $schema=./schemas/escalint.schema.json\n# imported by escalint from in.rules\nversion: 1\nrules: []\n');
    await loadYaml(r.text!);
  });
});

describe('escalint import --collapse', () => {
  it('one rule per capability, where the first entry was; an existing identical rule stands for the others', async () => {
    const r = await importText(
      [
        '# cargo',
        'prefix_rule(pattern=["cargo", "test", "-p", "a"], decision="allow")',
        'prefix_rule(pattern=["ls"], decision="allow")',
        'prefix_rule(pattern=["cargo", "test", "-p", "b"], decision="allow")  # b too',
        'prefix_rule(pattern=["rg", "-n", "x_1", "src"], decision="allow")',
        'prefix_rule(pattern=["rg"], decision="allow")',
        '',
      ].join('\n'),
      { collapse: true },
    );
    expect(r.stats).toMatchObject({ replaced: 2, folded: 1, collapsedRules: 1, vetoed: 0 });
    const yaml = await loadYaml(r.text!);
    expect(yaml.ruleSet.rules.map((x) => [x.id, x.pattern])).toEqual([
      ['cargo-test', ['cargo', 'test']],
      ['ls', ['ls']],
      ['rg', ['rg']],
    ]);
    expect(r.text).toContain(
      '  # cargo\n  # escalint import --collapse: replaces 2 entries of in.rules, with the categorical prefix the checks suggest:\n' +
        '  #   line 2 (too-specific): [cargo, test, -p, a]\n  #   line 4 (too-specific): [cargo, test, -p, b]\n  #     # b too\n  - id: cargo-test\n',
    );
    expect(r.text).toContain('  # escalint import --collapse: also stands for 1 entry of in.rules, which it covers:\n  #   line 5 (redundant-rule): [rg, -n, x_1, src]\n  - id: rg\n');
  });

  it('folds an entry only into a rule that covers it, and never loses one', async () => {
    // T is covered by U and folds into it; E's categorical rule is exactly T: it must not vanish with T.
    const lost = await importText(
      [
        '# U',
        'prefix_rule(pattern = ["git", ["status", "log"]], decision = "allow")',
        '# T',
        'prefix_rule(pattern = ["git", "status"], decision = "allow")',
        '# E approved from some repo',
        'prefix_rule(pattern = ["git", "-C", "repo", "status"], decision = "allow")',
        '',
      ].join('\n'),
      { collapse: true },
    );
    const listed = [...lost.text!.matchAll(/^ {2}# {3}line (\d+) /gm)].map((m) => Number(m[1]));
    const kept = (await loadYaml(lost.text!)).ruleSet.rules.length;
    expect(kept + listed.length).toBe(3 + (lost.text!.match(/# escalint import --collapse: replaces /g)?.length ?? 0));
    expect(lost.text).toContain('E approved from some repo');
    // `git -C repo status` → `git status` does not cover `git -C repo status --short`: that entry stays.
    const narrow = await importText(
      'prefix_rule(pattern = ["git", "-C", "repo", "status"], decision = "allow")\nprefix_rule(pattern = ["git", "-C", "repo", "status", "--short"], decision = "allow")\n',
      { collapse: true },
    );
    expect(narrow.stats.folded).toBe(0);
    expect((await loadYaml(narrow.text!)).ruleSet.rules.map((r) => r.pattern)).toContainEqual(['git', '-C', 'repo', 'status', '--short']);
  });

  it('replaces calls that share a line with others (`a(); b()`)', async () => {
    const r = await importText(
      'prefix_rule(pattern=["cargo", "test", "-p", "a"], decision="allow"); prefix_rule(pattern=["cargo", "test", "-p", "b"], decision="allow"); prefix_rule(pattern=["ls"], decision="allow")\n',
      { collapse: true },
    );
    expect((await loadYaml(r.text!)).ruleSet.rules.map((x) => x.pattern)).toEqual([['cargo', 'test'], ['ls']]);
  });

  it('never widens into a prefix the checks call arbitrary code or destructive: those entries stay', async () => {
    // whole-command suggests ["git", "push"], which allows `git push --force` (dangerous-allow).
    const r = await importText('prefix_rule(pattern=["git push origin main"], decision="allow")\n', { collapse: true });
    expect(r.stats).toMatchObject({ replaced: 0, collapsedRules: 0, vetoed: 1 });
    expect(r.text).toContain('    pattern: [git push origin main]\n');
    expect(r.text).toContain('#   suggested pattern: [git, push]\n');
  });

  it('keeps entries with examples, which were written for the narrow pattern', async () => {
    const input = 'prefix_rule(pattern=["cargo", "test", "-p", "a"], decision="allow", match=["cargo test -p a"])\n';
    const r = await importText(input, { collapse: true });
    expect(r.stats.replaced).toBe(0);
    expect(semantics((await loadYaml(r.text!)).ruleSet)).toEqual(semantics((await loadRuleText('in.rules', input)).ruleSet));
  });

  it('keeps prompt and forbidden rules apart from allow rules of the same capability', async () => {
    const r = await importText(
      'prefix_rule(pattern=["/bin/bash", "-lc", "cd a && make test"], decision="allow")\nprefix_rule(pattern=["/bin/bash", "-lc", "cd b && make test"], decision="prompt")\n',
      { collapse: true },
    );
    const yaml = await loadYaml(r.text!);
    expect(yaml.ruleSet.rules.map((x) => [x.pattern, x.decision])).toEqual([
      [['make', 'test'], 'allow'],
      [['make', 'test'], 'prompt'],
    ]);
  });
});

describe('escalint import --collapse on grown files', () => {
  it.each([1, 2, 3, 4])('seed %i: loads, counts add up, and no rule it writes runs any code or destroys', async (seed) => {
    const { codexRules, toRulesText } = await import('../../bench/data/codex-rules.js');
    const input = toRulesText(codexRules(150, seed));
    const plain = await importText(input);
    const r = await importText(input, { collapse: true });
    const yaml = await loadYaml(r.text!);
    expect(r.stats.replaced).toBeGreaterThan(0);
    // Every entry is either kept or listed once under the rule that replaced it.
    const listed = [...r.text!.matchAll(/^ {2}# {3}line \d+ \(/gm)].length;
    expect(listed).toBe(r.stats.replaced + r.stats.folded);
    const newRules = [...r.text!.matchAll(/^ {2}# escalint import --collapse: replaces /gm)].length;
    expect(yaml.ruleSet.rules.length).toBe(plain.stats.rules - r.stats.replaced - r.stats.folded + newRules);
    expect(r.text).not.toMatch(/# escalint import --collapse: [^\n]*\n(?: {2}#[^\n]*\n)*? {2}# escalint: (?:arbitrary-code|dangerous-allow)/);
  });
});
