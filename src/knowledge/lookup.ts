// Lookups into the knowledge tables. Keys come from the command line, so a name such as
// `toString`, `constructor` or `__proto__` must find nothing rather than a member of
// Object.prototype.

/** The entry of `table` named `key`, or undefined; inherited members never match. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
