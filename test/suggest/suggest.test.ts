// `suggest` (design.md §8): the categorical rule for each segment, never one Codex bans or the
// checks flag. The property: over every script of the labelled shell corpus and generated agent
// commands, each proposed prefix, written as an allow rule, passes `escalint check` with no
// finding from any check; and a prefix on Codex's banned list is never proposed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommand, rng } from '../../bench/data/agent-commands.js';
import { lintLoaded } from '../../src/lint.js';
import { isCodexBanned } from '../../src/knowledge/codex-banned.js';
import { suggest } from '../../src/suggest/suggest.js';
import { loadTexts } from '../rules/stages.js';

const corpus = JSON.parse(readFileSync(new URL('../fixtures/shell-segments.json', import.meta.url), 'utf8')) as { cases: { script: string }[] };

describe('suggest', () => {
  it.each([
    ['npm run dev', [['npm', 'run', 'dev']]],
    ['gh pr checks 42', [['gh', 'pr', 'checks']]],
    ['pytest tests/test_x.py -k slow', [['pytest']]],
    ['cargo test -p codex-app-server', [['cargo', 'test']]],
    ['git pull | tee output.txt', [['git', 'pull'], ['tee']]],
    ['cd web && npm test', [['cd'], ['npm', 'test']]],
    ['python3 tools/gen.py', [null]],
    ['rm -rf build', [null]],
    ['npm run', [null]],
    ['$TOOL --version', [null]],
    ['git status && git status', [['git', 'status']]],
  ] as const)('%s', (command, prefixes) => {
    expect(suggest(command).suggestions.map((s) => s.prefix_rule)).toEqual(prefixes);
  });

  it('has the JSON fields of design §8', () => {
    const [s] = suggest('cargo test -p codex-app-server').suggestions;
    expect(s).toEqual({
      argv: ['cargo', 'test', '-p', 'codex-app-server'],
      prefix_rule: ['cargo', 'test'],
      reason: expect.stringContaining('"cargo test" names the capability'),
      sandbox_permissions: 'require_escalated',
      justification: 'Do you want to allow `cargo test` commands, such as `cargo test -p codex-app-server`?',
    });
  });

  it('says why there is no rule', () => {
    const [s] = suggest('python3 tools/gen.py').suggestions;
    expect(s!.reason).toMatch(/python3 runs arbitrary code, and Codex refuses \["python3"\]/);
  });

  it('names the rule that already allows a segment', () => {
    const ruleSet = loadTexts([{ path: 'r.yaml', text: 'version: 1\nrules:\n  - pattern: [git, pull]\n    decision: allow\n' }]);
    const r = suggest('git pull | tee out.txt', ruleSet);
    expect(r.allowed.map((a) => [a.argv, a.matches.map((m) => m.rule.pattern)])).toEqual([[['git', 'pull'], [['git', 'pull']]]]);
    expect(r.suggestions.map((s) => s.prefix_rule)).toEqual([['tee']]);
  });

  it('never proposes a prefix the checks flag or Codex bans (corpus and generated agent commands)', () => {
    const r = rng(1690);
    const commands = [...corpus.cases.map((c) => c.script), ...Array.from({ length: 300 }, () => agentCommand(r))];
    const proposed = new Map<string, string>();
    for (const command of commands) {
      for (const s of suggest(command).suggestions) if (s.prefix_rule) proposed.set(JSON.stringify(s.prefix_rule), command);
    }
    expect(proposed.size).toBeGreaterThan(60);
    const lines: string[] = [];
    for (const key of proposed.keys()) {
      const prefix = JSON.parse(key) as string[];
      expect(isCodexBanned(prefix), key).toBe(false);
      lines.push(`  - pattern: ${key}\n    decision: allow\n    justification: suggested\n`);
    }
    // Each proposed rule alone in a file: a finding on it would be a suggestion check rejects.
    for (const [k, line] of lines.entries()) {
      const text = `version: 1\nrules:\n${line}`;
      const loaded = loadTexts([{ path: `s${k}.yaml`, text }]);
      const lint = lintLoaded({ ruleSet: loaded, diagnostics: loaded.diagnostics, fatal: false });
      expect(lint.diagnostics.map((d) => `${d.check}: ${d.message}`), `${line} (from ${[...proposed.values()][k]})`).toEqual([]);
    }
  });
});
