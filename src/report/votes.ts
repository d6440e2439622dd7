/**
 * What the room's votes came to on each decision: how the room split, and whether whoever
 * recorded the answer went with the majority. Votes are advice from the participants' pages;
 * the decision is what the facilitator recorded. A person's later vote replaces their earlier one.
 */
import type { DrillRecord } from '../engine/records.js';
import type { ReportDecision, ReportVotes } from './report-schema.js';

/** The votes on each decision, by decision id (none for a decision nobody voted on). */
export function votesByDecision(records: readonly DrillRecord[], decisions: readonly Omit<ReportDecision, 'votes'>[]): Map<string, ReportVotes> {
  const latest = new Map<string, Map<string, Extract<DrillRecord, { type: 'vote' }>>>();
  for (const r of records) {
    if (r.type !== 'vote') continue;
    let byName = latest.get(r.id);
    if (!byName) latest.set(r.id, (byName = new Map()));
    byName.set(r.name.trim().toLowerCase(), r);
  }
  const out = new Map<string, ReportVotes>();
  for (const d of decisions) {
    const votes = [...(latest.get(d.id)?.values() ?? [])];
    if (votes.length === 0) continue;
    const counts = d.options.map((o) => ({ option: o.id, votes: votes.filter((v) => v.option === o.id).length })).filter((c) => c.votes > 0);
    counts.sort((a, b) => b.votes - a.votes);
    out.set(d.id, {
      voters: votes.map((v) => ({ name: v.name, option: v.option, confidence: v.confidence, ...(v.role !== undefined ? { role: v.role } : {}), tMs: v.t })),
      counts,
      summary: summarise(d, counts, votes.length),
    });
  }
  return out;
}

/** "the room split 2–1; Alex chose against the majority". */
function summarise(d: Omit<ReportDecision, 'votes'>, counts: ReportVotes['counts'], voters: number): string {
  const one = voters === 1;
  const room = one ? 'one vote came in' : counts.length === 1 ? `the room agreed ${voters}–0` : `the room split ${counts.map((c) => c.votes).join('–')}`;
  const top = counts[0]!;
  const majority = counts.length === 1 || top.votes > counts[1]!.votes ? top.option : undefined;
  const who = d.by ?? 'the team';
  switch (d.outcome) {
    case 'chosen':
      if (!majority) return `${room}, with no majority; ${who} chose`;
      return `${room}; ${who} chose ${d.option === majority ? 'with' : 'against'} ${one ? 'it' : 'the majority'}`;
    case 'off-script':
      return `${room}; ${who} answered off-script`;
    case 'timed-out':
      return `${room}; nobody recorded an answer, so ${d.option ? 'the default was taken' : 'nothing was taken'}`;
    case 'cancelled':
      return `${room}; the decision was withdrawn before an answer`;
    default:
      return `${room}; no answer was recorded`;
  }
}
