/**
 * `report.md`: the practice post-mortem in GitHub-flavoured Markdown, in the order a reader needs
 * it (the team's summary, what happened and to whom, how it ended, how fast, the timeline, why,
 * what next), rendered from the report model alone. Every piece of scenario or team text goes
 * through escape.ts.
 */
import type { Report, ReportDecision } from './report-schema.js';
import { cell, code, inline } from './escape.js';
import { capitalise, clock, seconds, span, table, tookEffect } from './md-format.js';
import { formatDuration } from '../conditions/duration.js';
import { header, summary, teamSummary, userImpact } from './md-summary.js';
import { timelineParts } from './md-timeline.js';
import { renderAnalysis } from './md-analysis.js';
import { appendixParts } from './md-appendix.js';
import { renderLookups } from './md-lookups.js';
import { firstLine, quoted, shorten } from './timeline.js';

/** The whole report as Markdown, ending with a newline. */
export function renderMarkdown(report: Report): string {
  return [...markdownParts(report)].join('');
}

/** The report's Markdown in pieces that join to `renderMarkdown`'s text (see timelineParts). */
export function* markdownParts(report: Report): Generator<string> {
  yield `${[header(report), ...teamSummary(report), summary(report), userImpact(report), resolution(report), metrics(report)].join('\n\n')}\n\n`;
  yield* timelineParts(report);
  const looked = renderLookups(report);
  yield `\n\n${[...(looked ? [looked] : []), renderAnalysis(report)].join('\n\n')}\n\n`;
  yield* appendixParts(report);
  yield '\n';
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
    lines.push(`- **${title}** at ${clock(m.reachedMs)}${m.byDefault ? ', by default rather than by a decision' : ''}: ${how}.`);
  }
  lines.push('', 'Every decision and action of the team is in the timeline below, with when it took effect.');
  return lines.join('\n');
}

function metrics(r: Report): string {
  const rows = r.metrics.map((m) => [m.label, m.valueMs === null ? '_not available_' : `**${metricValue(r, m)}**`, cell(m.formula, 400)]);
  const opened = r.decisions.filter((d) => d.openedMs !== null).sort((a, b) => a.openedMs! - b.openedMs!);
  const decisionRows = opened.map((d) => [
    `${cell(shortPrompt(d.prompt))} (${code(d.id, { inTable: true })})`,
    clock(d.openedMs!),
    d.closedMs === null ? '—' : clock(d.closedMs),
    d.latencyMs === null ? '—' : `${span(d.openedMs!, d.closedMs!)}${d.outcome === 'timed-out' ? ' (timed out)' : ''}`,
    // The room's votes from the participants' pages, when there were any.
    `${decisionOutcome(d)}${d.votes ? `; votes: ${cell(d.votes.summary, 120)}` : ''}`,
  ]);
  const start = r.incident.from === 'clock' ? 'the clock start' : `the incident's start (${clock(r.incident.startMs)})`;
  return [
    '## Response metrics',
    '',
    `Scenario time; T+00:00 is when the facilitator started the clock, and response times count from ${start}. Each number is shown with the subtraction it comes from, in whole seconds.`,
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

/** A metric's value as its formula's printed times give it (sums of intervals likewise). */
function metricValue(r: Report, m: Report['metrics'][number]): string {
  if (m.fromMs !== undefined && m.toMs !== undefined) return span(m.fromMs, m.toMs);
  if (m.id === 'down' || m.id === 'degraded') {
    const spans = r.impact.intervals.filter((i) => i.level === m.id);
    return formatDuration(spans.reduce((sum, i) => sum + (Math.floor(i.toMs / 1000) - Math.floor(i.fromMs / 1000)) * 1000, 0));
  }
  return seconds(m.valueMs!);
}

function decisionOutcome(d: ReportDecision): string {
  const label = d.options.find((o) => o.id === d.option)?.label ?? d.option ?? '';
  const by = d.by ? ` (${cell(d.by, 60)}${d.outsideRole ? `, who plays ${code(d.byRole ?? '', { inTable: true })}, not ${code(d.role ?? '', { inTable: true })}` : ''})` : '';
  switch (d.outcome) {
    case 'chosen':
      return `chose ${cell(quoted(label), 120)}${by}${tookEffect(d)}`;
    case 'off-script':
      // Quoted once, in the timeline, where it is read in its place.
      return `answered off-script${by}; see the timeline at ${clock(d.closedMs!)}`;
    case 'timed-out':
      return label ? `nobody answered; default ${cell(quoted(label), 120)} taken${tookEffect(d)}` : 'nobody answered; nothing taken';
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
