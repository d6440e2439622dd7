/**
 * The report's "What the team looked at": each lookup with its time and who asked, the time from
 * the start of impact to the first look at something that shows a planted cause, and the injects
 * the facilitator improvised. Time to look at the right dashboard is one of the most telling
 * numbers a practice post-mortem can give a team.
 */
import type { Report } from './report-schema.js';
import { cell, inline } from './escape.js';
import { bullets, clock, span, table } from './md-format.js';
import { firstLine, shorten } from './timeline.js';

/** The section, or undefined when the scenario offers no lookups and nothing was looked at or improvised. */
export function renderLookups(r: Report): string | undefined {
  const { offered, asked, firstCause, impactToFirstCauseMs } = r.lookups;
  if (offered === 0 && asked.length === 0 && r.improvised.length === 0) return undefined;
  const factorTitle = new Map(r.factors.map((f) => [f.id, f.title]));
  const rows = asked.map((a) => [
    clock(a.askedMs),
    cell(a.label),
    a.by ? cell(a.by) : 'the team',
    a.answeredMs === null ? '_not answered before the end_' : clock(a.answeredMs),
    a.reveals.length ? cell(a.reveals.map((id) => factorTitle.get(id) ?? id).join('; ')) : '—',
    cell(shorten(firstLine(a.text), 80)),
  ]);
  const lines = ['## What the team looked at', ''];
  if (asked.length === 0) {
    lines.push(`_The team made none of the ${offered === 1 ? 'one lookup' : `${offered} lookups`} the scenario offers._`);
  } else {
    lines.push(table(['Asked', 'Lookup', 'Who', 'Answered', 'Shows', 'First line shown'], rows), '');
  }
  // With nothing looked at there is no first look to time: the line above says it all.
  if (asked.length > 0 && firstCause) {
    const who = firstCause.by ? ` (${inline(firstCause.by)})` : '';
    const since =
      impactToFirstCauseMs === null
        ? 'There was no impact to measure it from.'
        : `Time from the start of impact to the first look at a cause: **${span(r.impact.startMs!, firstCause.atMs)}** (= ${clock(firstCause.atMs)} first answer that shows a planted cause − ${clock(r.impact.startMs!)} impact started).`;
    lines.push(`The first look at something that shows a planted cause: **${inline(firstCause.label)}**${who} at ${clock(firstCause.atMs)}. ${since}`);
  } else if (asked.length > 0) {
    lines.push('_The team never looked at a lookup that shows a planted cause._');
  }
  if (r.improvised.length) {
    lines.push(
      '',
      '### Improvised by the facilitator',
      '',
      'Not in the scenario: the facilitator handed these out during the drill.',
      '',
      bullets(
        r.improvised.map((i) => `${clock(i.tMs)} **improvised** ${inline(i.channel)}${i.from ? ` from ${inline(i.from)}` : ''}: ${inline(shorten(firstLine(i.text), 160))}`),
        '',
      ),
    );
  }
  return lines.join('\n');
}
