// A fast reader for the `.rules` files Codex writes itself: one
// `prefix_rule(pattern=["a", "b"], decision="allow")` call per line, as "don't ask again" appends
// them (openai/codex execpolicy amend.rs: JSON-escaped strings), with `#` comment lines and blank
// lines. A grown default.rules has thousands of such lines; the Starlark grammar (Chevrotain)
// reads 10,000 of them in about 300 ms of a cold process, this reader in a few ms, and a hook or
// check that meets only this shape never loads the grammar at all.
//
// It reads a file only when it is sure to build exactly what starlark.ts builds: every line is
// empty, a comment starting in column 0, or a call starting in column 0 with keyword arguments
// `pattern` (strings, or lists of strings for alternatives), `decision` and `justification`, each
// once, double-quoted strings with the escapes Starlark and JSON share, and nothing Codex would
// refuse. Anything else — another call or argument, positional arguments, single quotes, other
// escapes, control characters, CR, a BOM, a call over several lines, any problem the validators
// find — makes it give up (null), and starlark.ts reads the file and reports what is wrong.
// test/rules/starlark-fast.test.ts compares the two on generated files and a table of edge cases.
import type { Decision, PatternElement, Rule, SourceRef } from '../types.js';
import { validateDecision, validateJustification, validatePatternShape } from './codex-load.js';
import type { RuleFileLoad } from './load.js';

/** Thrown inside the reader when the text leaves the subset; caught in readCodexRuleLines. */
const GIVE_UP = Symbol('give up');

class LineReader {
  pos = 0;

  constructor(
    readonly text: string,
    readonly end: number,
  ) {}

  spaces(): void {
    while (this.pos < this.end && this.text.charCodeAt(this.pos) === 0x20) this.pos++;
  }

  expect(ch: string): void {
    if (this.text[this.pos] !== ch) throw GIVE_UP;
    this.pos++;
  }

  /** A `"…"` literal: its value, with `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f` and `\uXXXX`. */
  string(): string {
    const text = this.text;
    if (text.charCodeAt(this.pos) !== 0x22) throw GIVE_UP;
    let i = this.pos + 1;
    let out = '';
    let from = i;
    for (;;) {
      if (i >= this.end) throw GIVE_UP;
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20 || c === 0x7f) throw GIVE_UP;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(from, i);
      const e = text[i + 1];
      if (e === '"' || e === '\\') out += e;
      else if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === 'b') out += '\b';
      else if (e === 'f') out += '\f';
      else if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw GIVE_UP;
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) throw GIVE_UP; // Starlark refuses surrogates
        out += String.fromCharCode(code);
        i += 4;
      } else throw GIVE_UP;
      i += 2;
      from = i;
    }
    out += text.slice(from, i);
    this.pos = i + 1;
    return out;
  }

  /** `[e, e, …]` with an optional trailing comma; `element` reads one element. */
  list<T>(element: () => T): T[] {
    this.expect('[');
    const out: T[] = [];
    this.spaces();
    while (this.text[this.pos] !== ']') {
      out.push(element());
      this.spaces();
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.spaces();
      } else if (this.text[this.pos] !== ']') throw GIVE_UP;
    }
    this.pos++;
    return out;
  }

  /** A keyword argument's name, up to `=`. */
  name(): string {
    const start = this.pos;
    while (this.pos < this.end && /[a-z_]/.test(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos);
  }
}

/**
 * Reads the file when it is in the subset above; null otherwise. `text` is the decoded text;
 * the rules are what starlark.ts's loadStarlarkRuleFile returns for it.
 */
export function readCodexRuleLines(path: string, text: string): RuleFileLoad | null {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return null;
  const rules: Rule[] = [];
  const source = (start: number, end: number): SourceRef => ({ file: path, start, end });
  let lineStart = 0;
  try {
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const first = text.charCodeAt(lineStart);
      if (lineStart === lineEnd || first === 0x23 /* # */) {
        lineStart = lineEnd + 1;
        continue;
      }
      if (!text.startsWith('prefix_rule(', lineStart)) return null;
      const r = new LineReader(text, lineEnd);
      r.pos = lineStart + 'prefix_rule('.length;
      let pattern: PatternElement[] | undefined;
      let patternSource: SourceRef | undefined;
      let decision: string | undefined;
      let justification: string | undefined;
      let justificationSource: SourceRef | undefined;
      r.spaces();
      while (text[r.pos] !== ')') {
        const name = r.name();
        r.spaces();
        r.expect('=');
        r.spaces();
        const at = r.pos;
        if (name === 'pattern' && pattern === undefined) {
          pattern = r.list(() => (text[r.pos] === '[' ? r.list(() => r.string()) : r.string()));
          patternSource = source(at, r.pos);
        } else if (name === 'decision' && decision === undefined) {
          decision = r.string();
        } else if (name === 'justification' && justification === undefined) {
          justification = r.string();
          justificationSource = source(at, r.pos);
        } else return null;
        r.spaces();
        if (text[r.pos] === ',') {
          r.pos++;
          r.spaces();
        } else if (text[r.pos] !== ')') return null;
      }
      const callEnd = r.pos + 1;
      r.pos = callEnd;
      r.spaces();
      if (r.pos < lineEnd && text[r.pos] !== '#') return null;
      if (pattern === undefined || validatePatternShape(pattern).length > 0) return null;
      if (decision !== undefined && validateDecision(decision) !== null) return null;
      if (justification !== undefined && validateJustification(justification) !== null) return null;
      const rule: Rule = {
        id: null,
        pattern,
        decision: (decision ?? 'allow') as Decision,
        decisionExplicit: decision !== undefined,
        match: [],
        notMatch: [],
        canonicalMatching: false,
        source: source(lineStart, callEnd),
        patternSource: patternSource!,
        matchSources: [],
        notMatchSources: [],
        index: rules.length,
      };
      if (justification !== undefined) {
        rule.justification = justification;
        rule.justificationSource = justificationSource!;
      }
      rules.push(rule);
      lineStart = lineEnd + 1;
    }
  } catch (err) {
    if (err === GIVE_UP) return null;
    throw err;
  }
  return { text, rules, hostExecutables: [], networkRules: [], settings: { checks: {} }, diagnostics: [] };
}
