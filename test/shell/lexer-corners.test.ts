// Lexer corners (issue "Segments that cannot be fooled", mechanism 7): line continuations in every
// reading mode, heredoc delimiters matched as bash matches them, and the `time` reserved word.
// The grammar alone is tested here (no segment walk), and every verdict is one bash gives: the
// scripts are checked again with `bash -n` (syntax only, nothing runs) where bash is installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as A from '../../grammar/shell/ast.js';
import { shellText } from '../../grammar/shell/continuations.js';
import { partsValue } from '../../grammar/shell/lexer.js';
import { parseScript } from '../../grammar/shell/parser.js';

const bashAvailable = spawnSync('bash', ['--version']).status === 0;

/** `bash -n` verdicts (true: accepted) for many scripts, with one bash process. */
function bashAccepts(scripts: string[]): boolean[] {
  const dir = mkdtempSync(join(tmpdir(), 'escalint-corners-'));
  const files = scripts.map((s, i) => {
    const f = join(dir, `${i}.sh`);
    writeFileSync(f, s);
    return f;
  });
  const r = spawnSync('bash', ['-c', 'for f; do bash -n "$f" 2>/dev/null && echo 1 || echo 0; done', 'x', ...files], { encoding: 'utf8' });
  return r.stdout.trim().split('\n').map((x) => x === '1');
}

function parse(text: string) {
  return parseScript(text, { maxDepth: 256 });
}

/** The argv (values as written) of every simple command with words anywhere in the tree, heredoc bodies included. */
function commands(script: A.Script): string[][] {
  const out: string[][] = [];
  const seen = new Set<object>();
  const visit = (v: unknown) => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    // Assignment-only commands (no words) run nothing of their own.
    if ((v as { type?: unknown }).type === 'simple' && (v as A.SimpleCommand).words.length > 0) out.push((v as A.SimpleCommand).words.map((w) => partsValue(w.parts)));
    for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x);
  };
  visit(script);
  return out;
}

describe('continuations.ts: the text bash tokenizes', () => {
  it('removes every backslash-newline, pairing backslashes from the left', () => {
    expect(shellText('a\\\nb', null).text).toBe('ab');
    expect(shellText('a\\\\\nb', null).text).toBe('a\\\\\nb');
    expect(shellText('a\\\\\\\nb', null).text).toBe('a\\\\b');
    expect(shellText('$\\\n\\\n(id)', null).text).toBe('$(id)');
    expect(shellText('a\\', null).text).toBe('a\\');
  });
  it('maps each character back to its offset in the string as written', () => {
    const t = shellText('$\\\n(a\\\nb)', null);
    expect(t.text).toBe('$(ab)');
    expect(Array.from(t.map!)).toEqual([0, 3, 4, 7, 8, 9]);
    expect(t.raw).toBe('$\\\n(a\\\nb)');
  });
  it('is the string itself when there is no continuation', () => {
    const t = shellText('echo "a\\\\"\n', null);
    expect(t.text).toBe(t.raw);
    expect(t.map).toBeNull();
  });
});

// Where bash reads `$\⏎(` (and the other forms) as a substitution: every reading mode. `X` is
// replaced by each spelling; the parse must hold the command `id`.
const MODES = [
  'echo X',
  'echo "X"',
  'echo "a X b"',
  'echo ${v:-X}',
  'echo "${v:-X}"',
  'echo ${v/X/y}',
  'echo ${v#X}',
  'echo $((1+X))',
  'echo "$((1+X))"',
  'echo $[1+X]',
  '(( 1+X ))',
  'for ((i=X; ; )); do :; done',
  '[[ X == y ]]',
  '[[ y =~ aX ]]',
  '[[ -n X ]]',
  'a[X]=1',
  'echo ${a[X]}',
  'v=X cmd',
  'v=X',
  'v=(a X)',
  'declare v=(a X)',
  'cat <<E\nX\nE',
  'cat <<E\n"X"\nE',
  'cat <<-E\n\tX\n\tE',
  'cat <<<X',
  'cat >X',
  'echo `echo X`',
  'echo <(echo X)',
  'case X in y) ;; esac',
  'case y in X) ;; esac',
  'for v in X; do :; done',
  'x=$(echo X)',
];
const SPELLINGS = ['$(id)', '$\\\n(id)', '$\\\n\\\n(id)', '$(\\\nid)', '$(i\\\nd)', '$(id\\\n)', '$\\\n(\\\ni\\\nd\\\n)', '$\\\n{v:-$\\\n(id)}', '$\\\n{v:\\\n-`id`}'];
// (Backticks do not nest without escapes: those pairs are left out.)
const matrix = MODES.flatMap((m) => SPELLINGS.filter((x) => !(m.includes('`') && x.includes('`'))).map((x) => m.replace('X', () => x)));

describe('a line continuation never hides a substitution', () => {
  for (const s of matrix) {
    it(JSON.stringify(s), () => {
      const r = parse(s);
      expect(r.ok && commands(r.script)).toContainEqual(['id']);
    });
  }
  it.runIf(bashAvailable)('bash -n accepts every one of them', () => {
    const verdicts = bashAccepts(matrix);
    expect(matrix.filter((_, i) => !verdicts[i])).toEqual([]);
  }, 60_000);
});

// Where bash keeps `\⏎` (single quotes, quoted heredoc bodies) nothing runs; a comment ends at
// its newline even after a backslash, so what follows is a command.
const kept: [script: string, commands: string[][]][] = [
  ["echo '$\\\n(id)'", [['echo', '$\\\n(id)']]],
  ["echo $'$\\\n(id)'", [['echo', '$\\\n(id)']]],
  ["echo \"'$\\\n(id)'\"", [['echo', "'$\\\n(id)'"], ['id']]],
  ["cat <<'E'\n$\\\n(id)\nE", [['cat']]],
  ['cat <<\\E\n`\\\nid`\nE', [['cat']]],
  ['a # $\\\n(id)', [['a'], ['id']]],
  ['a #\\\nid', [['a'], ['id']]],
  ['v=(a # c\\\n$(id))', [['id']]],
  ['[[ a == a # c\\\n]] && id', [['id']]],
];

describe('where bash keeps a backslash-newline', () => {
  for (const [s, want] of kept) {
    it(JSON.stringify(s), () => {
      const r = parse(s);
      expect(r.ok && commands(r.script)).toEqual(want);
    });
  }
  it.runIf(bashAvailable)('bash -n accepts every one of them', () => {
    const scripts = kept.map(([s]) => s);
    const verdicts = bashAccepts(scripts);
    expect(scripts.filter((_, i) => !verdicts[i])).toEqual([]);
  });
});

// Which line ends a heredoc (make_cmd.c make_here_document). Each row is a delimiter word, a
// line, and whether bash ends the body at that line; the probe `cat <<WORD⏎x⏎LINE⏎(` is a
// syntax error exactly when it does (the `(` is then a command, not body text).
const ENDS = true;
const BODY = false;
const delimiters: [word: string, line: string, ends: boolean][] = [
  ['E', 'E', ENDS],
  ['E', ' E', BODY],
  ['E', 'E ', BODY],
  ['E\\\nF', 'EF', ENDS],
  ['EF', 'E\\\nF', ENDS],
  ['EF', '\\\nEF', ENDS],
  ['EF', 'EF\\\n', ENDS], // the line is joined with the next, empty one
  ['EF', 'EF\\\nG', BODY],
  ["'EF'", 'E\\\nF', BODY],
  ["'E\\'", 'E\\', ENDS],
  ['E\\\\', 'E\\\\', BODY],
  ['E\\\\', 'E\\', ENDS],
  ["''", '', ENDS],
  ['"E"F', 'EF', ENDS],
  ["$'a\\tb'", 'a\tb', ENDS],
  ['$"E"', 'E', ENDS],
  // a word with an expansion is its token text: `$x`, `${…}`, `$((…))` and backticks as written
  ['$x', '$x', ENDS],
  ['$x', 'x', BODY],
  ['${x}', '${x}', ENDS],
  ['${x:-a  b}', '${x:-a  b}', ENDS],
  ['${x:-a  b}', '${x:-a b}', BODY],
  ['$((1 +  2))', '$((1 +  2))', ENDS],
  ['`a  b`', '`a  b`', ENDS],
  ['`a  b`', '`a b`', BODY],
  ['"$x"', '$x', ENDS],
  ["'$x'", '$x', ENDS],
  ['\\$x', '$x', ENDS],
  ['"${x:-"a"}"', '${x:-a}', ENDS],
  ['${x:-"a"}', '${x:-"a"}', ENDS],
  // `$(…)` is the command bash parsed, printed back (parse_comsub → print_comsub)
  ['$(a  b)', '$(a b)', ENDS],
  ['$(a  b)', '$(a  b)', BODY],
  ['"$(a  b)"', '$(a b)', ENDS],
  ["'$(a  b)'", '$(a  b)', ENDS],
  ['$(a;b)', '$(a; b)', ENDS],
  ['$(a;b)', '$(a;b)', BODY],
  ['$(a &&b||  c)', '$(a && b || c)', ENDS],
  ['$(a|b)', '$(a | b)', ENDS],
  ['$(! a)', '$(! a)', ENDS],
  ['$(a&b)', '$(a & b)', ENDS],
  ['$(a &)', '$(a &)', ENDS],
  ['$(a\\\nb)', '$(ab)', ENDS],
  ['$(a #c\n)', '$(a)', ENDS],
  ["$(echo 'x  y')", "$(echo 'x  y')", ENDS],
  ['$(a=1  b)', '$(a=1 b)', ENDS],
  ['$(time a)', '$(time a)', ENDS],
  ['$(echo $(a  b))', '$(echo $(a b))', ENDS],
  ['${x:-$(a  b)}', '${x:-$(a b)}', ENDS],
  ['$((1+$(a  b)))', '$((1+$(a b)))', ENDS],
  ['x<(a  b)', 'x<(a b)', ENDS],
  ['E$(a)F', 'E$(a)F', ENDS],
  ['\\E$(a  b)', 'E$(a b)', ENDS],
  ["$'a'$(b)", 'a$(b)', ENDS],
  ["$'a'$(b)", "'a'$(b)", BODY],
  ['$(a\nb)', 'b)', BODY], // a delimiter holding a newline never matches a line
  ['"$(a\nb)"', '$(a', BODY],
];
const delimiterProbes = delimiters.map(([w, l]) => `cat <<${w}\nx\n${l}\n(`);

describe('heredoc delimiters end the body where bash does', () => {
  delimiters.forEach(([w, l, ends], i) => {
    it(`<<${JSON.stringify(w)} ${ends ? 'ends at' : 'reads on past'} ${JSON.stringify(l)}`, () => {
      const r = parse(delimiterProbes[i]!);
      if (ends) expect(r.ok ? 'accepted' : r.error.message).toBe('syntax error: unexpected end of file');
      else expect(r.ok).toBe(true);
    });
  });
  it.runIf(bashAvailable)('bash agrees with every row', () => {
    const verdicts = bashAccepts(delimiterProbes);
    expect(delimiters.filter((row, i) => verdicts[i] === row[2])).toEqual([]);
  });
  it('an unquoted delimiter with an expansion expands the body; a quoted one does not', () => {
    for (const w of ['$x', '${x}', '`a`', '$(a)', 'E$x']) {
      const r = parse(`cat <<${w}\n$(id)\n${w}\n`);
      expect(r.ok && commands(r.script), w).toContainEqual(['id']);
    }
    for (const w of ['"$x"', "'$x'", '\\$x', '$x""', '$"x"']) {
      const r = parse(`cat <<${w}\n$(id)\n`);
      expect(r.ok && commands(r.script), w).toEqual([['cat']]);
    }
  });
  it('refuses a $(…) it does not print back as bash does, rather than guess', () => {
    for (const w of ['$(a <f)', '$( (a) )', '$(x=(1  2))', '$(a |& b)', '$(if a; then b; fi)', '$(:; time -p a)']) {
      const r = parse(`cat <<${w}\nx\n`);
      expect(r.ok ? 'accepted' : r.error.message, w).toMatch(/^unsupported here-document delimiter/);
    }
  });
});

// Inside `$(…)`, bash also ends a body at a line that starts with the delimiter and has a `)`
// later, and reads the rest of that line again (make_here_document, PST_EOFTOKEN). Each row: the
// script and bash's verdict; the commands escalint sees when it accepts.
const early: [script: string, bashOk: boolean, commands: string[][] | null][] = [
  ['x=$(cat <<E\nx\nE)', true, [['cat']]],
  ['x=$(cat <<E\nx\nE )', true, [['cat']]],
  ['x=$(cat <<E\nx\nEE)', true, [['cat'], ['E']]],
  ['x=$(cat <<E\nx\nErm -rf /)', true, [['cat'], ['rm', '-rf', '/']]],
  ['x=$(cat <<E\nx\nE a)', true, [['cat'], ['a']]],
  ["x=$(cat <<'E'\n$(no)\nE b)", true, [['cat'], ['b']]],
  ['x=$(cat <<-E\nx\n\tE c)', true, [['cat'], ['c']]],
  ['x=$(cat <<E\nx\nE)\n(', false, null],
  ['x=$(cat <<E\nx\n E)\nE\n)', true, [['cat']]],
  ['x=$(cat <<E\nx\nxE)\nE\n)', true, [['cat']]],
  ['echo "$(cat <<E\nx\nE)"', true, [['echo', '$(cat <<E\nx\nE)'], ['cat']]],
  ['echo <(cat <<E\nx\nE)', true, [['echo', '<(cat <<E\nx\nE)'], ['cat']]],
  ['cat <<E\nx\nE)\nE', true, [['cat']]],
];

describe('inside $(…), a line starting with the delimiter and holding ) ends the body', () => {
  for (const [s, ok, want] of early) {
    it(JSON.stringify(s), () => {
      const r = parse(s);
      expect(r.ok).toBe(ok);
      if (r.ok) expect(commands(r.script)).toEqual(want);
    });
  }
  it.runIf(bashAvailable)('bash agrees with every verdict', () => {
    const verdicts = bashAccepts(early.map(([s]) => s));
    expect(early.filter(([, ok], i) => verdicts[i] !== ok).map(([s]) => s)).toEqual([]);
  });
});

// parse.y time_command_acceptable and special_case_tokens (bash 5.2).
const timeRows: [script: string, bashOk: boolean, commands: string[][] | null][] = [
  ['time -- a', true, [['a']]],
  ['time -p -- a', true, [['a']]],
  ['time -\\\np -\\\n- a', true, [['a']]],
  ['time --', true, []],
  ['time -p --;', true, []],
  ['time -- -- a', true, [['--', 'a']]],
  ['time -p -p', true, [['-p']]],
  ['time "--" a', true, [['--', 'a']]],
  ['time -- | a', false, null],
  ['time -p -- && a', false, null],
  ['a | time b', true, [['a'], ['time', 'b']]],
  ['a |& time -p -- b', true, [['a'], ['time', '-p', '--', 'b']]],
  ['a |\ntime b', true, [['a'], ['time', 'b']]],
  ['a |\n\ntime b', false, null],
  ['a | time { b; }', false, null],
  ['a && time { b; }', true, [['a'], ['b']]],
  ['coproc time', true, [['time']]],
  ['coproc time { b; }', true, [['b']]], // a coprocess named `time`
  ['echo $(time a)', true, [['echo', '$(time a)'], ['time', 'a']]],
  ['echo $(time { b; })', false, null],
  ['echo $(\ntime { b; })', true, [['echo', '$(\ntime { b; })'], ['b']]],
  ['echo <(time { b; })', false, null],
  ['echo `time { b; }`', true, [['echo', '`time { b; }`'], ['b']]],
  ['x=1 time { b; }', false, null],
  ['{ a; } time b', false, null],
];

describe('time is reserved where bash reads it so', () => {
  for (const [s, ok, want] of timeRows) {
    it(JSON.stringify(s), () => {
      const r = parse(s);
      expect(r.ok).toBe(ok);
      if (r.ok) expect(commands(r.script)).toEqual(want);
    });
  }
  it.runIf(bashAvailable)('bash agrees with every verdict', () => {
    const verdicts = bashAccepts(timeRows.map(([s]) => s));
    expect(timeRows.filter(([, ok], i) => verdicts[i] !== ok).map(([s]) => s)).toEqual([]);
  });
});
