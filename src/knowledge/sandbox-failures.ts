// Lines of a failing command's output that show it was kept from the network or from writing
// (`escalint escalate --output`, design.md §8). Each pattern is the message of a real tool,
// recorded in test/fixtures/escalate/output/ (the README there says which command printed it).
// A pattern is one message, not a family: it names what failed, and a line matching none of
// them is no evidence of anything.
import type { CapabilityName } from './capabilities.js';

export interface FailurePattern {
  /** Stable id (tests check that a recorded fixture shows each one). */
  id: string;
  capability: CapabilityName;
  pattern: RegExp;
  /** Which tools print it, and what it means (one line). */
  reason: string;
}

export const FAILURE_PATTERNS: readonly FailurePattern[] = [
  // Name resolution (glibc getaddrinfo(3) messages, and what curl, git and Node print for them).
  { id: 'eai-again', capability: 'network', pattern: /Temporary failure in name resolution/, reason: 'EAI_AGAIN: the resolver cannot be reached (no network at all); Python, wget' },
  { id: 'eai-noname', capability: 'network', pattern: /Name or service not known/, reason: 'EAI_NONAME: the name did not resolve; Python, pip, wget' },
  { id: 'curl-resolve', capability: 'network', pattern: /Could not resolve host/, reason: 'libcurl could not resolve the host; curl, git over https' },
  { id: 'node-enotfound', capability: 'network', pattern: /getaddrinfo (?:ENOTFOUND|EAI_AGAIN)\b/, reason: "Node's getaddrinfo error; npm, yarn, pnpm" },
  // No route, or nothing answering.
  { id: 'enetunreach', capability: 'network', pattern: /Network is unreachable|\bconnect ENETUNREACH\b/, reason: 'ENETUNREACH: no route to any host (a namespace without network); curl -v, Python, npm' },
  { id: 'econnrefused', capability: 'network', pattern: /Connection refused|\bconnect ECONNREFUSED\b/, reason: 'ECONNREFUSED: nothing accepts the connection (a registry, proxy or mirror that is not reachable); curl -v, pip, npm' },
  { id: 'curl-connect', capability: 'network', pattern: /Failed to connect to .* Couldn't connect to server/, reason: 'libcurl could not connect (refused or unreachable); curl, git over http' },
  // Writes refused. `Permission denied (publickey…)` is ssh refusing a key: a credential, not the sandbox.
  { id: 'erofs', capability: 'write-outside-workspace', pattern: /Read-only file system/i, reason: 'EROFS: a read-only mount, as sandboxes mount what is not writable; touch, git, Node' },
  { id: 'eacces', capability: 'write-outside-workspace', pattern: /Permission denied(?! \(publickey)/i, reason: 'EACCES: no write permission (Linux sandboxes, file modes); touch, sh, npm' },
  { id: 'eperm', capability: 'write-outside-workspace', pattern: /Operation not permitted/i, reason: 'EPERM: the operation is refused outright (macOS Seatbelt, seccomp, ownership); chmod, Node' },
];

/**
 * Output that is not part of any message: terminal escape sequences, and curl's progress meter,
 * which curl overwrites in place with carriage returns and which runs straight into the error
 * message that follows it (`…--:--:--     0curl: (6) Could not resolve host`).
 */
export const OUTPUT_NOISE: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, reason: 'ANSI colour and cursor sequences (npm, cargo and others colour their errors)' },
  {
    pattern: /^\s*\d+\s+[\d.]+[kMGTP]?\s+\d+\s+[\d.]+[kMGTP]?\s+\d+\s+[\d.]+[kMGTP]?\s+[\d.]+[kMGTP]?\s+[\d.]+[kMGTP]?\s+(?:--:--:--|[\d:]+)\s+(?:--:--:--|[\d:]+)\s+(?:--:--:--|[\d:]+)\s+[\d.]+[kMGTP]?/,
    reason: "a line of curl's progress meter (% Total … Current Speed)",
  },
];
