// Shared types of escalint's pipeline: text → grammar → segments / rules → engine and checks →
// diagnostics → formatters. Positions are half-open offsets into a file's text (UTF-16 code
// units, as JavaScript strings index them); only formatters turn them into line and column.

/** Codex's decisions, in Codex's order: the strictest match wins (reference/codex-0.169.md §2). */
export type Decision = 'allow' | 'prompt' | 'forbidden';

/** A whole command's outcome; `unmatched` when no rule matched (Codex falls back to its sandbox). */
export type Verdict = Decision | 'unmatched';

export type Severity = 'error' | 'warn';

/** A place in a file: half-open offsets into that file's text. */
export interface Span {
  start: number;
  end: number;
}

export interface RelatedLocation extends Span {
  file: string;
  message: string;
}

/** A replacement of the half-open range `[start, end)` of a file's text (ESLint's fix). */
export interface TextEdit extends Span {
  text: string;
}

/** An edit a person may choose to apply (ESLint's suggestions); `desc` says what it does. */
export interface Suggestion {
  desc: string;
  edits: TextEdit[];
}

/**
 * Every user mistake and every finding is a Diagnostic (style.md house rule 2).
 * `check` is the id of the check or structural stage (`yaml`, `schema`, `rules-syntax`,
 * `codex-load`, `example-mismatch`, `syntax-error`, …); `messageId` is stable within it.
 */
export interface Diagnostic extends Span {
  check: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** File the offsets refer to; absent for a command string given on the command line. */
  file?: string;
  /** Optional short hint on how to fix the problem. */
  hint?: string;
  related?: RelatedLocation[];
  /** Safe edits in `file` that `--fix` applies (never widening a permission). */
  fix?: TextEdit[];
  /** Edits offered to a person, applied only with `--fix-type suggestion`. */
  suggestions?: Suggestion[];
}

// ---------------------------------------------------------------------------------------------
// Shell segments (design.md §3, §5)

/** One word of a segment's argv after quote removal. */
export interface SegmentWord extends Span {
  /** The word after quote removal; expansions kept exactly as written. */
  value: string;
  /** True when the word contains an expansion, glob, `~` or brace expansion: its run-time value is unknown. */
  dynamic: boolean;
}

export interface Redirect extends Span {
  /** The operator as written, including a leading fd number or `{name}` (`2>`, `&>>`, `<<<`, `<<-`). */
  op: string;
  /** The target word after quote removal (for heredocs: the delimiter). */
  target: string;
  dynamic: boolean;
}

/** A machine-readable reason why escalint cannot know what a segment runs (fail closed). */
export interface SegmentReason {
  id: string;
  message: string;
}

export interface Segment extends Span {
  argv: string[];
  words: SegmentWord[];
  /** Leading `NAME=value` assignments as written after quote removal (`FOO=a b`). */
  assigns: string[];
  redirects: Redirect[];
  /** Where the segment sits, outer to inner (`pipeline`, `command-substitution`, `wrapped`, …). */
  context: string[];
  /** True when any argv word is dynamic. */
  dynamic: boolean;
  reasons: SegmentReason[];
}

export interface ParseOptions {
  /** Maximum input size in UTF-16 code units (default 1 MiB). */
  maxInputSize?: number;
  /** Maximum nesting depth of substitutions, compound commands and re-parsed strings (default 256). */
  maxDepth?: number;
  /** Unwrap wrappers (`sudo`, `bash -c`, …) into segments of their own (default true). */
  unwrap?: boolean;
}

export interface ParseResult {
  segments: Segment[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Rules (design.md §2)

/** One pattern position: a token, or alternatives (an inner list). */
export type PatternElement = string | string[];

/** A `match`/`not_match` example: a string (shlex-split) or a list of tokens. */
export type RuleExample = string | string[];

export interface SourceRef extends Span {
  file: string;
}

export interface Rule {
  /** The user's id, or null. */
  id: string | null;
  pattern: PatternElement[];
  decision: Decision;
  /** False when the file left `decision` out (Codex then uses `allow`). */
  decisionExplicit: boolean;
  justification?: string;
  match: RuleExample[];
  notMatch: RuleExample[];
  canonicalMatching: boolean;
  /** Where the rule is: the whole rule entry or call. */
  source: SourceRef;
  /** Where its pattern is; findings about the rule point here. */
  patternSource: SourceRef;
  /** Where its id is written (YAML only). */
  idSource?: SourceRef;
  /** Where its justification is written, when it has one and the loader knows. */
  justificationSource?: SourceRef;
  /** Where each `match` example is (parallel to `match`), when the loader knows. */
  matchSources?: SourceRef[];
  /** Where each `not_match` example is (parallel to `notMatch`), when the loader knows. */
  notMatchSources?: SourceRef[];
  /** Position of the rule in load order, across all files (0-based). */
  index: number;
}

export interface HostExecutable {
  name: string;
  paths: string[];
  source: SourceRef;
}

export type NetworkProtocol = 'http' | 'https' | 'socks5_tcp' | 'socks5_udp';

export interface NetworkRule {
  host: string;
  protocol: NetworkProtocol;
  decision: Decision;
  justification?: string;
  source: SourceRef;
}

export type CheckSeverity = Severity | 'off';

export interface RuleSetSettings {
  checks: Record<string, CheckSeverity | [CheckSeverity, Record<string, unknown>]>;
  codexVersion?: string;
}

export interface LoadedFile {
  path: string;
  text: string;
  kind: 'yaml' | 'rules';
}

export interface RuleSet {
  rules: Rule[];
  /** Host executables in definition order; for one name, the last definition wins. */
  hostExecutables: HostExecutable[];
  networkRules: NetworkRule[];
  settings: RuleSetSettings;
  /** Where each `settings.checks` key is written (the last file that sets it), for findings about it. */
  settingsKeys?: Record<string, SourceRef>;
  files: LoadedFile[];
}
