/**
 * The report's timeline section: the canonical table of every event, then a Mermaid picture of
 * the phases and key events for readers who want the shape at a glance.
 */
import type { Report, TimelineEntry } from './report-schema.js';
import { cell } from './escape.js';
import { clock, table, wallTime } from './md-format.js';
import { ganttSource } from './mermaid.js';

const SOURCE_LABEL: Record<TimelineEntry['source'], string> = {
  inject: 'inject',
  decision: 'decision',
  action: 'action',
  note: 'note',
  facilitator: 'facilitator',
  scenario: 'scenario',
  drill: 'drill',
};

/** `## Timeline`: the table, then the gantt chart in a ```mermaid block. */
export function renderTimeline(report: Report): string {
  const day = (report.drill.clockStartedAt ?? report.drill.startedAt).slice(0, 10);
  const rows = report.timeline.map((e) => [
    clock(e.tMs),
    wallTime(e.wall, day),
    SOURCE_LABEL[e.source],
    e.who ? cell(e.who, 60) : '',
    e.source === 'note' ? `_${cell(e.what, 500)}_` : cell(e.what),
  ]);
  return [
    '## Timeline',
    '',
    `Scenario time (T+) and wall-clock time (UTC, ${day}). Inject texts are shortened to their first line; the scenario file holds them in full.`,
    '',
    table(['T+', 'Wall (UTC)', 'Source', 'Who', 'What'], rows),
    '',
    '```mermaid',
    ganttSource(report),
    '```',
  ].join('\n');
}
