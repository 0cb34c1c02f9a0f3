import { describe, expect, it } from 'vitest';
import { parseStarlark, scanStringLiteral, type Expr, type Module } from '../../grammar/starlark/index.js';

/** The first argument's value of the first call statement. */
function firstValue(mod: Module): Expr {
  const stmt = mod.statements[0]!;
  if (stmt.kind !== 'expr' || stmt.expr.kind !== 'call') throw new Error('not a call');
  return stmt.expr.args[0]!.value;
}

function decode(literal: string): { value?: string; error?: string } {
  const m = scanStringLiteral(literal, 0);
  if (!m) return { error: 'no string' };
  if (m.image !== literal && !m.payload.error) return { error: `stopped at ${m.image.length}` };
  return m.payload.error ? { error: m.payload.error.message } : { value: m.payload.value };
}

// String literals as starlark-rust decodes them (reference/starlark-strings.md).
const strings: [string, { value?: string; error?: string }][] = [
  ['"abc"', { value: 'abc' }],
  ["'abc'", { value: 'abc' }],
  ['"\\a\\b\\f\\n\\r\\t\\v"', { value: '\x07\b\f\n\r\t\v' }],
  ['"\\\\ \\\' \\""', { value: '\\ \' "' }],
  ['"\\101\\7\\0"', { value: 'A\x07\0' }],
  ['"\\777"', { value: '\u01ff' }], // no 127 limit in starlark-rust
  ['"\\1234"', { value: 'S4' }], // at most three octal digits
  ['"\\x41\\xff"', { value: 'A\u00ff' }],
  ['"\\x4"', { error: 'invalid string escape sequence `\\x`' }],
  ['"\\xZZ"', { error: 'invalid string escape sequence `\\x`' }],
  ['"\\u00e9\\U0001F600"', { value: 'é😀' }],
  ['"\\ud800"', { error: 'invalid string escape sequence `\\ud800`' }],
  ['"\\U00110000"', { error: 'invalid string escape sequence `\\U00110000`' }],
  ['"\\q\\8"', { value: '\\q\\8' }], // unknown escapes are kept
  ['"a\\\nb"', { value: 'ab' }], // backslash-newline joins
  ['"a\rb"', { value: 'ab' }], // raw CR dropped
  ['"a\nb"', { error: 'unfinished string literal' }],
  ['"abc', { error: 'unfinished string literal' }],
  ['"""a\nb"c"""', { value: 'a\nb"c' }],
  ["'''it's'''", { value: "it's" }],
  ['"""x', { error: 'unfinished string literal' }],
  ['r"a\\nb"', { value: 'a\\nb' }],
  ['r"a\\"b"', { value: 'a"b' }], // a raw \" keeps only the quote and does not close
  ["r'\\''", { value: "'" }],
  ['b"x"', { value: 'x' }],
  ['f"{x}"', { value: '{x}' }],
  ['"héllo ü"', { value: 'héllo ü' }],
];

describe('string literals', () => {
  it.each(strings)('%j', (literal, expected) => {
    expect(decode(literal)).toEqual(expected);
  });
  it('knows the flavour', () => {
    expect(scanStringLiteral('b"x"', 0)!.payload.flavor).toBe('bytes');
    expect(scanStringLiteral('rb"x"', 0)!.payload).toMatchObject({ flavor: 'bytes', raw: true });
    expect(scanStringLiteral('fr"x"', 0)!.payload).toMatchObject({ flavor: 'fstring', raw: true });
    expect(scanStringLiteral('rf"x"', 0)).toBeNull(); // not a starlark-rust prefix
    expect(scanStringLiteral('raw', 0)).toBeNull();
  });
});

describe('parser', () => {
  it('reads a call with keyword arguments and half-open spans', () => {
    const text = 'prefix_rule(pattern = ["git", ["a", \'b\']], decision="allow",)\n';
    const { module, errors } = parseStarlark(text);
    expect(errors).toEqual([]);
    const stmt = module.statements[0]!;
    expect(stmt.kind).toBe('expr');
    if (stmt.kind !== 'expr' || stmt.expr.kind !== 'call') throw new Error();
    expect(text.slice(stmt.expr.start, stmt.expr.end)).toBe(text.trimEnd());
    const [pattern, decision] = stmt.expr.args;
    expect(pattern).toMatchObject({ kind: 'keyword', name: 'pattern' });
    expect(text.slice(pattern!.nameStart, pattern!.nameEnd)).toBe('pattern');
    expect(text.slice(pattern!.value.start, pattern!.value.end)).toBe('["git", ["a", \'b\']]');
    expect(text.slice(decision!.value.start, decision!.value.end)).toBe('"allow"');
  });

  it('reads positional arguments, tuples, ints, names, comments, semicolons and blank lines', () => {
    const text = '# header\n\nprefix_rule(["a"], "prompt")  # trailing\n\nx(("a", "b"), 0x1f, True, None);y()\n';
    const { module, errors } = parseStarlark(text);
    expect(errors).toEqual([]);
    expect(module.statements).toHaveLength(3);
    expect(module.comments.map((c) => c.text)).toEqual([' header', ' trailing']);
    const second = module.statements[1]!;
    if (second.kind !== 'expr' || second.expr.kind !== 'call') throw new Error();
    expect(second.expr.args.map((a) => a.value.kind)).toEqual(['tuple', 'int', 'name', 'name']);
  });

  it('spans keep CRLF files exact', () => {
    const text = 'prefix_rule(\r\n  pattern=["git"],\r\n)\r\nprefix_rule(pattern=["ls"])\r\n';
    const { module, errors } = parseStarlark(text);
    expect(errors).toEqual([]);
    expect(module.statements.map((s) => text.slice(s.start, s.end))).toEqual([
      'prefix_rule(\r\n  pattern=["git"],\r\n)',
      'prefix_rule(pattern=["ls"])',
    ]);
  });

  // Constructs Starlark allows but escalint does not run: each parses, and is named at its keyword.
  const constructs: [string, string, string][] = [
    ['x = ["git"]\n', 'assign', 'x'],
    ['x += ["git"]\n', 'augmented-assign', 'x'],
    ['a, b = 1, 2\n', 'assign', 'a, b'],
    ['def f(a, *b, c: int = 1, **d) -> None:\n    pass\n', 'def', 'def f'],
    ['for t in ["ls"]:\n    prefix_rule(pattern=[t])\n', 'for', 'for'],
    ['if True:\n    pass\nelif False:\n    pass\nelse:\n    pass\n', 'if', 'if'],
    ['if True: prefix_rule(pattern=["a"])\n', 'if', 'if'],
    ['load("x.star", "y")\n', 'load', 'load("x.star", "y")'],
  ];
  it.each(constructs)('statement %j', (text, kind, at) => {
    const { module, errors } = parseStarlark(text);
    expect(errors).toEqual([]);
    const stmt = module.statements[0]!;
    expect(stmt.kind).toBe(kind);
    if (stmt.kind === 'expr') throw new Error();
    expect(text.slice(stmt.kind === 'load' ? stmt.start : stmt.at.start, stmt.kind === 'load' ? stmt.end : stmt.at.end)).toBe(at);
  });

  const expressions: [string, string, string][] = [
    ['"a" + "b"', 'operator', '+'],
    ['-1', 'operator', '-'],
    ['not x', 'operator', 'not'],
    ['a not in b', 'operator', 'not'],
    ['a == b', 'operator', '=='],
    ['a if b else c', 'conditional', 'if'],
    ['lambda x: x', 'lambda', 'lambda'],
    ['[x for x in y if x]', 'comprehension', 'for'],
    ['{k: v for k in y}', 'comprehension', 'for'],
    ['"{}".format(x)', 'attribute', '.format'],
    ['a[1:2]', 'subscript', '[1:2]'],
  ];
  it.each(expressions)('expression %j', (src, construct, at) => {
    const text = `f(${src})\n`;
    const { module, errors } = parseStarlark(text);
    expect(errors).toEqual([]);
    const value = firstValue(module);
    // `"{}".format(x)` is a call whose callee is the attribute.
    const node = value.kind === 'call' ? value.callee : value;
    expect(node).toMatchObject({ kind: 'unsupported', construct });
    if (node.kind !== 'unsupported') throw new Error();
    expect(text.slice(node.at.start, node.at.end)).toBe(at);
  });

  // Real syntax errors: Codex-like wording, at the offending token.
  const syntaxErrors: [string, string, string][] = [
    ['prefix_rule(pattern = ["git"],, )\n', "unexpected symbol ',', expected expression", ','],
    ['x = {1, 2}\n', "unexpected symbol ',', expected symbol ':'", ','],
    ['x = 0\nwhile x < 3:\n    x += 1\n', 'cannot use reserved keyword `while`', 'while'],
    ['prefix_rule(pattern=["a"]\n', "unexpected new line, expected symbol ')'", ''],
    ['prefix_rule(pattern=["a"]))\n', "unexpected symbol ')', expected new line", ')'],
    ['  prefix_rule(pattern=["a"])\n', 'unexpected indentation', 'prefix_rule'],
    ['prefix_rule(pattern=["a"])\t\n', 'tabs are not allowed', '\t'],
    ['prefix_rule(pattern=["a"]) $\n', 'invalid input `$`', '$'],
    ['\ufeffprefix_rule(pattern=["a"])\n', 'invalid input U+FEFF (a byte order mark)', '\ufeff'],
    ['prefix_rule(pattern=["a\\ud83d"])\n', 'invalid string escape sequence `\\ud83d`', '\\ud83d'],
    ['prefix_rule(pattern=["a\n"])\n', 'unfinished string literal', '"a'],
    ['if x:\n        a\n    b\n', 'incorrect indentation', 'b'],
  ];
  it.each(syntaxErrors)('syntax error %j', (text, message, at) => {
    const { errors } = parseStarlark(text);
    expect(errors[0]).toMatchObject({ message });
    expect(text.slice(errors[0]!.start, errors[0]!.end)).toBe(at);
  });

  it('keeps reading after a broken statement', () => {
    const { module, errors } = parseStarlark('prefix_rule(pattern=["a"],, )\nprefix_rule(pattern=["b"])\n');
    expect(errors).toHaveLength(1);
    expect(module.statements).toHaveLength(1);
  });

  it('accepts tabs on blank and comment-only lines, as starlark-rust does', () => {
    expect(parseStarlark('\t\n\t# c\nprefix_rule(pattern=["a"])\n').errors).toEqual([]);
  });
});

describe('hostile input', () => {
  it('deep bracket nesting is refused before the parser recurses', () => {
    // `(` is depth 1, so the 100th `[` (offset 119) is depth 101.
    const text = 'prefix_rule(pattern=' + '['.repeat(100_000) + ']'.repeat(100_000) + ')\n';
    const t0 = performance.now();
    const { errors } = parseStarlark(text);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(errors).toEqual([{ code: 'too-deep', message: 'brackets nested more than 100 deep', start: 119, end: 120 }]);
  });

  it('unclosed deep nesting is bounded too', () => {
    const { errors } = parseStarlark('['.repeat(200_000));
    expect(errors.length).toBeLessThanOrEqual(2);
    expect(errors[0]!.code).toBe('too-deep');
  });

  it('nesting at the limit parses', () => {
    const text = 'f(' + '['.repeat(99) + ']'.repeat(99) + ')\n';
    expect(parseStarlark(text).errors).toEqual([]);
  });

  it('long chains of unary operators and lambdas do not overflow the stack', () => {
    expect(parseStarlark('x = ' + 'not '.repeat(50_000) + 'a\n').errors).toEqual([]);
    const lambdas = parseStarlark('x = ' + 'lambda: '.repeat(50_000) + 'a\n');
    expect(lambdas.errors.length).toBeLessThanOrEqual(1);
  });
});
