// Benchmark of the shell parser (issue 2, "Benchmark"):
//  (a) throughput on realistic agent commands: the scripts of the shared segment corpus
//      (bench/data/agent-commands.json) plus generated git/npm/cargo/docker pipelines, heredoc
//      commits, `$(…)`, long `&&` chains and long scripts (bench/data/agent-commands.js). Each
//      script is parsed by escalint's `parseShell` and, in the same process, by tree-sitter-bash
//      through web-tree-sitter followed by a walk that collects every `command` node's words (a
//      comparable segment walk). Rounds alternate A,B,B,A… after a warm-up; scripts/s for both
//      and the ratio escalint/tree-sitter (target >= 1.5x).
//  (b) a generated 1 MiB script parsed by escalint (target < 1 s), and linearity over 0.5, 1 and
//      2 MiB (each doubling at most 2.3x the time).
// ESM importing dist/ (bench/run.js builds it first; alone: `npm run build && node bench/parse.js`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateAgentCommands, generateScript, rng } from './data/agent-commands.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const MiB = 1024 * 1024;

/** The benchmark's script set: corpus, generated commands, and some long generated scripts. */
export function workload() {
  const corpus = JSON.parse(readFileSync(join(root, 'bench/data/agent-commands.json'), 'utf8')).scripts;
  const generated = generateAgentCommands(600, 169);
  const r = rng(7);
  const long = Array.from({ length: 20 }, (_, i) => generateScript(2000 + Math.floor(r() * 8000), 1000 + i));
  return { corpus, generated, long, all: [...corpus, ...generated, ...long] };
}

async function loadEscalint() {
  const index = await import(pathToFileURL(join(root, 'dist/src/index.js')).href);
  if (typeof index.parseShell === 'function') return index.parseShell;
  // Until src/index.ts exports it, fall back to the module itself.
  const mod = await import(pathToFileURL(join(root, 'dist/src/shell/parse.js')).href).catch(() => ({}));
  if (typeof mod.parseShell === 'function') return mod.parseShell;
  return null;
}

async function loadTreeSitter() {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const lang = await Language.load(join(dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'));
  const parser = new Parser();
  parser.setLanguage(lang);
  return parser;
}

/** tree-sitter's side: parse, then collect every `command` node's words with a cursor walk. */
function treeSitterSegments(parser, text) {
  const tree = parser.parse(text);
  const segments = [];
  const cursor = tree.walk();
  let descend = true;
  for (;;) {
    if (descend && cursor.nodeType === 'command') {
      const node = cursor.currentNode;
      const words = [];
      for (const child of node.namedChildren) {
        if (child.type !== 'variable_assignment' && child.type !== 'file_redirect' && child.type !== 'herestring_redirect') {
          words.push(child.text);
        }
      }
      segments.push(words);
    }
    if (descend && cursor.gotoFirstChild()) continue;
    if (cursor.gotoNextSibling()) { descend = true; continue; }
    if (!cursor.gotoParent()) break;
    descend = false;
  }
  cursor.delete();
  const hasError = tree.rootNode.hasError;
  tree.delete();
  return { segments, hasError };
}

function passMs(fn, scripts) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (const s of scripts) n += fn(s).segments.length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (n < 0) throw new Error('unreachable'); // keeps the result alive
  return ms;
}

/** (a) Interleaved throughput: A,B then B,A so drift and GC hit both alike. */
export function throughput(parseShell, parser, scripts, { minMs = 3000, warmup = 3 } = {}) {
  const a = (s) => parseShell(s);
  const b = (s) => treeSitterSegments(parser, s);
  for (let i = 0; i < warmup; i++) { passMs(a, scripts); passMs(b, scripts); }
  let msA = 0;
  let msB = 0;
  let rounds = 0;
  while (msA < minMs || msB < minMs) {
    if (rounds % 2 === 0) { msA += passMs(a, scripts); msB += passMs(b, scripts); }
    else { msB += passMs(b, scripts); msA += passMs(a, scripts); }
    rounds++;
  }
  const total = rounds * scripts.length;
  const escalintPerSec = total / (msA / 1000);
  const treeSitterPerSec = total / (msB / 1000);
  return { scripts: scripts.length, rounds, escalintPerSec, treeSitterPerSec, ratio: escalintPerSec / treeSitterPerSec, target: 1.5 };
}

/**
 * A full garbage collection, so that each timed parse starts from a clean heap rather than paying
 * for the garbage of the one before (what made the doubling ratio swing between 1.4x and 2.5x).
 */
const collect = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  return typeof gc === 'function' ? gc : () => {};
})();

/** (b) One large script at a time: best of `repeats` after a warm-up parse, each from a clean heap. */
export function largeScripts(parseShell, sizes = [0.5 * MiB, MiB, 2 * MiB], repeats = 5) {
  const options = { maxInputSize: 4 * MiB };
  const out = [];
  for (const size of sizes) {
    const text = generateScript(size, 42);
    const first = parseShell(text, options);
    let best = Infinity;
    for (let i = 0; i < repeats; i++) {
      collect();
      const t0 = process.hrtime.bigint();
      parseShell(text, options);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    out.push({ chars: text.length, ms: best, segments: first.segments.length, diagnostics: first.diagnostics.length });
  }
  const ratios = out.slice(1).map((x, i) => x.ms / out[i].ms);
  const oneMiB = out.find((x) => x.chars > 0.9 * MiB && x.chars <= MiB) ?? out[1];
  return { sizes: out, ratios, oneMiBMs: oneMiB.ms, targetMs: 1000, targetRatio: 2.3 };
}

/** For bench/run.js: the figures, printed through `log` as they come. */
export async function run({ log = () => {} } = {}) {
  const parseShell = await loadEscalint();
  const parser = await loadTreeSitter();
  const w = workload();
  log(`parse: workload ${w.all.length} scripts (${w.corpus.length} corpus, ${w.generated.length} generated commands, ${w.long.length} long scripts), ${w.all.reduce((n, s) => n + s.length, 0).toLocaleString('en')} chars`);
  if (parseShell === null) {
    const ts = throughput((s) => ({ segments: [] }), parser, w.all, { minMs: 1000 });
    log(`parse: escalint parseShell not built yet (dist/src/index.js has no parseShell); tree-sitter-bash alone: ${Math.round(ts.treeSitterPerSec).toLocaleString('en')} scripts/s`);
    return { escalint: null, treeSitterPerSec: ts.treeSitterPerSec };
  }
  const line = (label, t) => `parse throughput, ${label} (${t.rounds} interleaved rounds of ${t.scripts} scripts): escalint ${Math.round(t.escalintPerSec).toLocaleString('en')} scripts/s, tree-sitter-bash (WASM, parse + command walk) ${Math.round(t.treeSitterPerSec).toLocaleString('en')} scripts/s, ratio ${t.ratio.toFixed(2)}x (target >= ${t.target}x: ${t.ratio >= t.target ? 'ok' : 'MISSED'})`;
  const tp = throughput(parseShell, parser, w.all);
  log(line('all scripts', tp));
  const short = throughput(parseShell, parser, [...w.corpus, ...w.generated], { minMs: 2000 });
  log(line('agent commands only, no long scripts', short));
  const large = largeScripts(parseShell);
  for (const s of large.sizes) {
    log(`parse large: ${s.chars.toLocaleString('en')} chars in ${s.ms.toFixed(1)} ms (${s.segments.toLocaleString('en')} segments, ${s.diagnostics} diagnostics)`);
  }
  log(`parse 1 MiB: ${large.oneMiBMs.toFixed(1)} ms (target < ${large.targetMs} ms: ${large.oneMiBMs < large.targetMs ? 'ok' : 'MISSED'})`);
  log(`parse linearity: 1 MiB / 0.5 MiB ${large.ratios[0].toFixed(2)}x, 2 MiB / 1 MiB ${large.ratios[1].toFixed(2)}x (target <= ${large.targetRatio}x: ${large.ratios.every((x) => x <= large.targetRatio) ? 'ok' : 'MISSED'})`);
  return { throughput: tp, short, large };
}

/** The plain summary bench/run.js prints at the end. */
export function summary(r) {
  if (!r.throughput) return `parse: escalint not built; tree-sitter-bash ${Math.round(r.treeSitterPerSec)} scripts/s`;
  const ok = (b) => (b ? 'ok' : 'MISSED');
  const { throughput: tp, large } = r;
  return [
    `parse: ${tp.ratio.toFixed(2)}x tree-sitter-bash's throughput on all scripts, ${r.short.ratio.toFixed(2)}x on short agent commands (${ok(Math.min(tp.ratio, r.short.ratio) >= tp.target)}, target >= ${tp.target}x)`,
    `parse: 1 MiB in ${large.oneMiBMs.toFixed(0)} ms (${ok(large.oneMiBMs < large.targetMs)}, target < ${large.targetMs} ms)`,
    `parse: doubling costs ${large.ratios.map((x) => x.toFixed(2) + 'x').join(', ')} (${ok(large.ratios.every((x) => x <= large.targetRatio))}, target <= ${large.targetRatio}x)`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run({ log: (line) => console.log(line) }).then(
    (r) => console.log(summary(r)),
    (err) => {
      console.error(`bench/parse.js: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
