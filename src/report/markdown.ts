/**
 * `report.md`: the practice post-mortem in GitHub-flavoured Markdown, in the order a reader needs
 * it (what happened, how it ended, how fast, the timeline, why, what next), rendered from the
 * report model alone. Every piece of scenario or team text goes through escape.ts.
 */
import type { Report, ReportDecision } from './report-schema.js';
import { cell, code, inline, shellWord } from './escape.js';
import { bullets, capitalise, clock, minutes, plural, q, table, withUnit } from './md-format.js';
import { timelineParts } from './md-timeline.js';
import { renderAnalysis } from './md-analysis.js';
import { renderAppendix } from './md-appendix.js';
import { formatDuration } from '../conditions/duration.js';
import { firstLine, quoted, shorten } from './timeline.js';

/** The whole report as Markdown, ending with a newline. */
export function renderMarkdown(report: Report): string {
  return [...markdownParts(report)].join('');
}

/** The report's Markdown in pieces that join to `renderMarkdown`'s text (see timelineParts). */
export function* markdownParts(report: Report): Generator<string> {
  yield `${[header(report), summary(report), resolution(report), metrics(report)].join('\n\n')}\n\n`;
  yield* timelineParts(report);
  yield `\n\n${[renderAnalysis(report), renderAppendix(report)].join('\n\n')}\n`;
}

function header(r: Report): string {
  const d = r.drill;
  const s = r.scenario;
  const date = d.clockStartedAt ?? d.startedAt;
  const team = d.team.map((m) => `  - ${inline(m.name)}${m.roleTitle || m.role ? ` — ${inline(m.roleTitle ?? m.role ?? '')}` : ''}`);
  const mode = d.mode === 'run' ? 'played headlessly with `drill run` from an answers file' : 'played live with `drill play`';
  const end =
    d.endReason === null
      ? `the journal stops at ${clock(d.scenarioMs)} of scenario time, before the drill ended`
      : `ended at ${clock(d.scenarioMs)} ${
          d.endReason === 'condition'
            ? `when its end condition${d.endCondition ? ` ${code(d.endCondition)}` : ''} held`
            : d.endReason === 'limit'
              ? 'at its time limit'
              : 'by the facilitator'
        }`;
  // A headless drill replays exactly from its answers file; a live one's answers are in its journal.
  const run = ['drill run', shellWord(s.path), '--seed', shellWord(d.seed), ...(d.mode === 'run' ? ['--start', d.startedAt.replace('.000Z', 'Z'), '--answers', 'ANSWERS.yaml'] : [])];
  const lines = [
    `# ${inline(s.title)} — practice post-mortem`,
    '',
    '> **This was a simulated drill**, a tabletop exercise, not a real incident. The systems, numbers and messages come from the scenario; the decisions, notes and conclusions are the team’s.',
    '',
    `- **Date:** ${date.slice(0, 10)}, scenario clock started at ${date.slice(11, 19)} UTC`,
    `- **Facilitator:** ${d.facilitator ? inline(d.facilitator) : '_not recorded_'}`,
    d.team.length > 0 ? `- **Team:**\n${team.join('\n')}` : '- **Team:** _not recorded_',
    `- **Scenario:** ${code(s.id)} version ${inline(s.version)}, difficulty ${inline(s.difficulty)} (${code(s.path)})`,
    `- **Scenario sha256:** ${code(s.hash)}`,
    `- **Seed:** ${code(d.seed)}, ${mode}`,
    `- **Outcome:** ${end}; ${d.finished ? 'the debrief was completed' : 'the debrief was not completed'}`,
    `- **How to replay:** ${code(run.join(' '))} plays the scenario again with the same chance draws${d.mode === 'run' ? ' (with the answers file it was played from)' : ''}; ${code('drill report journal.jsonl')} rebuilds this report from the journal beside it`,
  ];
  if (s.hash !== s.reportHash) {
    lines.push(`- **Warning:** this report was built with a scenario file whose sha256 is ${code(s.reportHash)}, not the one the drill was played with; names and texts may not match what the team saw`);
  }
  return lines.join('\n');
}

function summary(r: Report): string {
  const i = r.impact;
  const who = i.users ? capitalise(inline(i.users)) : 'Users';
  const ran = `the drill ran ${minutes(r.drill.scenarioMs)} of scenario time`;
  let impact: string;
  if (!i.downCondition && !i.degradedCondition) impact = `The scenario defines no impact conditions, so user impact was not measured; ${ran}.`;
  else if (i.downMs > 0 && i.degradedMs > 0) impact = `${who} saw a full outage for ${minutes(i.downMs)} and degraded service for another ${minutes(i.degradedMs)}; ${ran}.`;
  else if (i.downMs > 0) impact = `${who} saw a full outage for ${minutes(i.downMs)}; ${ran}.`;
  else if (i.degradedMs > 0) impact = `${who} saw degraded service for ${minutes(i.degradedMs)}, with no full outage; ${ran}.`;
  else impact = `${who} saw no impact: neither impact condition held; ${ran}.`;
  const reached = r.milestones
    .filter((m) => m.reachedMs !== null)
    .sort((a, b) => a.reachedMs! - b.reachedMs!)
    .map((m) => `${m.name} at ${clock(m.reachedMs!)}`);
  const missing = r.milestones.filter((m) => m.reachedMs === null).map((m) => m.name);
  const milestones =
    reached.length === 0
      ? 'No response milestone was reached.'
      : `${capitalise(joinAnd(reached))}${missing.length ? `; not ${joinOr(missing)} by the end of the ${r.drill.endReason === null ? 'journal' : 'drill'}` : ''}.`;
  const st = r.stats;
  const answered = st.decisionsChosen + st.decisionsOffScript;
  const activity = `The team answered ${st.decisionsOpened === 0 ? 'no decisions (none was put to it)' : `${answered} of ${plural(st.decisionsOpened, 'decision')} put to it`}${
    st.decisionsTimedOut ? ` (${st.decisionsTimedOut} timed out to ${st.decisionsTimedOut === 1 ? 'its' : 'their'} default)` : ''
  }, took ${plural(st.actionsTaken, 'action')} and wrote ${plural(st.notes, 'note')}.`;
  const world = r.world.flatMap((v) => {
    if (!v.metric || typeof v.initial !== 'number' || v.changes === 0 || v.min === undefined || v.max === undefined) return [];
    const rose = v.max - v.initial >= v.initial - v.min;
    const label = inline(v.label ?? v.id);
    const extreme = rose
      ? `rose from ${withUnit(v.initial, v.unit)} to a peak of ${withUnit(v.max, v.unit)} at ${clock(v.maxAtMs!)}`
      : `fell from ${withUnit(v.initial, v.unit)} to ${withUnit(v.min, v.unit)} at ${clock(v.minAtMs!)}`;
    return [`${label}: ${extreme}; ${withUnit(v.final, v.unit)} at the end.`];
  });
  return [
    '## Summary',
    '',
    `**The scenario:** ${inline(r.scenario.summary)}`,
    '',
    `**In this drill:** ${impact} ${milestones} ${activity}`,
    ...(world.length ? ['', 'What the simulated world showed:', '', bullets(world, '')] : []),
  ].join('\n');
}

function resolution(r: Report): string {
  const lines = ['## Resolution', ''];
  for (const name of ['mitigated', 'resolved'] as const) {
    const m = r.milestones.find((x) => x.name === name)!;
    const title = capitalise(name);
    if (m.reachedMs === null) {
      const end = r.drill.endReason === null ? 'the journal stops' : 'the drill ended';
      lines.push(`- **${title}:** not reached; ${end} at ${clock(r.drill.scenarioMs)} first.`);
      continue;
    }
    const how =
      m.source === 'facilitator'
        ? `declared${m.by ? ` by ${inline(m.by)}` : ''} (marked by the facilitator)`
        : m.condition
          ? `its condition ${code(m.condition)} became true${m.trigger ? ` once ${inline(m.trigger)}` : ''}`
          : inline(m.how ?? 'marked by the scenario');
    lines.push(`- **${title}** at ${clock(m.reachedMs)}: ${how}.`);
  }
  const steps = teamSteps(r);
  lines.push('', 'What the team decided and did, in order:', '', steps.length ? steps.map((s, i) => `${i + 1}. ${s}`).join('\n') : '_The team took no decision or action._');
  return lines.join('\n');
}

/** Decisions and actions in time order; runs of the same action by the same person fold into one line. */
function teamSteps(r: Report): string[] {
  type Step = { at: number; line: string; fold?: { id: string; by?: string; count: number; from: number; lastDone: number | null; label: string } };
  const steps: Step[] = [];
  for (const d of r.decisions) {
    const line = decisionStep(d);
    if (line && d.closedMs !== null) steps.push({ at: d.closedMs, line });
  }
  for (const a of r.actions) {
    const who = a.by ? inline(a.by) : 'The team';
    const done = a.landedMs === null ? 'not done by the end' : `done at ${clock(a.landedMs)}`;
    steps.push({
      at: a.startedMs,
      line: `${clock(a.startedMs)} — ${who}: ${inline(a.label)} (${done}).`,
      fold: { id: a.id, ...(a.by ? { by: a.by } : {}), count: 1, from: a.startedMs, lastDone: a.landedMs, label: a.label },
    });
  }
  steps.sort((a, b) => a.at - b.at);
  const out: Step[] = [];
  for (const step of steps) {
    const prev = out.at(-1);
    if (prev?.fold && step.fold && prev.fold.id === step.fold.id && prev.fold.by === step.fold.by) {
      const f = { ...prev.fold, count: prev.fold.count + 1, lastDone: step.fold.lastDone };
      const who = f.by ? inline(f.by) : 'The team';
      const done = f.lastDone === null ? 'the last not done by the end' : `the last done at ${clock(f.lastDone)}`;
      out[out.length - 1] = { at: prev.at, fold: f, line: `${clock(f.from)} to ${clock(step.at)} — ${who}: ${inline(f.label)}, ${f.count} times (${done}).` };
    } else out.push(step);
  }
  return out.map((s) => s.line);
}

function decisionStep(d: ReportDecision): string | undefined {
  const prompt = q(shortPrompt(d.prompt));
  const who = d.by ? inline(d.by) : 'The team';
  const label = d.options.find((o) => o.id === d.option)?.label ?? d.option ?? '';
  const after = d.latencyMs !== null ? ` after ${formatDuration(d.latencyMs)}` : '';
  const why = `${d.rationale ? ` Why: ${q(d.rationale)}.` : ''}${d.votes ? ` Votes: ${inline(d.votes.summary)}.` : ''}`;
  switch (d.outcome) {
    case 'chosen':
      return `${clock(d.closedMs!)} — ${who} chose ${q(label)} for ${prompt}${after}.${why}`;
    case 'off-script':
      return `${clock(d.closedMs!)} — ${who} answered ${prompt} off-script${after}: ${q(d.text ?? '')}.${why}`;
    case 'timed-out':
      return `${clock(d.closedMs!)} — No decision on ${prompt}${after}; ${label ? `the default, ${q(label)}, was taken` : 'nothing was taken'}.${why}`;
    default:
      return undefined;
  }
}

function metrics(r: Report): string {
  const rows = r.metrics.map((m) => [m.label, m.valueMs === null ? '_not available_' : `**${formatDuration(m.valueMs)}**`, cell(m.formula, 400)]);
  const opened = r.decisions.filter((d) => d.openedMs !== null).sort((a, b) => a.openedMs! - b.openedMs!);
  const decisionRows = opened.map((d) => [
    `${cell(shortPrompt(d.prompt))} (${code(d.id, { inTable: true })})`,
    clock(d.openedMs!),
    d.closedMs === null ? '—' : clock(d.closedMs),
    d.latencyMs === null ? '—' : `${formatDuration(d.latencyMs)}${d.outcome === 'timed-out' ? ' (timed out)' : ''}`,
    decisionOutcome(d),
  ]);
  return [
    '## Response metrics',
    '',
    'Scenario time; T+00:00 is when the facilitator started the clock. Each number is shown with the subtraction it comes from.',
    '',
    table(['Metric', 'Value', 'How it is computed'], rows),
    '',
    '### Decision latency',
    '',
    opened.length
      ? `Latency = answered − opened.\n\n${table(['Decision', 'Opened', 'Closed', 'Latency', 'Outcome'], decisionRows)}`
      : '_No decision was opened._',
  ].join('\n');
}

function decisionOutcome(d: ReportDecision): string {
  const label = d.options.find((o) => o.id === d.option)?.label ?? d.option ?? '';
  const by = d.by ? ` (${cell(d.by, 60)})` : '';
  switch (d.outcome) {
    case 'chosen':
      return `chose ${cell(quoted(label), 120)}${by}`;
    case 'off-script':
      return `off-script answer${by}: ${cell(quoted(d.text ?? ''), 200)}`;
    case 'timed-out':
      return label ? `timed out; default ${cell(quoted(label), 120)} taken` : 'timed out; nothing taken';
    case 'cancelled':
      return 'withdrawn by the scenario';
    case 'open':
      return 'still open when the drill ended';
    default:
      return 'never opened';
  }
}

/** A prompt's first sentence or line, shortened for tables and lists. */
function shortPrompt(prompt: string): string {
  return shorten(firstLine(prompt) || prompt, 90);
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
