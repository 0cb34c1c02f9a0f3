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
