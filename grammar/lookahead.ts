// Chevrotain's LL(k) analysis, computed once instead of in every process.
//
// When a Chevrotain parser is constructed it works out, for every alternation and optional
// production of the grammar, the token sequences that select it, and builds a lookahead function
// from them. For the shell grammar that is about 20 ms, paid by every process that parses a
// command — the hook pays it before every command an agent runs. The sequences (paths) depend on
// the grammar alone, so `npm run lookahead` computes them once and keeps them in a table beside
// the grammar (`lookahead-table.ts`); a parser built with `TabledLookahead` makes its functions
// from the table.
//
// The table carries a fingerprint of the grammar it was computed from (Chevrotain's own
// serialization of the productions). A grammar that no longer matches — edited without running
// `npm run lookahead` — is analysed afresh by Chevrotain's `getLookaheadPaths`, so a stale table
// costs time, never a wrong parse; `test/grammar/lookahead-table.test.ts` fails on a stale table.
//
// The functions are written here (Chevrotain's builders are not part of its API) with the same
// meaning as Chevrotain's: the first alternative, in grammar order, with a path whose tokens are
// the next tokens (a token matches its own type and the categories it belongs to) and whose gate,
// if any, is open; an optional production is entered when one of its paths matches.
import { getLookaheadPaths, LLkLookaheadStrategy, serializeGrammar } from './chevrotain.js';
import type { IOrAlt, IToken, OptionalProductionType, Rule, TokenType } from 'chevrotain';

/** Paths by production (`rule/type/occurrence/k`): alternatives → paths → token type names. */
export interface LookaheadTable {
  fingerprint: string;
  paths: Record<string, string[][][]>;
}

type Paths = TokenType[][][];

/** What a lookahead function can ask of the parser it runs in. */
interface Lookahead {
  LA(howMuch: number): IToken;
}

export class TabledLookahead extends LLkLookaheadStrategy {
  /** The grammar's fingerprint, known once Chevrotain has recorded the grammar. */
  fingerprint = '';
  /** Whether the table matched the grammar (so no path was computed). */
  usedTable = false;
  /** Every production's paths as token names, in the table's shape (for `npm run lookahead`). */
  readonly paths: Record<string, string[][][]> = {};
  private tokens = new Map<string, TokenType>();

  constructor(
    private readonly table: LookaheadTable | undefined,
    maxLookahead: number,
  ) {
    super({ maxLookahead });
  }

  override initialize({ rules }: { rules: Rule[] }): void {
    this.fingerprint = grammarFingerprint(rules);
    this.usedTable = this.table !== undefined && this.table.fingerprint === this.fingerprint;
    if (this.usedTable) for (const rule of rules) collectTerminals(rule.definition, this.tokens);
  }

  override buildLookaheadForAlternation(o: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alts = this.pathsOf(o.rule, 'Alternation', o.prodOccurrence, o.maxLookahead);
    return alternativesLookahead(alts, o.hasPredicates, o.dynamicTokensEnabled);
  }

  override buildLookaheadForOptional(o: { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean }): () => boolean {
    // Chevrotain's paths for an optional production: [inside it, after it]; the inside decides.
    const [inside] = this.pathsOf(o.rule, o.prodType, o.prodOccurrence, o.maxLookahead);
    return optionalLookahead(inside ?? [], o.dynamicTokensEnabled);
  }

  private pathsOf(rule: Rule, prodType: OptionalProductionType | 'Alternation', occurrence: number, k: number): Paths {
    const key = `${rule.name}/${prodType}/${occurrence}/${k}`;
    const named = this.usedTable ? this.table!.paths[key] : undefined;
    if (named) {
      const paths = named.map((alt) => alt.map((path) => path.map((name) => this.tokens.get(name))));
      if (paths.every((alt) => alt.every((path) => path.every((t) => t !== undefined)))) return paths as Paths;
    }
    const paths = getLookaheadPaths({ occurrence, rule, prodType, maxLookahead: k }) as Paths;
    this.paths[key] = paths.map((alt) => alt.map((path) => path.map((t) => t.name)));
    return paths;
  }
}

/** Chevrotain's serialization of the productions, hashed (two 32-bit FNV-1a lanes). */
export function grammarFingerprint(rules: Rule[]): string {
  const text = JSON.stringify(serializeGrammar(rules));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${text.length}`;
}

/**
 * Every terminal's token type by name (names are unique in a Chevrotain vocabulary). A reference
 * to another rule is not followed: every rule is walked on its own.
 */
function collectTerminals(definition: readonly unknown[], into: Map<string, TokenType>): void {
  for (const prod of definition as { terminalType?: TokenType; referencedRule?: unknown; definition?: unknown[] }[]) {
    if (prod.terminalType) into.set(prod.terminalType.name, prod.terminalType);
    else if (prod.referencedRule === undefined && prod.definition) collectTerminals(prod.definition, into);
  }
}

/** Chevrotain's token matching: the token's own type, or a category the token belongs to. */
function matches(token: IToken, type: TokenType): boolean {
  const idx = token.tokenTypeIdx;
  return idx === type.tokenTypeIdx || (type.isParent === true && type.categoryMatchesMap![idx] === true);
}

function pathMatches(parser: Lookahead, path: TokenType[]): boolean {
  for (let i = 0; i < path.length; i++) if (!matches(parser.LA(i + 1), path[i]!)) return false;
  return true;
}

/** The index of the token types a one-token path selects: the type itself and its members. */
function typeIndices(type: TokenType): number[] {
  return [type.tokenTypeIdx!, ...(type.categoryMatches ?? [])];
}

export function alternativesLookahead(alts: Paths, hasPredicates: boolean, dynamicTokens: boolean): (this: Lookahead, orAlts?: IOrAlt<unknown>[]) => number | undefined {
  const oneToken = alts.every((alt) => alt.every((path) => path.length === 1));
  if (oneToken && !hasPredicates && !dynamicTokens) {
    // The common case: one token decides, so a table from token type to alternative does.
    const choice: (number | undefined)[] = [];
    alts.forEach((alt, index) => {
      for (const [type] of alt) for (const idx of typeIndices(type!)) choice[idx] ??= index;
    });
    return function (this: Lookahead) {
      return choice[this.LA(1).tokenTypeIdx];
    };
  }
  return function (this: Lookahead, orAlts?: IOrAlt<unknown>[]) {
    for (let t = 0; t < alts.length; t++) {
      const gate = hasPredicates ? orAlts?.[t]?.GATE : undefined;
      if (gate !== undefined && gate.call(this) === false) continue;
      for (const path of alts[t]!) if (pathMatches(this, path)) return t;
    }
    return undefined;
  };
}

export function optionalLookahead(paths: TokenType[][], dynamicTokens: boolean): (this: Lookahead) => boolean {
  if (!dynamicTokens && paths.every((path) => path.length === 1)) {
    const enter = new Set(paths.flatMap(([type]) => typeIndices(type!)));
    if (enter.size === 1) {
      const [only] = enter;
      return function (this: Lookahead) {
        return this.LA(1).tokenTypeIdx === only;
      };
    }
    return function (this: Lookahead) {
      return enter.has(this.LA(1).tokenTypeIdx);
    };
  }
  return function (this: Lookahead) {
    for (const path of paths) if (pathMatches(this, path)) return true;
    return false;
  };
}
