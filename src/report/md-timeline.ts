/**
 * The report's timeline section: the incident timeline a reader takes in at once (injects,
 * decisions, the team's actions, milestones, impact), then a Mermaid picture of the phases and
 * the team's key moves. Every event, mechanics included, is in the full log in the appendix.
 */
import type { Report, TimelineEntry } from './report-schema.js';
import { cell } from './escape.js';
import { clock, table, tableRow, wallTime } from './md-format.js';
import { ganttSource } from './mermaid.js';

export const SOURCE_LABEL: Record<TimelineEntry['source'], string> = {
  inject: 'inject',
  decision: 'decision',
  action: 'action',
  lookup: 'lookup',
  note: 'note',
  facilitator: 'facilitator',
  scenario: 'scenario',
  drill: 'drill',
};

/** Rows per piece of the timeline table. */
const ROWS_PER_PART = 2000;

/**
 * `## Timeline` (the table, then the gantt chart in a ```mermaid block), in pieces: a big drill's
 * table is large, so report.md is written a few thousand rows at a time instead of as one string.
 */
export function* timelineParts(report: Report): Generator<string> {
  const day = (report.drill.clockStartedAt ?? report.drill.startedAt).slice(0, 10);
  const header = ['T+', 'Wall (UTC)', 'Source', 'Who', 'What'];
  yield [
    '## Timeline',
    '',
    `Scenario time (T+) and wall-clock time (UTC, ${day}): what reached the team, what it decided and did, and what that changed. Inject texts are shortened to their first line here; the full log in the appendix has every event, in full.`,
    '',
    table(header, []),
  ].join('\n');
  const entries = report.timeline;
  for (let from = 0; from < entries.length; from += ROWS_PER_PART) {
    let part = '';
    const to = Math.min(entries.length, from + ROWS_PER_PART);
    for (let i = from; i < to; i++) part += `\n${timelineRow(entries[i]!, day)}`;
    yield part;
  }
  yield ['', '', '```mermaid', ganttSource(report), '```'].join('\n');
}

function timelineRow(e: TimelineEntry, day: string): string {
  return tableRow([
    e.untilMs !== undefined ? `${clock(e.tMs)}–${clock(e.untilMs)}` : clock(e.tMs),
    wallTime(e.wall, day),
    SOURCE_LABEL[e.source],
    e.who ? cell(e.who, 60) : '',
    e.source === 'note' ? `_${cell(e.what, 500)}_` : cell(e.what, 600),
  ]);
}
