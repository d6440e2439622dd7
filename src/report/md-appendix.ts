/**
 * The appendix: the full log of every event (inject texts whole), every decision with the
 * options it offered and the one taken, the simulated world's extremes, the drill's raw numbers,
 * and the scenario's debrief questions that apply to this drill.
 */
import type { Report, ReportStats, TimelineEntry } from './report-schema.js';
import { code, inline } from './escape.js';
import { clock, seconds, table, tookEffect, wallTime, withUnit } from './md-format.js';
import { formatDuration } from '../conditions/duration.js';
import { visibleControls } from '../text/sanitize.js';
import { SOURCE_LABEL } from './md-timeline.js';

/** The appendix as one string. */
export function renderAppendix(report: Report): string {
  return [...appendixParts(report)].join('');
}

/** Entries of the full log per piece: a big drill's log is tens of MB. */
const ENTRIES_PER_PART = 2000;

/** The appendix in pieces, without a final newline. */
export function* appendixParts(report: Report): Generator<string> {
  const day = (report.drill.clockStartedAt ?? report.drill.startedAt).slice(0, 10);
  yield ['## Appendix', '', '### Full log', '', `Every event of the drill in the order it was recorded, with scenario time, wall-clock time (UTC, ${day}) and source; injects with their whole text.`, ''].join('\n');
  const log = report.log;
  for (let from = 0; from < log.length; from += ENTRIES_PER_PART) {
    let part = '';
    const to = Math.min(log.length, from + ENTRIES_PER_PART);
    for (let i = from; i < to; i++) part += `\n${logEntry(log[i]!, day)}`;
    yield part;
  }
  if (log.length === 0) yield '\n_Nothing was recorded._';
  yield `\n\n${[decisions(report), '', world(report), '', stats(report.stats), ...questions(report)].join('\n')}`;
}

/** One event of the full log: a list item, and an inject's text as a block under it. */
function logEntry(e: TimelineEntry, day: string): string {
  const who = e.who ? ` · ${inline(e.who)}` : '';
  const line = `- ${clock(e.tMs)} · ${wallTime(e.wall, day)} · ${SOURCE_LABEL[e.source]}${who} — ${e.source === 'note' ? `_${inline(e.what)}_` : inline(e.what)}`;
  return e.text !== undefined && e.text.trim() !== '' ? `${line}\n\n${textBlock(e.text)}\n` : line;
}

/**
 * Text exactly as the team saw it, in a fenced block inside a list item: controls made visible,
 * bidi overrides named, trailing spaces cut, and a fence longer than any run of backticks in it.
 */
export function textBlock(text: string): string {
  const lines = visibleControls(text)
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase()}]`)
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`  ${fence}text`, ...lines.map((l) => (l === '' ? '' : `  ${l}`)), `  ${fence}`].join('\n');
}

function decisions(r: Report): string {
  const opened = r.decisions.filter((d) => d.openedMs !== null).sort((a, b) => a.openedMs! - b.openedMs!);
  const never = r.decisions.filter((d) => d.outcome === 'not-opened');
  const lines = ['### Decisions taken and options offered', ''];
  if (opened.length === 0) lines.push('_No decision was opened in this drill._');
  for (const d of opened) {
    const taken =
      d.outcome === 'chosen'
        ? `chosen${d.by ? ` by ${inline(d.by)}` : ''} at ${clock(d.closedMs!)}`
        : d.outcome === 'off-script'
          ? `answered off-script${d.by ? ` by ${inline(d.by)}` : ''} at ${clock(d.closedMs!)} (quoted in the timeline)`
          : d.outcome === 'timed-out'
            ? `nobody answered; timed out at ${clock(d.closedMs!)}${d.option ? ' and the default was taken' : ''}`
            : d.outcome === 'cancelled'
              ? `withdrawn by the scenario at ${clock(d.closedMs!)}`
              : 'still open when the drill ended';
    const meta = [`opened at ${clock(d.openedMs!)}`, d.timeoutMs !== undefined ? `timeout ${formatDuration(d.timeoutMs)}` : 'no timeout', d.role ? `role ${code(d.role)}` : '', d.hintShown ? 'hint given' : '']
      .filter((m) => m !== '')
      .join(', ');
    lines.push(`- ${code(d.id)}: ${inline(d.prompt)} (${meta}); ${taken}${tookEffect(d)}.`);
    for (const o of d.options) {
      const votes = d.votes?.counts.find((c) => c.option === o.id)?.votes;
      const marks = [o.taken ? '**taken**' : '', o.isDefault ? 'default on timeout' : '', votes ? `${votes} ${votes === 1 ? 'vote' : 'votes'}` : ''].filter((m) => m !== '').join(', ');
      lines.push(`  - ${inline(o.label)}${marks ? ` — ${marks}` : ''}`);
    }
    if (d.votes) lines.push(`  - Votes from the participants’ pages: ${inline(d.votes.summary)}.`);
  }
  if (never.length) lines.push('', `Never opened in this drill: ${never.map((d) => code(d.id)).join(', ')}.`);
  return lines.join('\n');
}

function world(r: Report): string {
  const rows = r.world.map((v) => {
    // A variable that never moved has no extremes worth a time stamp.
    const moved = v.changes > 0 && v.min !== v.max;
    const at = (n: number | boolean) => withUnit(n, v.unit, v.compared);
    const low = moved && v.min !== undefined ? `${at(v.min)} at ${clock(v.minAtMs!)}` : '—';
    const high = moved && v.max !== undefined ? `${at(v.max)} at ${clock(v.maxAtMs!)}` : '—';
    return [`${inline(v.label ?? v.id)} (${code(v.id, { inTable: true })})`, at(v.initial), low, high, at(v.final)];
  });
  const intro = 'Every world variable: its start and end, and for numbers the lowest and highest value reached (first time reached).';
  return ['### The simulated world', '', intro, '', rows.length ? table(['Variable', 'Start', 'Lowest', 'Highest', 'End'], rows) : '_The scenario has no world variables._'].join('\n');
}

const STAT_LABELS: Record<keyof ReportStats, string> = {
  records: 'Journal records',
  injectsFired: 'Injects fired',
  injectsSkippedByChance: 'Injects skipped by their chance draw',
  injectsCancelled: 'Injects cancelled',
  injectsNeverReached: 'Injects that never happened',
  decisionsOpened: 'Decisions opened',
  decisionsChosen: 'Decisions answered with an option',
  decisionsOffScript: 'Decisions answered off-script',
  decisionsTimedOut: 'Decisions timed out',
  decisionsCancelled: 'Decisions withdrawn',
  actionsTaken: 'Actions taken',
  actionsLanded: 'Actions done',
  hintsShown: 'Hints given',
  notes: 'Notes',
  followups: 'Follow-up actions',
  pauses: 'Pauses',
  pausedWallMs: 'Time paused (wall clock)',
  speedChanges: 'Speed changes',
  skips: 'Skips ahead',
  sessionsResumed: 'Sessions resumed',
  scenarioMs: 'Scenario time',
  wallMs: 'Wall-clock time',
};

function stats(s: ReportStats): string {
  const rows = (Object.keys(STAT_LABELS) as (keyof ReportStats)[]).map((k) => [
    STAT_LABELS[k],
    k.endsWith('Ms') ? seconds(s[k]) : String(s[k]),
  ]);
  return ['### Drill statistics', '', table(['Statistic', 'Value'], rows)].join('\n');
}

function questions(r: Report): string[] {
  if (r.questions.length === 0) return [];
  return ['', '### Debrief questions from the scenario', '', 'The questions the scenario asks of a drill that went this way.', '', r.questions.map((text, i) => `${i + 1}. ${inline(text)}`).join('\n')];
}
