// Fewer false alarms matter as much as fewer misses: realistic agent commands
// (bench/data/agent-commands.js) and the benign cases of the labelled corpus (cases without
// `flags`) gain no reason from the wrapper, interpreter, environment and exec-option tables.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error bench/data is plain JavaScript without declarations
import { agentCommand, rng } from '../../bench/data/agent-commands.js';
import { parseShell } from '../../src/shell/parse.js';

function reasons(script: string): string[] {
  const r = parseShell(script);
  expect(r.diagnostics).toEqual([]);
  return r.segments.flatMap((s) => s.reasons.map((x) => `${s.argv[0]}: ${x.id}`));
}

/**
 * Reasons a benign-looking command does get, each for a reason of its own. The agent template
 * `python3 - <<'PY' … PY` really runs a program read from a heredoc (design.md §3).
 */
const AGENT_EXPECTED = new Set(['python3: stdin-script']);

describe('realistic agent commands gain no reason', () => {
  const commands = Array.from({ length: 400 }, (_, seed) => agentCommand(rng(seed)) as string);
  it.each(commands.map((c, i) => [i, c]))('seed %i', (_i, command) => {
    expect(reasons(command as string).filter((r) => !AGENT_EXPECTED.has(r))).toEqual([]);
  });

  it.each(['NODE_ENV=test npm test', 'git -c color.ui=always log'])('%s', (command) => {
    expect(reasons(command)).toEqual([]);
  });
});

interface Case {
  id: string;
  script: string;
  flags?: string[];
  error?: boolean;
}

/**
 * Corpus cases without `flags` that are nevertheless reported, by case id: each reason is right.
 * - wrappers-004 `env -i PATH=/bin sh -c …`: PATH decides which program `sh` is (reported before
 *   this change too);
 * - wrappers-025 `xargs -I{} sh -c 'rm {}'`: xargs pastes each input line into the script
 *   (findutils xargs(1) -I), so the script sh runs is only known at run time;
 * - arithmetic-006/009/012: arithmetic evaluates values known only at run time (the shell-state
 *   analysis of segments.ts, design.md §10).
 */
const CORPUS_EXPECTED: Record<string, string[]> = {
  'wrappers-004': ['sh: dangerous-env'],
  'wrappers-025': ['sh: dynamic-script'],
  'arithmetic-006': ['$(( a[$(id)] )): runtime-eval'],
  'arithmetic-009': ['(( $(id) )): runtime-eval'],
  'arithmetic-012': ['$((x)): runtime-eval'],
};

describe('benign cases of the labelled corpus gain no reason', () => {
  const corpus = JSON.parse(readFileSync(new URL('../fixtures/shell-segments.json', import.meta.url), 'utf8')) as { cases: Case[] };
  const benign = corpus.cases.filter((c) => !c.flags && !c.error);
  it('has benign cases', () => expect(benign.length).toBeGreaterThan(100));
  it.each(benign.map((c) => [c.id, c.script]))('%s', (id, script) => {
    const want = CORPUS_EXPECTED[id as string] ?? [];
    const got = reasons(script as string);
    for (const w of want) expect(got.some((g) => g.endsWith(w.slice(w.lastIndexOf(': '))))).toBe(true);
    const allowed = new Set(want.map((w) => w.slice(w.lastIndexOf(': ') + 2)));
    expect(got.filter((g) => !allowed.has(g.slice(g.lastIndexOf(': ') + 2)))).toEqual([]);
  });
});
