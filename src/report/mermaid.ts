/**
 * A Mermaid gantt chart of the drill: user impact, the response phases between milestones, and
 * the key events, on the scenario clock. GitHub renders ```mermaid blocks; its gantt parser ends
 * a task name at `:`, starts a comment at `#` and splits statements at `;`, so task names here are
 * built only from fixed words, ids (letters, digits, - and _) and `T+mm` stamps. The Markdown
 * table stays the canonical timeline; this is the picture of it.
 */
import type { Report } from './report-schema.js';

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

const PHASES = [
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
    const to = reached ?? end;
    if (to > from) response.push([reached === null ? `Not ${phase.until} by the end` : phase.name, from, to]);
    if (reached === null) break;
    from = reached;
  }
  // An empty section is dropped: Mermaid draws it as a blank band.
  if (response.length > 0) lines.push('    section Response');
  for (const [name, a, b] of response) task(name, '', a, b);
  const events: { name: string; at: number }[] = [];
  for (const m of report.milestones) if (m.reachedMs !== null) events.push({ name: `${capital(m.name)} ${stamp(m.reachedMs)}`, at: m.reachedMs });
  // Past a couple of dozen decisions the chart turns into a wall of diamonds; the table and the
  // decision latency list still have every one of them.
  const closed = report.decisions.filter((d) => d.closedMs !== null && d.outcome !== 'cancelled');
  for (const d of closed.length <= MAX_DECISION_EVENTS ? closed : []) {
    const what = d.outcome === 'timed-out' ? 'timed out' : d.outcome === 'off-script' ? 'answered off-script' : `chose ${d.option ?? ''}`;
    events.push({ name: `${d.id} ${what} ${stamp(d.closedMs!)}`, at: d.closedMs! });
  }
  if (report.drill.endedMs !== null) events.push({ name: `Drill ended ${stamp(report.drill.endedMs)}`, at: report.drill.endedMs });
  if (events.length > 0) lines.push('    section Key events');
  for (const e of events.sort((a, b) => a.at - b.at)) task(e.name, 'milestone', e.at, e.at);
  return lines.join('\n');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
