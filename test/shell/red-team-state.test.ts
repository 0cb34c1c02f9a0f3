// Red team for the shell state (issue "Segments that cannot be fooled", mechanisms 1, 2 and 6):
// every row of red-team-state.rows.ts must be seen, as a reason or as the hidden command's
// segment, and benign agent commands must gain no reason from the state analysis. Scripts are
// only parsed, never executed.
import { describe, expect, it } from 'vitest';
// @ts-expect-error bench/data is plain JavaScript without declarations
import { agentCommand, rng } from '../../bench/data/agent-commands.js';
import { parseScript } from '../../grammar/shell/parser.js';
import { parseShell } from '../../src/shell/parse.js';
import { collectSegments } from '../../src/shell/segments.js';
import { REASONS, SegmentAnalyzer } from '../../src/shell/wrappers.js';
import type { Segment } from '../../src/types.js';
import { BENIGN, RUNTIME_EVAL, STATE, STDIN, type Row } from './red-team-state.rows.js';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function show(segments: readonly Segment[]): string[] {
  return segments.map((s) => `${JSON.stringify(s.argv)} [${s.context.join('>')}] ${s.reasons.map((r) => r.id).join(',')}`);
}

function check(row: Row): void {
  const r = parseShell(row.script);
  expect(r.diagnostics).toEqual([]);
  if (row.segment) {
    expect(r.segments.some((s) => same(s.argv, row.segment!)), show(r.segments).join('\n')).toBe(true);
    return;
  }
  const candidates = row.on ? r.segments.filter((s) => same(s.argv, row.on!)) : r.segments;
  if (row.on) expect(candidates.length, show(r.segments).join('\n')).toBeGreaterThan(0);
  expect(
    candidates.some((s) => s.reasons.some((x) => x.id === row.reason)),
    show(r.segments).join('\n'),
  ).toBe(true);
}

for (const [name, rows] of [
  ['1. run-time evaluation', RUNTIME_EVAL],
  ['2. state that changes later commands', STATE],
  ['6. where stdin comes from', STDIN],
] as const) {
  describe(`red team, mechanism ${name}`, () => {
    it.each(rows.map((row) => [row.script, row] as const))('%j', (_script, row) => check(row));

    it('cites bash for every row and uses documented reason ids', () => {
      for (const row of rows) {
        expect(row.cite, row.script).toMatch(/bash|awk|test\.c|mapfile\.def/);
        if (row.reason) expect(Object.keys(REASONS)).toContain(row.reason);
      }
    });
  });
}

describe('the table is a table', () => {
  it('has a couple hundred rows, each script once per expectation', () => {
    const all = [...RUNTIME_EVAL, ...STATE, ...STDIN];
    expect(all.length).toBeGreaterThanOrEqual(200);
    const keys = all.map((r) => JSON.stringify([r.script, r.reason, r.on, r.segment]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('benign commands stay reason-free', () => {
  it.each(BENIGN.map((s) => [s]))('%j', (script) => {
    const r = parseShell(script);
    expect(r.diagnostics).toEqual([]);
    expect(show(r.segments.filter((s) => s.reasons.length > 0 || s.context.includes('evaluation')))).toEqual([]);
  });
});

/**
 * The reasons of a script without the state analysis at its top level: the wrapper analysis
 * alone, as parse.ts ran it before (its nested scripts keep the analysis, so the checks below
 * also look for what only the state analysis says).
 */
function baseline(script: string): string[] {
  const parsed = parseScript(script, { maxDepth: 256 });
  if (!parsed.ok) return ['does not parse'];
  const analyzer = new SegmentAnalyzer({ maxDepth: 256, source: script });
  const segments = collectSegments(parsed.script, analyzer.hooks(0), null);
  analyzer.finish(segments);
  return segments.flatMap((s) => s.reasons.map((x) => `${s.argv.join(' ')}: ${x.id}`)).sort();
}

describe('realistic agent commands gain no reason from the state analysis', () => {
  const commands = Array.from({ length: 400 }, (_, seed) => agentCommand(rng(seed)) as string);
  it.each(commands.map((c, i) => [i, c]))('seed %i', (_i, command) => {
    const r = parseShell(command as string);
    expect(r.diagnostics).toEqual([]);
    const got = r.segments.flatMap((s) => s.reasons.map((x) => `${s.argv.join(' ')}: ${x.id}`)).sort();
    expect(got).toEqual(baseline(command as string));
    expect(r.segments.filter((s) => s.context.includes('evaluation') || s.reasons.some((x) => x.id === 'runtime-eval'))).toEqual([]);
    // The only program read from standard input in these templates is `python3 - <<'PY'`.
    expect(r.segments.filter((s) => s.reasons.some((x) => x.id === 'stdin-script') && !(s.argv[0] === 'python3' && s.argv[1] === '-'))).toEqual([]);
  });
});

describe('where a reason about an evaluation goes', () => {
  it('on the command whose word holds it', () => {
    const r = parseShell('read n; echo $((n + 1))');
    expect(r.segments.map((s) => [s.argv, s.reasons.map((x) => x.id)])).toEqual([
      [['read', 'n'], []],
      [['echo', '$((n + 1))'], ['runtime-eval']],
    ]);
  });

  it('on the commands inside it when it belongs to no command', () => {
    const r = parseShell('(( $(cat f) > 1 ))');
    expect(r.segments.map((s) => [s.argv, s.context, s.reasons.map((x) => x.id)])).toEqual([[['cat', 'f'], ['arithmetic', 'command-substitution'], ['runtime-eval']]]);
  });

  it('else on a segment of its own, in context evaluation, whose one dynamic word is the construct', () => {
    const text = 'x=$(cat f); (( x > 1 ))';
    const r = parseShell(text);
    const own = r.segments.find((s) => s.context.includes('evaluation'))!;
    expect(own.argv).toEqual(['(( x > 1 ))']);
    expect(own.words[0]!.dynamic).toBe(true);
    expect(text.slice(own.start, own.end)).toBe('(( x > 1 ))');
    expect(own.reasons[0]!.message).toContain('the value of x');
  });

  it('nowhere with the wrappers off (the grammar view stays as it was)', () => {
    expect(parseShell('(( x > 1 )); echo ${a[$i]}', { unwrap: false }).segments.map((s) => s.reasons)).toEqual([[]]);
  });
});

describe('the rule for arithmetic on variables', () => {
  // bash manual §6.5: "The value of a variable is evaluated as an arithmetic expression when it is
  // referenced". A variable is harmless when every assignment to it in the script stores a number
  // and one of them surely runs before the reference; otherwise its value may come from the
  // environment or from data.
  const cases: [string, boolean][] = [
    ['n=3; echo $((n))', false],
    ['n=3; n=$((n * 2)); echo $((n))', false],
    ['n=3; m=$n; echo $((m))', false],
    ['for ((i = 0; i < 3; i++)); do echo $((i)); done', false],
    ['for i in 1 2 3; do echo $((i)); done', false],
    ['echo $((n)); n=3', true],
    ['if true; then n=3; fi; echo $((n))', true],
    ['n=3; n=$(cat f); echo $((n))', true],
    ['n=3; read n; echo $((n))', true],
    ['n=3; m=$k; echo $((m))', true],
    ['n=abc; echo $((n))', true],
    ['echo $((SECONDS + RANDOM + $# + $?))', false],
    ['unset SECONDS; echo $((SECONDS))', true],
    ['declare -i n; n=$k', true],
    ['declare -i n; n=$((k))', true],
    ['declare -i n=4; n+=2', false],
  ];
  it.each(cases)('%j: runtime-eval %s', (script, flagged) => {
    const ids = parseShell(script).segments.flatMap((s) => s.reasons.map((x) => x.id));
    expect(ids.includes('runtime-eval')).toBe(flagged);
  });
});

describe('state changed later in a loop', () => {
  it('marks the command that runs again after it, with the loop in the message', () => {
    const r = parseShell('for i in 1 2; do git status; PATH=/tmp/evil; done');
    const git = r.segments.find((s) => s.argv[0] === 'git')!;
    expect(git.reasons).toEqual([{ id: 'dangerous-env', message: expect.stringContaining('later in a loop or function body that can run again') }]);
  });

  it('does not mark a command before the loop', () => {
    const r = parseShell('git status; for i in 1 2; do PATH=/tmp/evil; done');
    expect(r.segments.find((s) => s.argv[0] === 'git')!.reasons).toEqual([]);
  });

  it('marks only the command an alias or hash -p names', () => {
    const r = parseShell('hash -p /tmp/evil git; git status; ls');
    expect(r.segments.map((s) => [s.argv[0], s.reasons.map((x) => x.id)])).toEqual([
      ['hash', []],
      ['git', ['dangerous-env']],
      ['ls', []],
    ]);
  });
});

describe('standard input', () => {
  it('names where an inherited program comes from', () => {
    const r = parseShell('while read l; do python3; done < f');
    expect(r.segments.find((s) => s.argv[0] === 'python3')!.reasons[0]!.message).toContain('the file "f" redirected into an enclosing command');
  });

  it('keeps the segments of a heredoc fed to a shell and says stdin-script', () => {
    const r = parseShell("bash <<'E'\nrm -rf x\nE");
    expect(r.segments.map((s) => [s.argv, s.reasons.map((x) => x.id)])).toEqual([
      [['bash'], ['stdin-script']],
      [['rm', '-rf', 'x'], []],
    ]);
  });
});
