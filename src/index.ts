// escalint's public API (design.md §6). The CLI uses these same functions.
export type {
  Decision,
  Diagnostic,
  HostExecutable,
  NetworkRule,
  PatternElement,
  Rule,
  RuleExample,
  RuleSet,
  RuleSetSettings,
  Segment,
  Span,
  Verdict,
} from './types.js';
export { loadRuleFiles, loadRuleText, type LoadOptions, type LoadRuleOptions, type LoadResult, type RuleFileLoad } from './load.js';
export { loadYamlRuleFile, type YamlLoadOptions } from './rules/yaml.js';
export { ruleFileSchema } from './rules/schema.js';
export { codexSplit, codexSplitScript, CODEX_SPLIT_SHELLS, type CodexSplit } from './shell/codex-split.js';
export { RuleIndex, strictestDecision, type MatchOptions, type PrefixMatch } from './engine/match.js';
export { encodeStarlarkString, emitRulesFile, type EmitInput, type EmitOptions, type EmitResult } from './emit/starlark.js';
export { compile, COMPILE_TARGETS, type CompileOptions, type CompileResult, type CompileTarget } from './emit/compile.js';
export { importRules, type ImportOptions, type ImportResult, type ImportStats } from './import/import.js';
export { lintFiles, lintLoaded, type LintOptions, type LintResult, type LintFileResult, type SuppressedDiagnostic } from './lint.js';
export { checks, allChecks, defineCheck, structuralChecks, type Check, type CheckContext, type CheckMeta, type CheckInfo } from './checks/index.js';
export { formatters, formatNames, type FormatName, type FormatContext, type Formatter } from './format/index.js';
export { parseShell } from './shell/parse.js';
export { suggestPrefix, type PrefixSuggestion, type TokenInfo, type TokenRole } from './suggest/prefix.js';
export { REASONS, type ReasonId } from './shell/wrappers.js';
export { CONTEXT_IDS, type ContextId } from './shell/segments.js';
export { evaluate, Evaluator, type CommandEvaluation, type SegmentEvaluation, type CodexEvaluation, type EvaluateOptions, type Explanation } from './engine/evaluate.js';
export type { ParseOptions, ParseResult, SegmentWord, SegmentReason, Redirect } from './types.js';
export { parseHookEvent, HOOK_EVENTS, type HookEvent, type HookEventKind } from './hook/event.js';
export { judgeCommand, type HookDecision, type HookVerdict, type JudgeContext } from './hook/judge.js';
export { hookOutput } from './hook/output.js';
export { planCodexToml, planJson, type HookEntry, type InstallPlan } from './hook/install.js';
export { escalate, type EscalateInput, type EscalateResult } from './escalate/escalate.js';
export type { Capability } from './escalate/detect.js';
export { readCodexConfig, type SandboxPolicy, type ApprovalPolicy, type SandboxMode, type NetworkMode } from './escalate/policy.js';
export { readTelegramPrompt, type TelegramPrompt } from './escalate/telegram.js';
