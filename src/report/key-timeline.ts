/**
 * The incident timeline: the rows a reader takes in at once. Injects, decisions (one row each,
 * when answered or timed out), the team's actions (one row each, with when they took effect;
 * a run of the same action by the same person folds into one row), notes, hints, follow-ups,
 * milestones and impact changes. The mechanics of running a drill (clock, pauses, speed, "will
 * no longer happen", action started/done pairs) stay in the full log.
 */
import type { DrillRecord } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import { formatClock, formatDuration } from '../conditions/duration.js';
import type { TimelineEntry } from './report-schema.js';
import { firstLine, isoWall, milestoneName, quoted, type Names } from './timeline.js';
import { occurrenceNote } from '../text/occurrence.js';

type Row = TimelineEntry & {
  fold?: { id: string; by: string | undefined; count: number; lastStart: number; landed: (number | null)[] };
  /** The milestone this row's inject or answer marks itself, said on its row rather than on one of its own. */
  marks?: string;
};

/** The incident timeline of a drill, in journal order. */
export function keyTimeline(records: readonly DrillRecord[], scenario: Scenario, names: Names, team: ReadonlyMap<string, string>): TimelineEntry[] {
  const rows: Row[] = [];
  const landedAt = landings(records);
  const optionLandedAt = new Map<string, number>();
  for (const r of records) if (r.type === 'option-landed') optionLandedAt.set(r.id, r.t);
  /** For an option with `takes`: whether (and when) it took effect, read from the journal; it marks its milestone then. */
  const landing = (decision: string, option: string | undefined): { text: string; milestone: string | undefined } => {
    const taken = optionOf(scenario, decision, option);
    if (!taken?.takesMs) return { text: '', milestone: taken?.milestone };
    const landed = optionLandedAt.get(decision);
    const text = landed === undefined ? `; it takes ${formatDuration(taken.takesMs)} and had not taken effect when the drill ended` : `; it takes ${formatDuration(taken.takesMs)}`;
    return { text, milestone: undefined };
  };
  const opened = new Map<string, number>();
  // Each person's last row: a repeat of the same action folds into it, even with other people's
  // rows (and injects) in between, so a run of batches is one row.
  const lastRowBy = new Map<string, Row>();
  const byKey = (by: string | undefined) => by ?? '';
  const push = (r: DrillRecord, source: TimelineEntry['source'], what: string, who?: string): Row => {
    const row: Row = who ? { seq: r.seq, tMs: r.t, wall: isoWall(r.wall), source, who, what } : { seq: r.seq, tMs: r.t, wall: isoWall(r.wall), source, what };
    rows.push(row);
    return row;
  };
  // The row whose inject, answer or default marks a milestone, until the engine records it.
  let marking: Row | undefined;
  const mark = (row: Row, milestone: string | undefined) => {
    if (milestone) {
      row.marks = milestone;
      marking = row;
    }
  };
  for (const r of records) {
    switch (r.type) {
      case 'inject-fired': {
        const inject = scenario.injectById.get(r.id);
        mark(push(r, 'inject', `${inject?.channel ?? 'inject'}: ${names.inject(r.id)}${occurrenceNote(r.occurrence)}`, inject?.from ?? inject?.channel), inject?.milestone);
        break;
      }
      case 'decision-opened':
        if (!opened.has(r.id)) opened.set(r.id, r.t);
        break;
      case 'decision-made': {
        const since = opened.get(r.id);
        const after = since !== undefined ? ` (open since ${formatClock(since)})` : '';
        const answer = r.option !== undefined ? `chose ${quoted(names.option(r.id, r.option))}` : `answered off-script: ${quoted(r.text ?? '')}`;
        const role = scenario.decisionById.get(r.id)?.role;
        const playing = r.by !== undefined ? team.get(r.by) : undefined;
        const title = (id: string) => scenario.file.roles.find((x) => x.id === id)?.title ?? id;
        const outside = role !== undefined && playing !== undefined && playing !== role ? `; a decision for ${title(role)}, answered by ${r.by}, who plays ${title(playing)}` : '';
        const why = r.rationale ? `. Why: ${r.rationale}` : '';
        const lands = landing(r.id, r.option);
        const row = push(r, 'decision', `${quoted(names.decision(r.id))}: ${answer}${after}${outside}${lands.text}${why}`, r.by);
        lastRowBy.set(byKey(r.by), row);
        mark(row, lands.milestone);
        break;
      }
      case 'decision-timed-out': {
        const d = scenario.decisionById.get(r.id);
        const wait = d?.timeoutMs !== undefined ? ` in ${formatDuration(d.timeoutMs)}` : '';
        const lands = landing(r.id, r.option);
        const fallback = r.option ? `; its default, ${quoted(names.option(r.id, r.option))}, was taken${lands.text}` : '; nothing was taken';
        mark(push(r, 'decision', `${quoted(names.decision(r.id))}: nobody answered${wait}${fallback}`), lands.milestone);
        break;
      }
      case 'option-landed':
        mark(
          push(r, 'decision', `${quoted(names.decision(r.id))}: ${quoted(names.option(r.id, r.option))} took effect`),
          optionOf(scenario, r.id, r.option)?.milestone,
        );
        break;
      case 'decision-cancelled': {
        const since = opened.get(r.id);
        push(r, 'scenario', `${quoted(names.decision(r.id))}: withdrawn by the scenario, unanswered${since !== undefined ? ` (open since ${formatClock(since)})` : ''}`);
        break;
      }
      case 'action-started': {
        const prev = lastRowBy.get(byKey(r.by));
        if (prev?.fold?.id === r.id) {
          prev.fold.count++;
          prev.fold.lastStart = r.t;
          prev.fold.landed.push(landedAt.get(r.seq) ?? null);
          break;
        }
        const row = push(r, 'action', '', r.by);
        row.fold = { id: r.id, by: r.by, count: 1, lastStart: r.t, landed: [landedAt.get(r.seq) ?? null] };
        lastRowBy.set(byKey(r.by), row);
        break;
      }
      case 'hint-shown': {
        const hint = names.hint(r.for);
        push(r, 'facilitator', `Hint given${hint ? `: ${firstLine(hint)}` : ` for ${r.for}`}`);
        break;
      }
      case 'note':
        lastRowBy.set(byKey(r.by), push(r, 'note', r.text, r.by));
        break;
      case 'followup':
        push(r, 'note', `Follow-up (${r.kind}): ${r.text}`, r.owner);
        break;
      case 'milestone':
        // The engine records a consequence's milestone at once, right after what marked it.
        if (r.source === 'scenario' && marking?.marks === r.name && marking.tMs === r.t) {
          marking.what += ` — marks ${milestoneName(r.name)}`;
          marking = undefined;
          break;
        }
        push(r, r.source === 'facilitator' ? 'facilitator' : 'scenario', `Milestone: ${milestoneName(r.name)}`, r.source === 'facilitator' ? r.by : undefined);
        break;
      case 'impact':
        push(r, 'scenario', r.level === 'down' ? 'Impact: full outage' : r.level === 'degraded' ? 'Impact: degraded service' : 'Impact over: service normal');
        break;
      case 'drill-ended':
        push(r, r.reason === 'facilitator' ? 'facilitator' : 'drill', r.reason === 'condition' ? 'Drill ended: end condition met' : r.reason === 'limit' ? 'Drill ended: time limit reached' : 'Drill ended by the facilitator');
        break;
    }
  }
  return rows.map(({ fold, marks: _marks, ...row }) => (fold ? { ...row, what: actionText(names.action(fold.id), fold), ...(fold.count > 1 ? { untilMs: fold.lastStart } : {}) } : row));
}

function optionOf(scenario: Scenario, decision: string, option: string | undefined) {
  return option === undefined ? undefined : scenario.decisionById.get(decision)?.options.find((o) => o.id === option);
}

/** An action row: what was done, and when it took effect (for a run: how many, and the last). */
function actionText(label: string, fold: NonNullable<Row['fold']>): string {
  const last = fold.landed.at(-1) ?? null;
  if (fold.count === 1) return `${label} (${last === null ? 'had not taken effect when the drill ended' : `took effect at ${formatClock(last)}`})`;
  const done = fold.landed.filter((t) => t !== null).length;
  const effect = last === null ? `${done} of them took effect by the end` : `the last took effect at ${formatClock(last)}`;
  return `${label}, ${fold.count} times up to ${formatClock(fold.lastStart)} (${effect})`;
}

/** For each action-started record's seq, when that action landed. */
function landings(records: readonly DrillRecord[]): Map<number, number> {
  const waiting = new Map<string, number[]>();
  const out = new Map<number, number>();
  for (const r of records) {
    if (r.type === 'action-started') {
      const queue = waiting.get(r.id) ?? [];
      queue.push(r.seq);
      waiting.set(r.id, queue);
    } else if (r.type === 'action-landed') {
      const seq = waiting.get(r.id)?.shift();
      if (seq !== undefined) out.set(seq, r.t);
    }
  }
  return out;
}
