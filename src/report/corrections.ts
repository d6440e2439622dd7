/**
 * The journal as corrected: a reason added after an answer is folded into that answer, the
 * planted factors picked for a cause into that cause, an
 * amendment replaces the words it amends, a credit puts another name on what was done (so every
 * part of the report that says who did what says the corrected name), and a struck record
 * leaves what the report counts.
 * The timeline still shows every original, marked with what happened to it, when and by whom,
 * so the report tells the corrected history without hiding that it was corrected.
 */
import { formatClock } from '../conditions/duration.js';
import type { DrillRecord, RecordOf } from '../engine/records.js';

export interface CorrectedJournal {
  /** Every record, in order, with reasons folded in and amendments applied (struck ones kept). */
  readonly shown: readonly DrillRecord[];
  /** The records the report counts: `shown` without the struck ones. */
  readonly kept: readonly DrillRecord[];
  /** For each corrected record's seq, what was done to it, when and by whom. */
  readonly marks: ReadonlyMap<number, string>;
}

type Correction = RecordOf<'correction'>;

export function correctJournal(records: readonly DrillRecord[], facilitator: string | undefined): CorrectedJournal {
  const corrections = records.filter((r): r is Correction => r.type === 'correction');
  const reasons = records.filter((r): r is RecordOf<'rationale' | 'cause-factors'> => r.type === 'rationale' || r.type === 'cause-factors');
  if (corrections.length === 0 && reasons.length === 0) return { shown: records, kept: records, marks: new Map() };
  const shown = [...records];
  const struck = new Set<number>();
  const marks = new Map<number, string[]>();
  const mark = (seq: number, text: string) => marks.set(seq, [...(marks.get(seq) ?? []), text]);
  const answerSeq = new Map<string, number>();
  for (const r of records) if (r.type === 'decision-made' && !answerSeq.has(r.id)) answerSeq.set(r.id, r.seq);
  // Replayed in journal order, so that a later reason or amendment wins over an earlier one.
  for (const r of records) {
    if (r.type === 'rationale') {
      const at = answerSeq.get(r.id);
      const answer = at === undefined ? undefined : shown[at];
      if (answer?.type === 'decision-made') shown[at!] = { ...answer, rationale: r.text };
      continue;
    }
    if (r.type === 'cause-factors') {
      const cause = shown[r.of];
      if (cause?.type === 'debrief') shown[r.of] = withFactors(cause, r.factors);
      continue;
    }
    if (r.type !== 'correction') continue;
    const target = shown[r.of];
    if (!target) continue;
    const who = r.by ?? facilitator ?? 'the facilitator';
    if (r.change === 'strike') {
      const note = `struck at ${formatClock(r.t)} by ${who}${r.text ? `: ${r.text}` : ''}`;
      struck.add(r.of);
      mark(r.of, note);
      // The world still moved when a struck action landed; the landing is marked, not counted.
      const landing = target.type === 'action-started' ? landingOf(records, target.seq, target.id) : undefined;
      if (landing !== undefined) {
        struck.add(landing);
        mark(landing, note);
      }
      continue;
    }
    if (r.change === 'credit') {
      const was = 'by' in target ? target.by : undefined;
      const note = `re-credited at ${formatClock(r.t)} by ${who}; was ${was ?? 'the team'}`;
      for (const seq of [r.of, ...answersTo(records, target)]) {
        shown[seq] = creditTo(shown[seq]!, r.to);
        mark(seq, note);
      }
      continue;
    }
    const text = r.text ?? '';
    const before = wordsOf(target);
    const amended = amend(target, text, records, answerSeq);
    if (amended.seq !== target.seq) continue;
    shown[amended.seq] = amended.record;
    mark(amended.seq, `amended at ${formatClock(r.t)} by ${who}${before ? `; was “${before}”` : ''}`);
  }
  const joined = new Map([...marks].map(([seq, list]) => [seq, list.join('; ')]));
  return { shown, kept: shown.filter((r) => !struck.has(r.seq)), marks: joined };
}

/** The seq of the landing of the action started at `seq`: an action is never under way twice at once. */
function landingOf(records: readonly DrillRecord[], seq: number, id: string): number | undefined {
  for (let i = seq + 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.type === 'action-landed' && r.id === id) return r.seq;
  }
  return undefined;
}

/** A cause with the factors picked for it after it was recorded (none: none of them). */
function withFactors(cause: RecordOf<'debrief'>, factors: readonly string[]): DrillRecord {
  const { factor: _one, factors: _several, ...rest } = cause;
  return factors.length > 0 ? { ...rest, factors: [...factors] } : rest;
}

/** `r` credited to `to`, or to the team as a whole without it. */
function creditTo(r: DrillRecord, to: string | undefined): DrillRecord {
  if (!('by' in r) && to === undefined) return r;
  const { by: _was, ...rest } = r as DrillRecord & { by?: string };
  return (to === undefined ? rest : { ...rest, by: to }) as DrillRecord;
}

/** A lookup's answer carries the name of who asked: a credit of the asking moves to it too. */
function answersTo(records: readonly DrillRecord[], target: DrillRecord): number[] {
  if (target.type !== 'lookup-asked') return [];
  return records.filter((r) => r.type === 'lookup-answered' && r.asked === target.seq).map((r) => r.seq);
}

/** The words an amendment replaces. */
function wordsOf(r: DrillRecord): string | undefined {
  if (r.type === 'note' || r.type === 'followup' || r.type === 'debrief' || r.type === 'rationale') return r.text;
  if (r.type === 'decision-made') return r.rationale;
  return undefined;
}

/** The record with new words; a reason's amendment lands on the answer it was folded into. */
function amend(r: DrillRecord, text: string, records: readonly DrillRecord[], answerSeq: ReadonlyMap<string, number>): { seq: number; record: DrillRecord } {
  switch (r.type) {
    case 'note':
    case 'followup':
    case 'debrief':
      return { seq: r.seq, record: { ...r, text } };
    case 'decision-made':
      return { seq: r.seq, record: { ...r, rationale: text } };
    case 'rationale': {
      const at = answerSeq.get(r.id);
      const answer = at === undefined ? undefined : records[at];
      return answer?.type === 'decision-made' ? amend(answer, text, records, answerSeq) : { seq: -1, record: r };
    }
    default:
      return { seq: -1, record: r };
  }
}
