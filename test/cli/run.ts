// Runs the CLI in-process through main() with a fake CliIO.
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], opts: { cwd: string; stdin?: string; isTTY?: boolean; env?: Record<string, string> }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => opts.stdin ?? '',
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
    cwd: opts.cwd,
  };
  const code = await main(['node', 'escalint', ...args], io);
  return { code, stdout, stderr };
}
