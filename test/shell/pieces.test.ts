// Long scripts are parsed piece by piece (grammar/shell/parser.ts parseScriptPieces): a piece
// ends only at a newline that closes every open construct. Each construct below spans lines and
// is placed where the piece size is reached, so a wrong boundary would break it.
import { describe, expect, it } from 'vitest';
import { ShellLexer } from '../../grammar/shell/lexer.js';
import { parseShell } from '../../src/shell/parse.js';

const constructs = [
  'a &&\nb',
  'a ||\n\nb',
  'a |\nb',
  'a |&\nb',
  'f()\n{\n  rm x\n}\nf',
  'function g\n{ ls; }',
  'if true\nthen\n  rm x\nfi',
  'while read l\ndo\n  echo "$l"\ndone < f',
  'for x in a b\ndo\n  rm "$x"\ndone',
  'for x\nin a b\ndo :; done',
  'case $x in\n  a) rm x ;;\n  b)\n    ls\n    ;;\nesac',
  '{\n  ls\n}',
  '(\n  cd d\n  make\n)',
  'cat <<EOF\n$(id)\nEOF\nls',
  'cat <<A; echo mid\nbody $(id)\nA',
  'x=(\n  1\n  2\n)\nls',
  'echo $(\nls\n)',
  '[[ -f x &&\n-f y ]]',
  'time\nls',
  '!\nls',
  'ls &\npwd',
];

function argvs(script: string) {
  const r = parseShell(script);
  return { diagnostics: r.diagnostics.map((d) => d.message), segments: r.segments.map((s) => [s.argv, s.context]) };
}

describe('parsing in pieces', () => {
  // Each filler line is three tokens; the piece size is reached inside the construct.
  const fillerLines = Math.ceil(ShellLexer.CHUNK_TOKENS / 3) - 1;
  const filler = 'echo x\n'.repeat(fillerLines);
  for (const c of constructs) {
    it(JSON.stringify(c), () => {
      const alone = argvs(c);
      const long = argvs(filler + c);
      expect(long.diagnostics).toEqual(alone.diagnostics);
      expect(long.segments.slice(fillerLines)).toEqual(alone.segments);
      expect(long.segments.length).toBe(fillerLines + alone.segments.length);
    });
  }

  it('keeps offsets into the whole script', () => {
    const script = `${'echo x\n'.repeat(5000)}rm -rf /`;
    const rm = parseShell(script).segments.at(-1)!;
    expect(script.slice(rm.start, rm.end)).toBe('rm -rf /');
  });

  it('reports a syntax error in a later piece, with no segments', () => {
    const r = parseShell(`${'echo x\n'.repeat(5000)}echo "oops`);
    expect(r.segments).toEqual([]);
    expect(r.diagnostics[0]!.start).toBe(7 * 5000 + 5);
  });

  it('sees an assignment in an earlier piece', () => {
    const r = parseShell(`PATH=/tmp/evil\n${'echo x\n'.repeat(5000)}ls`);
    expect(r.segments.at(-1)!.reasons.map((x) => x.id)).toEqual(['dangerous-env']);
  });
});
