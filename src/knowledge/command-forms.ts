// The shape of the command-form tables (code-runners.ts, destructive.ts): for a program, the
// command lines that run arbitrary code or destroy data, written as steps after the program name.
// src/engine/admits.ts reads them to tell whether a prefix rule admits such a command line: a rule
// `[python3]` admits `python3 -c '…'`, a rule `[python3, -m, pytest]` does not.
//
// A form is reached when the rule's tokens can be read as its first steps and the rule ends there
// (the rest of the form can follow), or the rule goes through all of it. A `hole` is a value the
// rule must fix to be safe (`-c CODE`); a `gap` is any number of words, so a form behind a gap is
// only reached by a rule that itself names what follows it (`find … -exec`): no prefix rule can
// keep `-exec` out of `find . -name x -exec …`, and reporting every `find` rule would be noise.

/** How a program's options read, as far as a prefix rule needs it. Options not listed are flags. */
export interface OptionTable {
  /** Options whose value is the next word (`-u root`). `--name=value` is always one word. */
  value?: readonly string[];
  /**
   * Options an options step never takes because they change what follows (`python -c`, `--version`,
   * `git push --dry-run`): only a form's own step can take them. `--name` also stops `--name=value`.
   */
  stop?: readonly string[];
  /** Option words matching this stop too (a short cluster holding a dry-run letter: `-nf`). */
  stopLike?: RegExp;
  /** First characters of an option word (default `-`; shells also `+`, cmd.exe `/`). */
  signs?: string;
  /** `NAME=value` words count as options (`env FOO=1 cmd`). */
  assignments?: boolean;
}

/** One step of a form. */
export type Step =
  /** One word, any of these. */
  | { word: readonly string[] }
  /** One word matching `like`; `examples` are spellings of it, the first one shown in messages. */
  | { like: RegExp; examples: readonly string[] }
  /** Zero or more option words (with their values). */
  | { options: OptionTable }
  /** One operand: any word that is not an option (a host, a container, a duration). */
  | { any: string }
  /** A value the rule must fix (code, a script name): if the rule ends before it, anything fits. */
  | { hole: string }
  /** The words from here on are a command, checked in turn (`sudo CMD`); `--` before it is skipped. */
  | { command: true }
  /** The words from here on run as a script, whatever they are (`eval`, `ssh HOST …`): always reached. */
  | { rest: true }
  /** Any number of words (see above). */
  | { gap: true };

export interface Form {
  steps: readonly Step[];
  /** Why this command line runs code or destroys data: shown in the message. */
  reason: string;
}

export interface ProgramForms {
  /** What the program is, and why it is in the table. */
  reason: string;
  /** Options before every form (global options, an interpreter's flags). */
  options?: OptionTable;
  /** Options and form words compare case-insensitively (PowerShell, cmd.exe). */
  caseInsensitive?: boolean;
  forms: readonly Form[];
  /** Words after the program for a well-scoped rule to suggest (`["-m", "pytest"]`), when there is a usual one. */
  narrower?: readonly string[];
}

// Small constructors so that the tables read as data.
export const word = (...words: string[]): Step => ({ word: words });
export const like = (re: RegExp, ...examples: [string, ...string[]]): Step => ({ like: re, examples });
export const options = (table: OptionTable = {}): Step => ({ options: table });
export const any = (placeholder: string): Step => ({ any: placeholder });
export const hole = (placeholder: string): Step => ({ hole: placeholder });
export const command: Step = { command: true };
export const rest: Step = { rest: true };
export const gap: Step = { gap: true };

/** Every abbreviation of a PowerShell parameter down to `min` characters (`-command` → `-c`, `-co`, …). */
export function abbreviations(name: string, min: number): string[] {
  const out: string[] = [];
  for (let n = min; n <= name.length; n++) out.push(name.slice(0, n));
  return out;
}
