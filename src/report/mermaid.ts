/**
 * A Mermaid gantt chart of the drill: user impact, the response phases between milestones, the
 * team's actions (from when each was taken to when it took effect), and the key events, on the
 * scenario clock, labelled in words. GitHub renders ```mermaid blocks; its gantt parser ends a
 * task name at `:`, starts a comment at `#` and splits statements at `;`, so every name goes
 * through `taskName`. The Markdown table stays the canonical timeline; this is the picture of it.
 */
import type { Report } from './report-schema.js';
import { milestoneName } from './timeline.js';

/** `00:02:30` for 150000 ms: the chart's dateFormat is HH:mm:ss on the scenario clock. */
function at(ms: number): string {
  const total = Math.max(0, Math.min(Math.floor(ms / 1000), 24 * 3600 - 1));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** `T+05m`, `T+1h05m`: a stamp without `:`, which would end a task name. */
export function stamp(ms: number): string {
  const m = Math.floor(ms / 60_000);
  return m >= 60 ? `T+${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m` : `T+${String(m).padStart(2, '0')}m`;
}

/** Makes any text safe as a task name: no `:` `#` `;`, no line breaks, no markup, bounded length. */
export function taskName(text: string): string {
  const safe = text
    .replace(/[:#;<>&"`{}[\]\\|]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .trim();
  // A task name may not begin with a gantt keyword, or the line parses as that statement.
  return /^(title|section|dateFormat|axisFormat|tickInterval|includes|excludes|todayMarker|weekday|weekend|click|accTitle|accDescr|topAxis|inclusiveEndDates)\b/i.test(safe) || safe === ''
    ? `Event ${safe}`.trim()
    : safe;
}

const MAX_DECISION_EVENTS = 24;
const MAX_ACTION_BARS = 24;

const PHASES = [
  { until: 'started', name: 'Before the incident' },
  { until: 'detected', name: 'Until detected' },
  { until: 'acknowledged', name: 'Until acknowledged' },
  { until: 'mitigated', name: 'Until mitigated' },
  { until: 'resolved', name: 'Until resolved' },
] as const;

/** The gantt chart's source, without the fences. */
export function ganttSource(report: Report): string {
  const end = report.drill.scenarioMs;
  const lines = ['gantt', '    title Scenario time since the clock started (hh mm)', '    dateFormat HH:mm:ss', '    axisFormat %H:%M', '    todayMarker off'];
  let n = 0;
  const task = (name: string, tags: string, from: number, to: number) => {
    const meta = [tags, `t${n++}`, at(from), at(to)].filter((p) => p !== '').join(', ');
    lines.push(`    ${taskName(name)} :${meta}`);
  };
  if (report.impact.intervals.length > 0) {
    lines.push('    section User impact');
    for (const i of report.impact.intervals) task(i.level === 'down' ? `Full outage ${stamp(i.fromMs)}` : `Degraded ${stamp(i.fromMs)}`, i.level === 'down' ? 'crit' : 'active', i.fromMs, i.toMs);
  }
  const response: [string, number, number][] = [];
  let from = 0;
  for (const phase of PHASES) {
    const reached = report.milestones.find((m) => m.name === phase.until)?.reachedMs ?? null;
    if (reached !== null && reached < from) continue; // marked out of order: no phase of its own
    if (reached === null && phase.until === 'started') continue; // not marked: phases count from the clock
    const to = reached ?? end;
    if (to > from) response.push([reached === null ? `Not ${phase.until} by the end` : phase.name, from, to]);
    if (reached === null) break;
    from = reached;
  }
  // An empty section is dropped: Mermaid draws it as a blank band.
  if (response.length > 0) lines.push('    section Response');
  for (const [name, a, b] of response) task(name, '', a, b);
  // The team's key moves, such as freezing the autoscaler: each from when it was taken to when
  // it took effect; a run of the same action by the same person is one bar.
  const bars = actionBars(report);
  if (bars.length > 0 && bars.length <= MAX_ACTION_BARS) {
    lines.push('    section Team actions');
    for (const b of bars) task(b.name, b.to === null ? 'active' : '', b.from, Math.max(b.from + 1000, b.to ?? end));
  }
  const events: { name: string; at: number }[] = [];
  for (const m of report.milestones) {
    if (m.reachedMs !== null) events.push({ name: `${capital(milestoneName(m.name))}${m.byDefault ? ' by default' : ''} ${stamp(m.reachedMs)}`, at: m.reachedMs });
  }
  // Past a couple of dozen decisions the chart turns into a wall of diamonds; the table and the
  // decision latency list still have every one of them.
  const closed = report.decisions.filter((d) => d.closedMs !== null && d.outcome !== 'cancelled');
  for (const d of closed.length <= MAX_DECISION_EVENTS ? closed : []) {
    const label = d.options.find((o) => o.id === d.option)?.label ?? d.option ?? '';
    const what =
      d.outcome === 'timed-out' ? `Nobody decided, default ${label}` : d.outcome === 'off-script' ? `${d.by ?? 'The team'} answered off-script` : `${d.by ?? 'The team'} chose ${label}`;
    events.push({ name: `${stamp(d.closedMs!)} ${shortLabel(what)}`, at: d.closedMs! });
  }
  if (report.drill.endedMs !== null) events.push({ name: `Drill ended ${stamp(report.drill.endedMs)}`, at: report.drill.endedMs });
  if (events.length > 0) lines.push('    section Key events');
  for (const e of events.sort((a, b) => a.at - b.at)) task(e.name, 'milestone', e.at, e.at);
  return lines.join('\n');
}

/** The team's actions as bars; consecutive runs of one action by one person fold into one. */
function actionBars(report: Report): { name: string; from: number; to: number | null }[] {
  const bars: { id: string; by?: string; label: string; count: number; from: number; to: number | null }[] = [];
  for (const a of report.actions) {
    const last = bars.at(-1);
    if (last && last.id === a.id && last.by === a.by) {
      last.count++;
      last.to = a.landedMs;
    } else bars.push({ id: a.id, ...(a.by !== undefined ? { by: a.by } : {}), label: a.label, count: 1, from: a.startedMs, to: a.landedMs });
  }
  return bars.map((b) => ({ name: shortLabel(`${b.by ? `${b.by} ` : ''}${b.count > 1 ? `${b.count}x ` : ''}${b.label}`), from: b.from, to: b.to }));
}

/** A label cut at a word, short enough to read on a chart (taskName then keeps it whole). */
function shortLabel(text: string): string {
  const words = text.replace(/[:#;<>&"`{}[\]\\|]/g, ' ').replace(/\s+/g, ' ').trim();
  return taskName(words.length < 58 ? words : `${words.slice(0, 56).replace(/\s+\S*$/, '')}…`);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
