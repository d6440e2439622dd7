// Generates the benchmark's inputs under bench/.work/ (git-ignored): scenarios of 1,000, 10,000
// and 100,000 injects with a decision every 10 injects, an answers file for each, and a quiet
// scenario for the idle measurements. The files are the same on every run (no randomness), so
// results from two machines or two commits compare like for like.
//
// The scenarios are built the way a template generator would build them: each block of ten
// injects is one small incident, and it uses every kind of trigger and consequence the format
// has (at, after + delay, when, chance, fire, cancel, open, set/add/ramp, milestones), so that
// no part of the engine or of the checks escapes the measurement.
//
//   node bench/generate.mjs            writes everything (skips files that are already current)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORK_DIR = join(dirname(fileURLToPath(import.meta.url)), '.work');
export const SIZES = [1_000, 10_000, 100_000];
/** Injects of the scenario whose journal has about 10,000 events, for the report measurement. */
export const REPORT_SIZE = 5_400;

/** Bump when the generated text changes, so that stale files under .work/ are rewritten. */
const FORMAT = 3;
const BLOCK = 10; // injects per decision
const BLOCK_MS = 3 * 60_000; // each block is a three-minute incident

const pad = (n) => String(n).padStart(6, '0');
const inj = (b, j) => `i${pad(b)}-${j}`;
const dec = (b) => `d${pad(b)}`;
const clock = (ms) => {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h ? `${h}h` : ''}${m || h ? `${m}m` : ''}${s % 60}s`;
};

/** One incident: ten injects and the decision that comes with them, as YAML lines. */
function block(b, lines, decisions) {
  const t = b * BLOCK_MS;
  const peak = 20 + (b % 7) * 10;
  const host = `api-${b % 97}`;
  lines.push(
    `  - id: ${inj(b, 0)}`,
    `    at: ${clock(t + 1000)}`,
    `    channel: page`,
    `    from: PagerDuty`,
    `    title: "[FIRING:1] ApiErrorRateHigh ${host}"`,
    `    text: "5xx ratio above 5% on ${host} for 2 minutes (runbook: none)"`,
    `    effects:`,
    `      - {add: pages, by: 1}`,
    `      - {ramp: error_rate, to: ${peak}, over: 1m}`,
    `  - id: ${inj(b, 1)}`,
    `    after: ${inj(b, 0)}`,
    `    delay: 20s`,
    `    channel: chat`,
    `    from: "#ops"`,
    `    text: "Kai: anyone else seeing errors on ${host}? deploy ${b} went out a few minutes ago"`,
    `  - id: ${inj(b, 2)}`,
    `    at: ${clock(t + 40_000)}`,
    `    chance: 0.8`,
    `    channel: dashboard`,
    `    from: Grafana`,
    `    text: |`,
    `      ${host}   5xx ${peak}%   p99 ${peak * 100} ms   pods ${10 + (b % 5)}/${12 + (b % 5)}`,
    `      queue depth ${b % 1000}   nodes Ready 60/60`,
    `    effects:`,
    `      - {set: degraded_view, to: true}`,
    `  - id: ${inj(b, 3)}`,
    `    when: "fired('${inj(b, 1)}') and error_rate > ${peak - 10}"`,
    `    channel: terminal`,
    `    from: ops terminal`,
    `    text: |`,
    `      $ kubectl -n prod get pods -l app=${host}`,
    `      NAME            READY   STATUS             RESTARTS   AGE`,
    `      ${host}-7f9c    0/1     CrashLoopBackOff   ${b % 9}          3m`,
    `    hint: "Which deploy went out just before the errors started?"`,
    `  - id: ${inj(b, 4)}`,
    `    after: ${dec(b)}`,
    `    delay: 10s`,
    `    channel: chat`,
    `    from: "#ops"`,
    `    text: "Dana: on it, watching ${host}"`,
    `  - id: ${inj(b, 5)}`,
    `    channel: note`,
    `    text: "The rollback of deploy ${b} is running."`,
    `    effects:`,
    `      - {ramp: error_rate, to: 0.5, over: 40s}`,
    `  - id: ${inj(b, 6)}`,
    `    at: ${clock(t + 90_000)}`,
    `    channel: email`,
    `    from: support@example.com`,
    `    title: "Customers report failures on ${host}"`,
    `    text: "Three tickets in the last five minutes mention failed invoices."`,
    `    effects:`,
    `      - {add: tickets, by: 3}`,
    `  - id: ${inj(b, 7)}`,
    `    when: "decided('${dec(b)}') and tickets > 0"`,
    `    channel: ticket`,
    `    text: "Support: the ticket queue for ${host} is growing."`,
    `  - id: ${inj(b, 8)}`,
    `    after: ${inj(b, 6)}`,
    `    delay: 30s`,
    `    chance: 0.5`,
    `    channel: news`,
    `    from: status page`,
    `    text: "A customer asks on social media whether ${host} is down."`,
    `  - id: ${inj(b, 9)}`,
    `    at: ${clock(t + 170_000)}`,
    `    channel: alert`,
    `    from: Alertmanager`,
    `    text: "[RESOLVED] ApiErrorRateHigh ${host}"`,
    `    effects:`,
    `      - {set: degraded_view, to: false}`,
  );
  decisions.push(
    `  - id: ${dec(b)}`,
    `    after: ${inj(b, 1)}`,
    `    delay: 10s`,
    `    prompt: "Errors on ${host} after deploy ${b}. What now?"`,
    `    timeout: 2m`,
    `    default: wait`,
    `    role: incident-commander`,
    `    options:`,
    `      - id: rollback`,
    `        label: Roll back deploy ${b}`,
    `        fire: [${inj(b, 5)}]`,
    `        cancel: [${inj(b, 6)}]`,
    `      - id: scale`,
    `        label: Add capacity to ${host}`,
    `        effects:`,
    `          - {add: nodes, by: 5}`,
    `      - id: wait`,
    `        label: Wait and watch`,
  );
}

/** A scenario with `n` injects (a multiple of ten) and n/10 decisions, as YAML text. */
export function scenarioText(n) {
  const blocks = n / BLOCK;
  const lines = [
    `# Generated by bench/generate.mjs (format ${FORMAT}): ${n} injects, ${blocks} decisions.`,
    `id: bench-${n}`,
    `title: "Benchmark: ${n} injects"`,
    `summary: A generated scenario of ${blocks} small incidents, for measuring drill at scale.`,
    `version: 1`,
    `duration: ${clock(blocks * BLOCK_MS)}`,
    `difficulty: medium`,
    `roles:`,
    `  - {id: incident-commander, title: Incident commander}`,
    `  - {id: ops, title: Ops on call}`,
    `briefing: A long night of small incidents.`,
    `world:`,
    `  error_rate: {initial: 0.5, label: API 5xx rate, unit: "%", metric: true, min: 0, max: 100}`,
    `  nodes: {initial: 60, label: Ready nodes, unit: nodes, metric: true, min: 0, max: 1000000}`,
    `  pages: {initial: 0, label: Pages sent, min: 0}`,
    `  tickets: {initial: 0, label: Support tickets, unit: tickets, metric: true, min: 0}`,
    `  degraded_view: {initial: false, label: Dashboards show degradation}`,
    `  frozen: {initial: false, label: Deploys frozen}`,
    `injects:`,
  ];
  const decisions = [];
  for (let b = 0; b < blocks; b++) block(b, lines, decisions);
  lines.push(`decisions:`);
  for (const line of decisions) lines.push(line);
  lines.push(
    `actions:`,
    `  - id: freeze-deploys`,
    `    label: Freeze deploys`,
    `    available: "not frozen"`,
    `    takes: 30s`,
    `    once: true`,
    `    effects:`,
    `      - {set: frozen, to: true}`,
    `  - id: add-nodes`,
    `    label: Add 5 nodes`,
    `    available: "nodes < 1000000"`,
    `    takes: 1m`,
    `    effects:`,
    `      - {add: nodes, by: 5}`,
    `milestones:`,
    `  detected: "pages > 0"`,
    `  acknowledged: "decided('${dec(0)}')"`,
    `  mitigated: "frozen and error_rate < 10"`,
    `impact:`,
    `  down: "error_rate > 50"`,
    `  degraded: "error_rate > 5"`,
    `  users: invoicing customers`,
    `end:`,
    `  when: "fired('${inj(blocks - 1, 9)}')"`,
    `  limit: ${clock(blocks * BLOCK_MS + 10 * 60_000)}`,
    `debrief:`,
    `  factors:`,
    `    - {id: deploys-unchecked, title: Deploys go out unchecked, explanation: Nothing stops a bad deploy., kind: latent}`,
    `  questions:`,
    `    - What would have caught the bad deploys earlier?`,
    ``,
  );
  return lines.join('\n');
}

/** The team's part for the scenario of `n` injects: an answer for every decision, some actions. */
export function answersText(n) {
  const blocks = n / BLOCK;
  const options = ['rollback', 'scale', 'rollback', 'rollback', 'wait'];
  const lines = [
    `# Generated by bench/generate.mjs (format ${FORMAT}).`,
    `team:`,
    `  - {name: Alex, role: incident-commander}`,
    `  - {name: Julie, role: ops}`,
    `facilitator: Sam`,
    `decisions:`,
  ];
  // Every fifth decision is left to time out, as a real team sometimes does.
  for (let b = 0; b < blocks; b++) {
    if (b % 5 === 4) continue;
    lines.push(`  ${dec(b)}: {choose: ${options[b % 5]}, by: Alex, after: 30s, note: "block ${b}"}`);
  }
  lines.push(`actions:`);
  for (let b = 0; b < blocks; b += 50) lines.push(`  - {do: add-nodes, at: ${clock(b * BLOCK_MS + 100_000)}, by: Julie}`);
  lines.push(`  - {do: freeze-deploys, at: ${clock(Math.floor(blocks / 2) * BLOCK_MS + 5_000)}, by: Julie}`);
  lines.push(`notes:`);
  for (let b = 0; b < blocks; b += 100) lines.push(`  - {at: ${clock(b * BLOCK_MS + 60_000)}, by: Julie, text: "block ${b}: rollback looks like the fix"}`);
  lines.push(
    `debrief:`,
    `  causes:`,
    `    - {text: "deploys went out without a canary", factor: deploys-unchecked}`,
    `  went_well: ["rollbacks were quick"]`,
    `  went_poorly: ["nobody froze deploys for hours"]`,
    `  actions:`,
    `    - {text: "add a canary stage to the deploy pipeline", owner: Julie, type: prevent}`,
    ``,
  );
  return lines.join('\n');
}

/**
 * A scenario where nothing happens for hours: the idle and long-drill memory measurements play it
 * at 1× and at full speed. One metric ramps slowly all along, as a dashboard would drift.
 */
export function idleText() {
  return [
    `# Generated by bench/generate.mjs (format ${FORMAT}): a quiet drill for the idle measurements.`,
    `id: bench-idle`,
    `title: "Benchmark: a quiet night"`,
    `summary: Nothing happens for hours; the screen just keeps time.`,
    `version: 1`,
    `duration: 3h`,
    `difficulty: intro`,
    `roles:`,
    `  - {id: incident-commander, title: Incident commander}`,
    `briefing: Keep watch.`,
    `world:`,
    `  queue: {initial: 0, label: Queue depth, unit: jobs, metric: true, min: 0}`,
    `injects:`,
    `  - id: start`,
    `    at: 0s`,
    `    channel: chat`,
    `    text: "Night shift starts. The queue drains slowly."`,
    `    effects:`,
    `      - {ramp: queue, to: 500, over: 3h}`,
    `  - id: dawn`,
    `    at: 2h30m`,
    `    channel: chat`,
    `    text: "Morning shift arrives."`,
    `end:`,
    `  limit: 3h`,
    ``,
  ].join('\n');
}

function writeIfChanged(path, text) {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeFileSync(path, text);
  return true;
}

/** Writes every input; returns their paths. */
export function generateAll(dir = WORK_DIR) {
  mkdirSync(dir, { recursive: true });
  const files = { scenarios: {}, answers: {}, idle: join(dir, 'idle.yaml') };
  for (const n of [...SIZES, REPORT_SIZE]) {
    files.scenarios[n] = join(dir, `scenario-${n}.yaml`);
    files.answers[n] = join(dir, `answers-${n}.yaml`);
    writeIfChanged(files.scenarios[n], scenarioText(n));
    writeIfChanged(files.answers[n], answersText(n));
  }
  writeIfChanged(files.idle, idleText());
  files.scenarios.report = files.scenarios[REPORT_SIZE];
  files.answers.report = files.answers[REPORT_SIZE];
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = generateAll();
  for (const n of SIZES) process.stdout.write(`${files.scenarios[n]}\n${files.answers[n]}\n`);
  process.stdout.write(`${files.idle}\n`);
}
