// The fast `.rules` reader (src/rules/starlark-fast.ts) against the Starlark grammar it stands in
// for: wherever the fast reader reads a file, the load result (rules with every source range,
// diagnostics, the text) must be exactly what loadStarlarkRuleFile builds; and it must read the
// files Codex writes. Inputs: generated Codex-grown files, a table of edge cases, and random
// files built from the pieces of the shape (strings with every escape, comments, spacing;
// ESCALINT_STARLARK_FAST_RUNS sets how many, default 500).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { codexRules, toRulesText } from '../../bench/data/codex-rules.js';
import { readCodexRuleLines } from '../../src/rules/starlark-fast.js';
import { loadStarlarkRuleFile } from '../../src/rules/starlark.js';
import { readRuleText } from '../../src/rules/load.js';

/** Whether the fast reader read `text`; when it did, it must agree with the grammar exactly. */
function compare(text: string): boolean {
  const fast = readCodexRuleLines('r.rules', text);
  if (fast === null) return false;
  const full = loadStarlarkRuleFile('r.rules', text);
  expect(full.diagnostics, `the fast reader read a file the grammar reports on:\n${text}`).toEqual([]);
  expect(fast).toEqual(full);
  return true;
}

describe('fast .rules reader', () => {
  test.each([1, 2, 3])('reads Codex-grown files exactly as the grammar does (seed %i)', (seed) => {
    const text = toRulesText(codexRules(400, seed));
    expect(compare(text)).toBe(true);
  });

  test('the loader uses it, and reader: full does not', async () => {
    const text = toRulesText(codexRules(50));
    const auto = await readRuleText('r.rules', text);
    const full = await readRuleText('r.rules', text, { reader: 'full' });
    expect(auto).toEqual(full);
    expect(readCodexRuleLines('r.rules', text)).not.toBeNull();
  });

  test('leaves a nesting limit below its own depth to the grammar', async () => {
    const text = 'prefix_rule(pattern=["git", ["a", "b"]], decision="allow")\n';
    for (const maxDepth of [1, 2, 3, 4]) {
      expect(await readRuleText('r.rules', text, { maxDepth })).toEqual(await readRuleText('r.rules', text, { maxDepth, reader: 'full' }));
    }
    expect((await readRuleText('r.rules', text, { maxDepth: 2 })).diagnostics.map((d) => d.messageId)).toEqual(['too-deep']);
  });

  const reads = [
    'prefix_rule(pattern=["git", "status"], decision="allow")\n',
    'prefix_rule(pattern=["git", "status"])\n',
    'prefix_rule(pattern=["git", ["status", "log"]], decision="prompt", justification="look first")\n',
    'prefix_rule(pattern = [ "git" , "status" , ] , decision = "forbidden" , )  # trailing\n',
    '# a comment\n\nprefix_rule(pattern=["ls"], decision="allow")',
    'prefix_rule(justification="x", decision="allow", pattern=["ls"])\n',
    'prefix_rule(pattern=["echo", "a \\"quoted\\" \\\\ word\\n\\t\\r\\b\\f"], decision="allow")\n',
    'prefix_rule(pattern=["echo", "\\u0001\\u00e9\\u2028"], decision="allow")\n',
    'prefix_rule(pattern=["echo", "\\u0000\\uFFFF\\u007f"], decision="allow")\n',
    'prefix_rule(pattern=["echo", "é ü 漢字 😀"], decision="allow")\n',
    'prefix_rule(pattern=["bash", "-lc", "cd app && npm test | tee \'log\'"], decision="allow")\n',
    '',
    '\n\n#\n',
  ];
  test.each(reads)('reads %j as the grammar does', (text) => {
    expect(compare(text)).toBe(true);
  });

  const leaves = [
    ['positional argument', 'prefix_rule(["ls"])\n'],
    ['another function', 'host_executable(name="git", paths=["/usr/bin/git"])\n'],
    ['another argument', 'prefix_rule(pattern=["ls"], match=["ls"])\n'],
    ['argument twice', 'prefix_rule(pattern=["ls"], pattern=["cat"])\n'],
    ['single quotes', "prefix_rule(pattern=['ls'])\n"],
    ['an escape JSON does not share', 'prefix_rule(pattern=["\\x41"])\n'],
    ['a surrogate escape', 'prefix_rule(pattern=["\\ud800"])\n'],
    ['a raw tab in a string', 'prefix_rule(pattern=["a\tb"])\n'],
    ['an indented call', '  prefix_rule(pattern=["ls"])\n'],
    ['an indented comment', '  # c\nprefix_rule(pattern=["ls"])\n'],
    ['a blank line with spaces', '   \nprefix_rule(pattern=["ls"])\n'],
    ['a call over two lines', 'prefix_rule(\n  pattern=["ls"])\n'],
    ['CRLF', 'prefix_rule(pattern=["ls"])\r\n'],
    ['a BOM', '\ufeffprefix_rule(pattern=["ls"])\n'],
    ['an empty pattern', 'prefix_rule(pattern=[])\n'],
    ['an empty alternative list', 'prefix_rule(pattern=["git", []])\n'],
    ['an unknown decision', 'prefix_rule(pattern=["ls"], decision="deny")\n'],
    ['a blank justification', 'prefix_rule(pattern=["ls"], justification="  ")\n'],
    ['no pattern', 'prefix_rule(decision="allow")\n'],
    ['text after the call', 'prefix_rule(pattern=["ls"]) x\n'],
    ['two calls on a line', 'prefix_rule(pattern=["ls"]); prefix_rule(pattern=["cat"])\n'],
    ['an unclosed string', 'prefix_rule(pattern=["ls)\n'],
    ['an unclosed call', 'prefix_rule(pattern=["ls"]\n'],
    ['a variable', 'x = ["ls"]\nprefix_rule(pattern=x)\n'],
  ];
  test.each(leaves)('leaves %s to the grammar', async (_what, text) => {
    expect(readCodexRuleLines('r.rules', text)).toBeNull();
    // …which reads it in full: the loader's answer is the grammar's.
    expect(await readRuleText('r.rules', text)).toEqual(loadStarlarkRuleFile('r.rules', text));
  });

  test('random files from the pieces of the shape', () => {
    const ch = fc.constantFrom('a', 'Z', ' ', '-', '/', '"', '\\', '\n', '\t', '\r', '\b', '\f', '\u0001', '\u007f', 'é', '\u2028', '\u202e', '😀', '#', ')', ']', ',');
    const str = fc.array(ch, { maxLength: 6 }).map((cs) => cs.join(''));
    // Strings written as Codex writes them (JSON), sometimes damaged by hand.
    const lit = fc.tuple(str, fc.constantFrom('json', 'raw', 'single')).map(([s, how]) => (how === 'json' ? JSON.stringify(s) : how === 'raw' ? `"${s}"` : `'${s}'`));
    const element = fc.oneof(lit, fc.array(lit, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`));
    const sp = fc.constantFrom('', ' ', '  ');
    const arg = fc.oneof(
      fc.tuple(sp, fc.array(element, { maxLength: 4 })).map(([s, es]) => `pattern${s}=${s}[${es.join(',' + s)}]`),
      fc.constantFrom('allow', 'prompt', 'forbidden', 'deny', '').map((d) => `decision="${d}"`),
      lit.map((j) => `justification=${j}`),
    );
    const call = fc.tuple(fc.array(arg, { minLength: 1, maxLength: 3 }), sp, fc.constantFrom('', ',', ' # c')).map(([args, s, tail]) =>
      tail === ',' ? `prefix_rule(${args.join(',' + s)},)` : `prefix_rule(${args.join(',' + s)})${tail}`,
    );
    const line = fc.oneof({ weight: 6, arbitrary: call }, { weight: 1, arbitrary: fc.constantFrom('', '# note', '  ', ' # x') });
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), fc.boolean(), (lines, finalNewline) => {
        if (compare(lines.join('\n') + (finalNewline ? '\n' : ''))) read++;
      }),
      { numRuns: Number(process.env.ESCALINT_STARLARK_FAST_RUNS ?? 500) },
    );
    // The generator must reach the fast path often enough for the comparison to mean something.
    expect(read).toBeGreaterThan(20);
  });
});
