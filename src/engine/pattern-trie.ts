// A trie of prefix-rule patterns that answers "which stored patterns cover this one?" without
// comparing every pair (design.md §7: duplicate-rule, redundant-rule, ineffective-rule).
//
// A pattern is a list of positions, each a set of alternatives. Codex matches a command when every
// position holds one of its alternatives (reference/codex-0.169.md §2), so the order and repeats of
// alternatives do not matter: each position is stored as its sorted set of distinct tokens. Stored
// pattern S covers query pattern R (as token sets; the caller adds what the head position needs)
// when S is no longer than R and every position of S is a superset of R's position there.
//
// Alternatives are never expanded into their cartesian product: a position with one token is an
// edge keyed by that token, a position with several is one edge labelled by the whole set (shared by
// every pattern with the same set). A query follows, at each depth, the one-token edge of its own
// token (when its position has one token) and the set edges that contain all of its tokens, found
// through an index of set edges by member token. Every node on such a path is a prefix that covers
// the query's prefix; the values stored there are the covering patterns.
export type TokenSets = readonly (readonly string[])[];

interface SetEdge<T> {
  tokens: ReadonlySet<string>;
  node: TrieNode<T>;
}

// Maps are created on first use: most nodes of a real rule file have one child or none, and a
// 20,000-rule file makes about 100,000 nodes.
class TrieNode<T> {
  /** Edges of positions with exactly one token. */
  single: Map<string, TrieNode<T>> | undefined;
  /** Edges of positions with several tokens, by their set's key. */
  sets: Map<string, SetEdge<T>> | undefined;
  /** The same set edges, indexed by each member token. */
  setsByToken: Map<string, SetEdge<T>[]> | undefined;
  /** Values of the patterns that end here. */
  values: T[] | undefined;
}

/** Distinct tokens, sorted by code unit: the canonical form of one position. */
export function tokenSet(tokens: readonly string[]): string[] {
  if (tokens.length === 1) return [tokens[0]!];
  const out = [...new Set(tokens)];
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export class PatternTrie<T> {
  private readonly root = new TrieNode<T>();

  /**
   * The values stored for exactly these token sets (each sorted and distinct, see `tokenSet`),
   * creating the node when it is new: push to the array to store a value.
   */
  slot(sets: TokenSets): T[] {
    let node = this.root;
    for (const set of sets) {
      if (set.length === 1) {
        const token = set[0]!;
        node.single ??= new Map();
        let next = node.single.get(token);
        if (!next) node.single.set(token, (next = new TrieNode<T>()));
        node = next;
        continue;
      }
      const key = JSON.stringify(set);
      node.sets ??= new Map();
      let edge = node.sets.get(key);
      if (!edge) {
        edge = { tokens: new Set(set), node: new TrieNode<T>() };
        node.sets.set(key, edge);
        const byToken = (node.setsByToken ??= new Map());
        for (const t of set) {
          const list = byToken.get(t);
          if (list) list.push(edge);
          else byToken.set(t, [edge]);
        }
      }
      node = edge.node;
    }
    return (node.values ??= []);
  }

  /**
   * Calls `visit` with every value whose pattern covers `sets`: stored sets[0..k) ⊇ query
   * sets[0..k) position by position, for some k ≤ sets.length (k ≥ 1). The pattern's own slot is
   * included. Iterative, so a very long pattern cannot overflow the stack.
   */
  forEachCovering(sets: TokenSets, visit: (value: T) => void): void {
    if (sets.length === 0) return;
    const nodes: TrieNode<T>[] = [this.root];
    const depths: number[] = [0];
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      const depth = depths.pop()!;
      if (node.values) for (const v of node.values) visit(v);
      if (depth === sets.length) continue;
      const want = sets[depth]!;
      if (want.length === 0) continue;
      if (want.length === 1 && node.single) {
        const next = node.single.get(want[0]!);
        if (next) {
          nodes.push(next);
          depths.push(depth + 1);
        }
      }
      // A set edge covers this position when it holds every wanted token; look only at the edges
      // holding the first one.
      const edges = node.setsByToken?.get(want[0]!);
      if (!edges) continue;
      for (const edge of edges) {
        let all = true;
        for (let i = 1; i < want.length && all; i++) all = edge.tokens.has(want[i]!);
        if (all) {
          nodes.push(edge.node);
          depths.push(depth + 1);
        }
      }
    }
  }
}
