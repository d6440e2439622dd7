/**
 * The appendix: every decision with the options it offered and the one taken, the simulated
 * world's extremes, the drill's raw numbers, and the scenario's debrief questions.
 */
import type { Report, ReportStats } from './report-schema.js';
import { code, inline } from './escape.js';
import { clock, table, withUnit } from './md-format.js';
import { formatDuration } from '../conditions/duration.js';

/** Section 10: the appendix. */
export function renderAppendix(report: Report): string {
  return ['## Appendix', '', decisions(report), '', world(report), '', stats(report.stats), ...questions(report)].join('\n');
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
          ? `answered off-script${d.by ? ` by ${inline(d.by)}` : ''} at ${clock(d.closedMs!)}: “${inline(d.text ?? '')}”`
          : d.outcome === 'timed-out'
            ? `timed out at ${clock(d.closedMs!)}${d.option ? '; the default was taken' : ''}`
            : d.outcome === 'cancelled'
              ? `withdrawn by the scenario at ${clock(d.closedMs!)}`
              : 'still open when the drill ended';
    const meta = [`opened at ${clock(d.openedMs!)}`, d.timeoutMs !== undefined ? `timeout ${formatDuration(d.timeoutMs)}` : 'no timeout', d.role ? `role ${code(d.role)}` : '', d.hintShown ? 'hint given' : '']
      .filter((m) => m !== '')
      .join(', ');
    lines.push(`- ${code(d.id)}: ${inline(d.prompt)} (${meta}); ${taken}.`);
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
    const low = moved && v.min !== undefined ? `${withUnit(v.min, v.unit)} at ${clock(v.minAtMs!)}` : '—';
    const high = moved && v.max !== undefined ? `${withUnit(v.max, v.unit)} at ${clock(v.maxAtMs!)}` : '—';
    return [`${inline(v.label ?? v.id)} (${code(v.id, { inTable: true })})`, withUnit(v.initial, v.unit), low, high, withUnit(v.final, v.unit)];
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
    k.endsWith('Ms') ? formatDuration(s[k]) : String(s[k]),
  ]);
  return ['### Drill statistics', '', table(['Statistic', 'Value'], rows)].join('\n');
}

function questions(r: Report): string[] {
  if (r.questions.length === 0) return [];
  return ['', '### Debrief questions from the scenario', '', r.questions.map((text, i) => `${i + 1}. ${inline(text)}`).join('\n')];
}
