// The approval policy and sandbox a Codex session runs under (design.md §8): from escalate's flags,
// or from a Codex config.toml (`approval_policy`, `sandbox_mode`, `[sandbox_workspace_write]
// network_access` and `writable_roots`, and the same keys of the `profile` it selects).
import { parse as parseToml } from 'smol-toml';
import { own } from '../knowledge/lookup.js';

export const APPROVAL_POLICIES = ['untrusted', 'on-failure', 'on-request', 'never'] as const;
export const SANDBOX_MODES = ['read-only', 'workspace-write', 'danger-full-access'] as const;
export const NETWORK_MODES = ['restricted', 'enabled'] as const;

/** `granular` is a config table (`approval_policy = { granular = { … } }`), not a flag value. */
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number] | 'granular';
export type SandboxMode = (typeof SANDBOX_MODES)[number];
export type NetworkMode = (typeof NETWORK_MODES)[number];

/** What is in force; null where neither a flag nor the config says. */
export interface SandboxPolicy {
  approvalPolicy: ApprovalPolicy | null;
  sandbox: SandboxMode | null;
  network: NetworkMode | null;
  /** Absolute folders writable besides the workspace and /tmp (`sandbox_workspace_write.writable_roots`). */
  writableRoots: string[];
}

export const EMPTY_POLICY: SandboxPolicy = { approvalPolicy: null, sandbox: null, network: null, writableRoots: [] };

/**
 * What Codex does where nothing is said: the interactive CLI starts a trusted repository in
 * workspace-write, and neither read-only nor workspace-write has network unless it is turned on.
 */
export const ASSUMED_SANDBOX: SandboxMode = 'workspace-write';

export type ConfigResult = { ok: true; policy: SandboxPolicy } | { ok: false; message: string };

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Reads the sandbox keys of one config layer (the top level, or a profile) into `into`. */
function readLayer(layer: Record<string, unknown>, where: string, into: SandboxPolicy): string | undefined {
  const approval = own<unknown>(layer, 'approval_policy');
  if (approval !== undefined) {
    if (isTable(approval) && Object.hasOwn(approval, 'granular')) into.approvalPolicy = 'granular';
    else if (oneOf(APPROVAL_POLICIES, approval)) into.approvalPolicy = approval;
    else return `${where}approval_policy must be one of ${APPROVAL_POLICIES.join(', ')}; got ${JSON.stringify(approval)}`;
  }
  const sandbox = own<unknown>(layer, 'sandbox_mode');
  if (sandbox !== undefined) {
    if (!oneOf(SANDBOX_MODES, sandbox)) return `${where}sandbox_mode must be one of ${SANDBOX_MODES.join(', ')}; got ${JSON.stringify(sandbox)}`;
    into.sandbox = sandbox;
  }
  const ww = own<unknown>(layer, 'sandbox_workspace_write');
  if (ww !== undefined) {
    if (!isTable(ww)) return `${where}sandbox_workspace_write must be a table`;
    const net = own<unknown>(ww, 'network_access');
    if (net !== undefined) {
      if (typeof net !== 'boolean') return `${where}sandbox_workspace_write.network_access must be true or false; got ${JSON.stringify(net)}`;
      into.network = net ? 'enabled' : 'restricted';
    }
    const roots = own<unknown>(ww, 'writable_roots');
    if (roots !== undefined) {
      if (!Array.isArray(roots) || !roots.every((r): r is string => typeof r === 'string' && r.startsWith('/'))) {
        return `${where}sandbox_workspace_write.writable_roots must be a list of absolute paths`;
      }
      into.writableRoots = [...roots];
    }
  }
  return undefined;
}

/**
 * The sandbox keys of a Codex config.toml. A profile named by `profile` overrides the top level,
 * as Codex layers them. `network_access` only applies to workspace-write: a read-only sandbox
 * has no network whatever the table says.
 */
export function readCodexConfig(text: string): ConfigResult {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    // smol-toml's message holds a code frame after its first line.
    return { ok: false, message: `invalid TOML: ${String((err as Error).message).split('\n')[0]}` };
  }
  const policy: SandboxPolicy = { ...EMPTY_POLICY, writableRoots: [] };
  const top = readLayer(doc, '', policy);
  if (top !== undefined) return { ok: false, message: top };
  const profile = own<unknown>(doc, 'profile');
  if (profile !== undefined) {
    if (typeof profile !== 'string') return { ok: false, message: 'profile must be a string' };
    const profiles = own<unknown>(doc, 'profiles');
    const layer = isTable(profiles) ? own<unknown>(profiles, profile) : undefined;
    if (!isTable(layer)) return { ok: false, message: `profile ${JSON.stringify(profile)} is not defined under [profiles]` };
    const err = readLayer(layer, `profiles.${profile}.`, policy);
    if (err !== undefined) return { ok: false, message: err };
  }
  if (policy.sandbox === 'read-only' && policy.network === 'enabled') policy.network = 'restricted';
  return { ok: true, policy };
}

/** The flags given on the command line win over the config file, key by key. */
export function mergePolicy(config: SandboxPolicy, flags: Partial<SandboxPolicy>): SandboxPolicy {
  return {
    approvalPolicy: flags.approvalPolicy ?? config.approvalPolicy,
    sandbox: flags.sandbox ?? config.sandbox,
    network: flags.network ?? config.network,
    writableRoots: [...config.writableRoots, ...(flags.writableRoots ?? [])],
  };
}

/** What the sandbox grants, with Codex's defaults where nothing is said. */
export interface Grants {
  fullAccess: boolean;
  network: boolean;
  /** Writes are allowed at all (inside the writable roots). */
  writes: boolean;
}

export function grantsOf(policy: SandboxPolicy): Grants {
  const sandbox = policy.sandbox ?? ASSUMED_SANDBOX;
  const fullAccess = sandbox === 'danger-full-access';
  return { fullAccess, network: fullAccess || policy.network === 'enabled', writes: sandbox !== 'read-only' };
}

/** `sandbox workspace-write (assumed), network restricted (assumed), approval policy never`. */
export function describePolicy(policy: SandboxPolicy): string {
  const sandbox = policy.sandbox ?? `${ASSUMED_SANDBOX} (assumed)`;
  const parts = [`sandbox ${sandbox}`];
  if (policy.sandbox !== 'danger-full-access') {
    parts.push(`network ${policy.network ?? 'restricted (assumed)'}`);
  }
  if (policy.approvalPolicy !== null) parts.push(`approval policy ${policy.approvalPolicy}`);
  return parts.join(', ');
}
