// `npm run bench`: measures drill against its targets (docs/performance.md), with the reference
// points run in the same call on the same machine, so that the ratios hold wherever it runs. Prints a
// Markdown table (median, min, max, target, verdict) and writes bench/results.json.
//
// What it measures, and how:
// - First frame: `drill play scenarios/k8s-shrink.yaml` in a pseudo-terminal, until the screen
//   shows the scenario title; against a bare Ink "hello" compiled by tsc and run from unbundled
//   sources (bench/ink-hello, as create-ink-app sets it up) and against `node -e ''`. The three
//   are interleaved run by run, so that a busy moment of the machine hits all of them alike.
// - Engine scale: `drill run` on generated scenarios of 1,000 / 10,000 / 100,000 injects with
//   answers files (bench/generate.mjs); `drill validate` on 10,000 and 100,000. Peak RSS too.
// - Report: reading a ~10,000-event journal and building report.md, in a fresh process.
// - Idle: `drill play` at 1× with nothing happening, CPU time over 30 s; and a two-hour drill of
//   the same quiet scenario played at 64× (the top speed), its RSS sampled all along.
//
// Options: --quick (fewer runs, a shorter idle; for trying the bench itself, not for the table).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateAll, WORK_DIR } from './generate.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BENCH = join(ROOT, 'bench');
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? { frame: 3, small: 2, large: 1, report: 2 } : { frame: 10, small: 5, large: 3, report: 5 };
const IDLE_SECONDS = QUICK ? 10 : 30;
const SOAK_SPEED = 64;
const SOAK_SCENARIO_MS = 2 * 3600_000;
const START = '2026-01-15T14:00:00Z';
const DRILL = ['node', join(ROOT, 'bin/drill.js')];
const FLAGSHIP = join(ROOT, 'scenarios/k8s-shrink.yaml');
const FLAGSHIP_TITLE = 'Shrink by 20%, or to 20?';
const TMP = join(WORK_DIR, 'tmp');
const began = performance.now();

const say = (line) => process.stderr.write(`bench: ${line}\n`);
let tmpCount = 0;
const freshDir = () => join(TMP, `out-${process.pid}-${tmpCount++}`);

/** Runs bench/proc.py (pseudo-terminal, peak memory: things Node cannot do without native addons). */
function proc(mode, args, cmd) {
  const out = execFileSync('python3', [join(BENCH, 'proc.py'), mode, ...args, '--', ...cmd], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length, values };
}

function check(ok, what) {
  if (!ok) throw new Error(what);
}

// ---- inputs ----------------------------------------------------------------------------------

say('building drill (npm run build) and the reference Ink app (tsc)…');
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
const files = generateAll();
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(BENCH, 'ink-hello/tsconfig.json')], { stdio: 'inherit' });
const HELLO = ['node', join(WORK_DIR, 'ink-hello/cli.js')];
await build({
  entryPoints: [join(BENCH, 'report-timing.ts')],
  outfile: join(WORK_DIR, 'report-timing.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

// ---- first frame -----------------------------------------------------------------------------

say(`first frame: node -e '', bare Ink hello, drill play — ${RUNS.frame} runs each, interleaved…`);
const frames = { node: [], hello: [], drill: [] };
for (let i = 0; i < RUNS.frame + 1; i++) {
  const node = proc('frame', ['', '100', '30'], ['node', '-e', '']);
  const hello = proc('frame', ['Hello, Stranger', '100', '30'], HELLO);
  const drill = proc('frame', [FLAGSHIP_TITLE, '100', '30'], [...DRILL, 'play', FLAGSHIP, '--out', freshDir()]);
  check(hello.found, `the Ink hello never showed its text: ${hello.tail}`);
  check(drill.found, `drill play never showed the title: ${drill.tail}`);
  if (i === 0) continue; // the first round warms the disk cache (and lets drill write its code cache)
  frames.node.push(node.ms);
  frames.hello.push(hello.ms);
  frames.drill.push(drill.ms);
}

// ---- engine scale ----------------------------------------------------------------------------

function drillRun(n) {
  const out = freshDir();
  const r = proc('run', [], [...DRILL, 'run', files.scenarios[n], '--answers', files.answers[n], '--seed', '1', '--start', START, '--out', out]);
  check(r.exit === 0, `drill run on ${n} injects failed (exit ${r.exit}); run it by hand: ${DRILL.join(' ')} run ${files.scenarios[n]} --answers ${files.answers[n]}`);
  return { ...r, out };
}

const runs = {};
const rss = {};
for (const n of [1_000, 10_000, 100_000]) {
  const count = n >= 100_000 ? RUNS.large : RUNS.small;
  say(`drill run, ${n.toLocaleString('en')} injects — ${count} runs…`);
  const results = Array.from({ length: count }, () => drillRun(n));
  runs[n] = stats(results.map((r) => r.ms));
  rss[n] = stats(results.map((r) => r.max_rss_mb));
}

const validation = {};
for (const n of [10_000, 100_000]) {
  const count = n >= 100_000 ? RUNS.large : RUNS.small;
  say(`drill validate, ${n.toLocaleString('en')} injects — ${count} runs…`);
  validation[n] = stats(
    Array.from({ length: count }, () => {
      const r = proc('run', [], [...DRILL, 'validate', files.scenarios[n]]);
      check(r.exit === 0, `drill validate ${files.scenarios[n]} failed (exit ${r.exit})`);
      return r.ms;
    }),
  );
}

// ---- report ----------------------------------------------------------------------------------

say(`report.md from a journal of ~10,000 events — ${RUNS.report} runs…`);
files.journalReport = join(drillRun('report').out, 'journal.jsonl');
const reportRuns = Array.from({ length: RUNS.report }, () => {
  const r = spawnSync(process.execPath, [join(WORK_DIR, 'report-timing.mjs'), files.scenarios.report, files.journalReport], { encoding: 'utf8' });
  check(r.status === 0, `report timing failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
});
const report = stats(reportRuns.map((r) => r.ms));
report.records = reportRuns[0].records;
report.phases = { readMs: stats(reportRuns.map((r) => r.readMs)).median, buildMs: stats(reportRuns.map((r) => r.buildMs)).median, renderMs: stats(reportRuns.map((r) => r.renderMs)).median };

// ---- idle and a long drill (together: both are nearly idle, and neither measures wall time) ----

say(`idle: drill play at 1× for ${IDLE_SECONDS} s, and a two-hour drill at ${SOAK_SPEED}× (${Math.round(SOAK_SCENARIO_MS / SOAK_SPEED / 1000)} s), side by side…`);
const playIdle = (speed) => [...DRILL, 'play', files.idle, '--speed', String(speed), '--team', 'Alex:incident-commander', '--out', freshDir()];
const idleSpec = { needle: 'a quiet night', keys: ['\r'], until: 'RUNNING', settle: 3, seconds: IDLE_SECONDS, every: 5 };
const soakSpec = { needle: 'a quiet night', keys: ['\r'], until: 'RUNNING', settle: 0, seconds: SOAK_SCENARIO_MS / SOAK_SPEED / 1000, every: 2 };
// The floor under Ink: a bare Ink app redrawing a one-line clock each second (bench/ink-hello).
const inkClockSpec = { needle: 'a quiet night', keys: [], settle: 3, seconds: IDLE_SECONDS, every: 5 };
const [idle, soak, inkClock] = await Promise.all([
  runAsync('idle', idleSpec, playIdle(1)),
  runAsync('idle', soakSpec, playIdle(SOAK_SPEED)),
  runAsync('idle', inkClockSpec, ['env', 'NODE_ENV=production', 'node', join(WORK_DIR, 'ink-hello/clock.js')]),
]);
check(!inkClock.error, `ink clock: ${inkClock.error} ${inkClock.tail ?? ''}`);
check(!idle.error, `idle: ${idle.error} ${idle.tail ?? ''}`);
check(!soak.error, `soak: ${soak.error} ${soak.tail ?? ''}`);

function runAsync(mode, spec, cmd) {
  return new Promise((resolve, reject) => {
    import('node:child_process').then(({ execFile }) =>
      execFile('python3', [join(BENCH, 'proc.py'), mode, JSON.stringify(spec), '--', ...cmd], { encoding: 'utf8' }, (error, stdout) =>
        error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').pop())),
      ),
    );
  });
}

// The first quarter-hour of scenario time is warm-up (JIT, first renders, the heap finding its
// size); growth is measured from there to the end of the two hours.
const soakSamples = soak.samples;
const warm = soakSamples.filter((s) => s.s * SOAK_SPEED * 1000 >= 15 * 60_000);
const firstWarm = warm.slice(0, Math.max(1, Math.floor(warm.length / 5)));
const lastWarm = warm.slice(-Math.max(1, Math.floor(warm.length / 5)));
const avg = (list) => list.reduce((a, s) => a + s.rss_mb, 0) / list.length;
const memory = {
  startMb: soakSamples[0].rss_mb,
  afterWarmupMb: avg(firstWarm),
  endMb: avg(lastWarm),
  peakMb: Math.max(...soakSamples.map((s) => s.rss_mb)),
  growthMb: avg(lastWarm) - avg(firstWarm),
  alive: soak.alive,
};

// ---- the table -------------------------------------------------------------------------------

const ms = (v) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const x = (v) => `${v.toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const row = (what, s, fmt, target, result) => `| ${what} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} | ${target} | ${result} |`;

const ff = stats(frames.drill);
const hello = stats(frames.hello);
const node = stats(frames.node);
const vsHello = ff.median / hello.median;
const vsNode = ff.median / node.median;
const runRatio = runs[100_000].median / runs[10_000].median;
const validateRatio = validation[100_000].median / validation[10_000].median;
const targets = {
  firstFrameVsInkHello: { value: vsHello, target: 0.45, met: vsHello <= 0.45 },
  firstFrameVsNode: { value: vsNode, target: 2.5, met: vsNode <= 2.5 },
  run10kMs: { value: runs[10_000].median, target: 1000, met: runs[10_000].median <= 1000 },
  run100kVs10k: { value: runRatio, target: 11, met: runRatio <= 11 },
  validate100kVs10k: { value: validateRatio, target: 11, met: validateRatio <= 11 },
  reportMs: { value: report.median, target: 200, met: report.median <= 200 },
  idleCpuPercent: { value: idle.cpu_percent, target: 1, met: idle.cpu_percent <= 1 },
  memoryGrowthMb: { value: memory.growthMb, target: 5, met: memory.growthMb <= 5 && memory.alive },
  peakRss100kMb: { value: rss[100_000].max, target: 250, met: rss[100_000].max <= 250 },
};
const lines = [
  `| Measurement | median | min | max | target | result |`,
  `| --- | ---: | ---: | ---: | --- | --- |`,
  row('`node -e ""` (floor, reference)', node, ms, '—', 'reference'),
  row('bare Ink hello, unbundled (reference)', hello, ms, '—', 'reference'),
  row('`drill play` k8s-shrink: first frame with the title', ff, ms, '≤ 0.45× Ink hello, ≤ 2.5× node', `${x(vsHello)} hello, ${x(vsNode)} node: ${verdict(targets.firstFrameVsInkHello.met && targets.firstFrameVsNode.met)}`),
  row('`drill run`, 1,000 injects', runs[1_000], ms, '—', `peak RSS ${Math.round(rss[1_000].max)} MB`),
  row('`drill run`, 10,000 injects', runs[10_000], ms, '≤ 1 s', verdict(targets.run10kMs.met)),
  row('`drill run`, 100,000 injects', runs[100_000], ms, '≤ 11× the 10,000 run; peak RSS ≤ 250 MB', `${x(runRatio)}, ${Math.round(rss[100_000].max)} MB: ${verdict(targets.run100kVs10k.met && targets.peakRss100kMb.met)}`),
  row('`drill validate`, 10,000 injects', validation[10_000], ms, '—', '—'),
  row('`drill validate`, 100,000 injects', validation[100_000], ms, '≤ 11× the 10,000 (linear)', `${x(validateRatio)}: ${verdict(targets.validate100kVs10k.met)}`),
  row(`report.md from a ${report.records.toLocaleString('en')}-event journal`, report, ms, '≤ 200 ms', verdict(targets.reportMs.met)),
  `| bare Ink clock redrawn each second, CPU over ${IDLE_SECONDS} s (reference) | ${inkClock.cpu_percent.toFixed(2)} % | | | — | reference |`,
  `| \`drill play\` idle at 1×, CPU over ${IDLE_SECONDS} s | ${idle.cpu_percent.toFixed(2)} % | | | ≤ 1 % of a core | ${verdict(targets.idleCpuPercent.met)} (${x(idle.cpu_percent / inkClock.cpu_percent)} the Ink clock) |`,
  `| two-hour drill at ${SOAK_SPEED}×: RSS after 15 min → at 2 h | ${memory.afterWarmupMb.toFixed(0)} → ${memory.endMb.toFixed(0)} MB | | peak ${memory.peakMb.toFixed(0)} MB | no growth (≤ 5 MB) | ${memory.growthMb >= 0 ? '+' : ''}${memory.growthMb.toFixed(1)} MB: ${verdict(targets.memoryGrowthMb.met)} |`,
];
const totalS = (performance.now() - began) / 1000;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = `${lines.join('\n')}\n\n${machine}; ${RUNS.frame} runs per first-frame point, ${RUNS.small} per small and ${RUNS.large} per 100,000-inject measurement; the bench took ${Math.round(totalS)} s.`;
process.stdout.write(`\n${table}\n`);

writeFileSync(
  join(BENCH, 'results.json'),
  `${JSON.stringify(
    {
      when: new Date().toISOString(),
      machine,
      quick: QUICK,
      seconds: totalS,
      targets,
      firstFrame: { drillPlay: ff, inkHello: hello, node },
      run: runs,
      runPeakRssMb: rss,
      validate: validation,
      report,
      idle,
      inkClock,
      soak: { speed: SOAK_SPEED, ...memory, samples: soak.samples },
    },
    null,
    2,
  )}\n`,
);
rmSync(TMP, { recursive: true, force: true });
say(`done in ${Math.round(totalS)} s; wrote bench/results.json`);
