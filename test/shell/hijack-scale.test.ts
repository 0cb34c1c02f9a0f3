// Many hijacking assignments in one script must not make the analysis quadratic: every later
// command used to get one reason per earlier assignment, so 4,000 lines of `LD_Ai=x; ls` took over
// a minute, and a hook that times out lets the agent's command run (fail open).
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';

const script = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}=x; ls`).join('\n');
const time = (s: string) => {
  const t = performance.now();
  const r = parseShell(s);
  return { ms: performance.now() - t, r };
};

describe('hijacking assignments at scale', () => {
  it('cost about what plain assignments cost, and every later command is still marked', () => {
    time(script('A_', 200)); // warm up
    const benign = time(script('A_', 4000));
    const hostile = time(script('LD_A', 4000));
    expect(hostile.r.segments).toHaveLength(4000);
    expect(hostile.r.segments.slice(1).every((s) => s.reasons.some((x) => x.id === 'dangerous-env'))).toBe(true);
    expect(benign.r.segments.every((s) => s.reasons.length === 0)).toBe(true);
    // Generous: the quadratic version was hundreds of times slower.
    expect(hostile.ms).toBeLessThan(Math.max(8 * benign.ms, 500));
  });
});

// An `exec <…` in a loop body gives the whole loop that input (segments.ts, listExecsStdin): the
// scan is remembered per list, so nested loops do not rescan their bodies at every level.
describe('exec in nested loops at scale', () => {
  const nested = (depth: number, body: string) => `${'while :; do '.repeat(depth)}${body}${'done; '.repeat(depth)}`;
  it('costs about what one loop around the same commands costs, and the reader is still marked', () => {
    const body = `python3; ${'if :; then :; fi; '.repeat(20000)}exec <x.py; `;
    time(nested(20, body)); // warm up
    const flat = time(nested(1, body));
    const deep = time(nested(200, body));
    expect(deep.r.diagnostics).toEqual([]);
    expect(deep.r.segments.find((s) => s.argv[0] === 'python3')!.reasons.map((x) => x.id)).toContain('stdin-script');
    // Rescanning the body at each of the 200 levels was about 5x slower than one loop here.
    expect(deep.ms).toBeLessThan(Math.max(2.5 * flat.ms, 500));
  });
});
