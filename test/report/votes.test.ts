/**
 * The room's votes in the report: how the room split on each decision and whether whoever
 * recorded the answer went with the majority, in the resolution and the appendix, and as data in
 * report.json. A person's later vote replaces their earlier one.
 */
import { describe, expect, it } from 'vitest';
import type { DrillRecord } from '../../src/engine/records.js';
import type { ReportDecision } from '../../src/report/report-schema.js';
import { votesByDecision } from '../../src/report/votes.js';
import { playDrill } from '../helpers/report-drill.js';

const decision = (over: Partial<ReportDecision> = {}): ReportDecision => ({
  id: 'd',
  prompt: 'What now?',
  outcome: 'chosen',
  openedMs: 0,
  closedMs: 60_000,
  latencyMs: 60_000,
  option: 'a',
  by: 'Alex',
  hintShown: false,
  options: ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase(), taken: id === 'a', isDefault: false })),
  ...over,
});
let seq = 0;
const vote = (name: string, option: string): DrillRecord => ({ seq: seq++, t: 1000, wall: 0, type: 'vote', id: 'd', option, name, confidence: 'medium' });
const summary = (votes: DrillRecord[], over: Partial<ReportDecision> = {}) => votesByDecision(votes, [decision(over)]).get('d')?.summary;

describe('the room’s votes in the report', () => {
  it('says how the room split and whether the answer went with the majority', () => {
    expect(summary([vote('Julie', 'b'), vote('Lee', 'b'), vote('Alex', 'a')])).toBe('the room split 2–1; Alex chose against the majority');
    expect(summary([vote('Julie', 'a'), vote('Lee', 'a'), vote('Kim', 'a')])).toBe('the room agreed 3–0; Alex chose with the majority');
    expect(summary([vote('Julie', 'a'), vote('Lee', 'b')])).toBe('the room split 1–1, with no majority; Alex chose');
    expect(summary([vote('Lee', 'b')])).toBe('one vote came in; Alex chose against it');
    expect(summary([vote('Lee', 'b'), vote('Kim', 'c'), vote('Ana', 'b')], { outcome: 'timed-out', by: undefined, option: 'c' })).toBe(
      'the room split 2–1; nobody recorded an answer, so the default was taken',
    );
    expect(summary([])).toBeUndefined();
  });

  it('counts each person once, their latest vote, whatever the case of their name', () => {
    const votes = votesByDecision([vote('Julie', 'b'), vote('julie ', 'a'), vote('Lee', 'b')], [decision()]).get('d')!;
    expect(votes.counts).toEqual([
      { option: 'a', votes: 1 },
      { option: 'b', votes: 1 },
    ]);
    expect(votes.voters.map((v) => v.name)).toEqual(['julie ', 'Lee']);
  });

  it('appears in report.md and report.json of a drill the room voted in', async () => {
    const { md, json } = await playDrill('scenarios/k8s-shrink.yaml', 'test/answers/k8s-shrink.restart-pods.yaml');
    expect(md).toContain('Votes from the participants’ pages: the room split 2–1; Alex chose against the majority.');
    expect(md).toMatch(/\| chose “Restart the api-gateway pods; they look wedged” \(Alex\); votes: the room split 2–1; Alex chose against the majority \|/);
    expect(md).toContain('  - Stop and find out exactly what changed in the last ten minutes — 2 votes');
    expect(md).toContain('  - Votes from the participants’ pages: one vote came in; Alex chose against it.');
    const first = (JSON.parse(json) as { decisions: ReportDecision[] }).decisions.find((d) => d.id === 'first-response')!;
    expect(first.votes).toEqual({
      voters: [
        { name: 'Julie', option: 'find-the-change', confidence: 'high', role: 'ops', tMs: 190_000 },
        { name: 'Lee', option: 'find-the-change', confidence: 'medium', role: 'comms', tMs: 190_000 },
        { name: 'Alex', option: 'restart-api', confidence: 'low', role: 'incident-commander', tMs: 190_000 },
      ],
      counts: [
        { option: 'find-the-change', votes: 2 },
        { option: 'restart-api', votes: 1 },
      ],
      summary: 'the room split 2–1; Alex chose against the majority',
    });
  });
});
