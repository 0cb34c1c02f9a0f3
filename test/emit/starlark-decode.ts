// A small strict decoder for the string literals escalint writes, following starlark-rust's lexer for
// double-quoted strings (reference/starlark-strings.md). It refuses anything Codex would refuse (raw
// newline, unknown or malformed escapes, surrogate escapes) and anything escalint should never write.
export function decodeStarlarkString(lit: string): string {
  if (lit.length < 2 || lit[0] !== '"' || lit[lit.length - 1] !== '"') throw new Error(`not a "…" literal: ${lit}`);
  let out = '';
  const body = lit.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') throw new Error(`raw quote at ${i}`);
    if (c === '\n' || c === '\r') throw new Error(`raw line break at ${i}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
    if (e !== undefined && e in simple) {
      out += simple[e];
      continue;
    }
    const width = e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width === 0) throw new Error(`unexpected escape \\${e ?? ''} at ${i}`);
    const hex = body.slice(i + 1, i + 1 + width);
    if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new Error(`bad \\${e} escape at ${i}`);
    const cp = parseInt(hex, 16);
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) throw new Error(`invalid code point ${hex}`);
    out += String.fromCodePoint(cp);
    i += width;
  }
  return out;
}
