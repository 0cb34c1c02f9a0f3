// `escalint parse` in-process: the JSON contract of design.md §5, --codex, --stdin, text output
// with a caret under a syntax error, and exit codes.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const run = (args: string[], stdin?: string) => runCli(['parse', ...args], { cwd: tmpdir(), ...(stdin !== undefined ? { stdin } : {}) });

describe('escalint parse', () => {
  it('prints one JSON element per script, in the fixed shape', async () => {
    const r = await run(['--format', 'json', '--', 'FOO=1 sudo rm -rf / > log', 'echo "oops']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        script: 'FOO=1 sudo rm -rf / > log',
        segments: [
          {
            argv: ['sudo', 'rm', '-rf', '/'],
            assigns: ['FOO=1'],
            redirects: [{ op: '>', target: 'log', dynamic: false, start: 20, end: 25 }],
            context: [],
            dynamic: false,
            reasons: [],
            start: 0,
            end: 25,
          },
          { argv: ['rm', '-rf', '/'], assigns: [], redirects: [], context: ['wrapped'], dynamic: false, reasons: [], start: 11, end: 19 },
        ],
        diagnostics: [],
      },
      {
        script: 'echo "oops',
        segments: [],
        diagnostics: [{ message: 'unexpected EOF while looking for matching `"\'', line: 1, column: 6, start: 5, end: 6 }],
      },
    ]);
  });

  it('adds how Codex splits the script with --codex', async () => {
    const r = await run(['--format', 'json', '--codex', '--', 'ls && pwd', 'echo $(id)']);
    const out = JSON.parse(r.stdout) as { codex: unknown }[];
    expect(out.map((x) => x.codex)).toEqual([
      { split: true, commands: [['ls'], ['pwd']] },
      { split: false, commands: [['/bin/bash', '-lc', 'echo $(id)']] },
    ]);
  });

  it('marks dynamic words and reasons', async () => {
    const r = await run(['--format', 'json', '--', '$cmd -rf /']);
    const [out] = JSON.parse(r.stdout);
    expect(out.segments[0]).toMatchObject({ argv: ['$cmd', '-rf', '/'], dynamic: true, reasons: ['dynamic-command'] });
  });

  it('reads one script from standard input with --stdin', async () => {
    const r = await run(['--stdin', '--format', 'json'], 'cat <<EOF\n$(id)\nEOF\n');
    expect(JSON.parse(r.stdout)[0].segments.map((s: { argv: string[] }) => s.argv)).toEqual([['cat'], ['id']]);
  });

  it('prints segments with their context, and a caret under a syntax error', async () => {
    expect((await run(['--', 'a | b $(c)'])).stdout).toBe('a [pipeline]\nb \'$(c)\' [pipeline]\nc [pipeline > command-substitution]\n');
    const bad = await run(['--', 'if true; then\n  echo )\nfi']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("error 2:8 syntax error near unexpected token `)'\n    echo )\n         ^\n");
  });

  it.each([
    ['no script', []],
    ['scripts and --stdin', ['--stdin', '--', 'ls']],
    ['an unknown format', ['--format', 'xml', '--', 'ls']],
  ])('exits 2 for %s', async (_name, args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
  });
});
