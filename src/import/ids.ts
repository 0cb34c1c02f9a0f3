// Rule ids for imported rules (design.md §2: optional, unique, kebab-case, matching the schema's
// `^[a-z0-9]+(-[a-z0-9]+)*$`): the pattern's words in kebab case, `git-status`, `cargo-test-p-codex-core`.
// The program is named by its basename (`/bin/bash` → `bash`), alternatives by all their tokens,
// accents are dropped (`héllo` → `hello`), other characters separate words; an id is at most
// MAX_LENGTH characters, cut at a word boundary. A later rule with the same id gets `-2`, `-3`, …
import { basename } from 'node:path/posix';
import type { PatternElement } from '../types.js';

const MAX_LENGTH = 48;

/** The schema's id pattern (schemas/escalint.schema.json, rules[].id). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function words(token: string): string[] {
  if (/^[\x20-\x7e]*$/.test(token)) return token.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  return token
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The id a pattern suggests, before making it unique (`rule` when no word is left). */
export function baseId(pattern: readonly PatternElement[]): string {
  let id = '';
  for (let i = 0; i < pattern.length; i++) {
    const el = pattern[i]!;
    for (let token of typeof el === 'string' ? [el] : el) {
      if (i === 0 && token.includes('/') && !token.endsWith('/')) token = basename(token);
      // Only the first characters can make it into the id (a token may be a whole script).
      for (const w of words(token.slice(0, 4 * MAX_LENGTH))) {
        const next = id === '' ? w.slice(0, MAX_LENGTH) : `${id}-${w}`;
        if (next.length > MAX_LENGTH) return id;
        id = next;
      }
    }
  }
  return id === '' ? 'rule' : id;
}

/** Hands out unique ids in order: the base id, then `base-2`, `base-3`, … for later rules. */
export class IdAllocator {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  /** Reserves an id that is already taken (for example by the user). */
  reserve(id: string): void {
    this.used.add(id);
  }

  allocate(pattern: readonly PatternElement[]): string {
    const base = baseId(pattern);
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    let n = this.next.get(base) ?? 2;
    while (this.used.has(`${base}-${n}`)) n++;
    this.next.set(base, n + 1);
    const id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
