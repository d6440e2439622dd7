import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answersSchema, checkAnswersAgainst, loadAnswersFile, loadAnswersText } from '../../src/session/answers/answers.js';
import { loadScenarioText, formatProblem, type Scenario } from '../../src/scenario/index.js';
import { at, edit, fixtureText } from '../helpers/problem-lines.js';

const ANSWERS = fixtureText('answers-small.yaml');
const scenario = ((): Scenario => {
  const result = loadScenarioText(fixtureText('small.yaml'), 'small.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
})();

/** Problems of reading `text` as answers, then of running it against the small scenario. */
function problems(text: string): string[] {
  const read = loadAnswersText(text, 'a.yaml');
  if (!read.ok) return read.problems.map(formatProblem);
  return checkAnswersAgainst(read.answers, scenario, 'a.yaml').map(formatProblem);
}

describe('reading an answers file', () => {
  it('reads the documented format', () => {
    const path = fileURLToPath(new URL('../fixtures/answers-small.yaml', import.meta.url));
    const read = loadAnswersFile(path);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { answers } = read;
    expect(answers.team).toEqual([
      { name: 'Alex', role: 'incident-commander' },
      { name: 'Julie', role: 'ops' },
    ]);
    expect(answers.facilitator).toBe('Sam');
    expect(answers.decisions?.['triage']).toEqual({ choose: 'rotate-logs', by: 'Alex', after: '1m', note: 'logs are the usual suspect' });
    expect(answers.actions).toEqual([{ do: 'grow-volume', at: '6m', by: 'Julie' }]);
    expect(answers.followups?.[0]?.type).toBe('detect');
    expect(answers.debrief?.causes?.[0]?.factor).toBe('no-log-rotation');
    expect(checkAnswersAgainst(answers, scenario, path)).toEqual([]);
  });

  it('accepts an off-script answer given as text', () => {
    expect(problems(edit(ANSWERS, ['{choose: rotate-logs, by: Alex', '{text: "page the storage team", by: Alex']))).toEqual([]);
  });

  it('needs exactly one of choose / text', () => {
    const both = edit(ANSWERS, ['{choose: rotate-logs,', '{choose: rotate-logs, text: "and also this",']);
    expect(problems(both)).toEqual([`a.yaml:${at(both, '{choose')}: an answer has either \`choose:\` or \`text:\`, not both; keep one`]);
    const neither = edit(ANSWERS, ['{choose: rotate-logs, by: Alex', '{by: Alex']);
    expect(problems(neither)).toEqual([`a.yaml:${at(neither, '{by: Alex')}: an answer needs \`choose: <option id>\` or \`text: "<off-script answer>"\``]);
  });

  it('positions schema mistakes, with suggestions', () => {
    const text = edit(ANSWERS, ['type: detect', 'type: detection'], ['{do: grow-volume, at: 6m', '{do: grow-volume, att: 6m'], ['mark: acknowledged', 'mark: acked']);
    expect(problems(text)).toEqual([
      `a.yaml:${at(text, '{do')}: action #1 is missing \`at:\` (a duration: 90s, 4m, 1h30m, or a number of seconds)`,
      `a.yaml:${at(text, 'att')}: unknown key \`att\`; did you mean \`at\`?`,
      `a.yaml:${at(text, 'acked')}: \`acked\` is not a valid \`mark\`; use one of: started, detected, acknowledged, mitigated, resolved`,
      `a.yaml:${at(text, 'detection')}: \`detection\` is not a valid \`type\`; did you mean \`detect\`?`,
    ]);
  });

  it('refuses times that are not durations', () => {
    const text = edit(ANSWERS, ['at: 6m', 'at: 6 minutes'], ['after: 1m', 'after: -5']);
    expect(problems(text)).toEqual([
      `a.yaml:${at(text, '-5')}: \`after\` must be at least 0, not \`-5\``,
      `a.yaml:${at(text, '6 minutes')}: \`6 minutes\` is not a valid \`at\`; write a duration such as 90s, 4m or 1h30m`,
    ]);
  });

  it('has the same hostile-input guards as scenarios', () => {
    const expected = 'an answers file: a mapping with team:, decisions: and so on';
    expect(problems('')).toEqual([`a.yaml:1:1: the file is empty; expected ${expected}`]);
    expect(problems('- a\n')).toEqual([`a.yaml:1:1: the top level is a list; expected ${expected} as \`key: value\` lines`]);
    expect(problems('team:\n\t- {name: A}\n')).toEqual(['a.yaml:2:1: a tab is used for indentation; YAML indents with spaces only — use spaces']);
    expect(problems('decisions:\n  __proto__: {choose: x}\n')).toEqual(['a.yaml:2:3: `__proto__` cannot be used as a key (it is special to JavaScript); rename it']);
    expect(problems(`notes: ${'['.repeat(100)}${']'.repeat(100)}\n`)).toEqual([
      'a.yaml:1:71: nesting is deeper than 64 levels; a scenario needs only a few — flatten the structure',
    ]);
    expect(loadAnswersFile('/no/such/answers.yaml')).toEqual({
      ok: false,
      problems: [{ file: '/no/such/answers.yaml', message: 'no such file; pass the path of an answers .yaml file', severity: 'error' }],
    });
  });

  it('exports its zod schema', () => {
    expect(answersSchema.safeParse({ team: [{ name: 'A' }] }).success).toBe(true);
    expect(answersSchema.safeParse({ decisions: { x: { choose: 'a', text: 'b' } } }).success).toBe(false);
  });
});

describe('checking answers against the scenario', () => {
  it('reports unknown decisions, options, actions, hint targets and factors at their positions', () => {
    const text = edit(
      ANSWERS,
      ['  triage: {choose: rotate-logs', '  triag: {choose: rotate-logs'],
      ['{do: grow-volume', '{do: grow-volum'],
      ['for: disk-alert', 'for: disk-alarm'],
      ['factor: no-log-rotation', 'factor: no-log-rotations'],
    );
    expect(problems(text)).toEqual([
      `a.yaml:${at(text, 'triag:')}: unknown decision \`triag\` in scenario \`disk-full\`; did you mean \`triage\`?`,
      `a.yaml:${at(text, 'grow-volum')}: unknown action \`grow-volum\` in scenario \`disk-full\`; did you mean \`grow-volume\`?`,
      `a.yaml:${at(text, 'disk-alarm')}: unknown inject or decision \`disk-alarm\` in scenario \`disk-full\`; did you mean \`disk-alert\`?`,
      `a.yaml:${at(text, 'no-log-rotations')}: unknown factor \`no-log-rotations\`; did you mean \`no-log-rotation\`?`,
    ]);
  });

  it('takes a cause linked to several factors, the team’s summary, and follow-ups with a priority and a due date', () => {
    const text = edit(
      ANSWERS,
      ['factor: no-log-rotation}]', 'factors: [no-log-rotation, no-log-rotations]}]\n  summary: "The disk filled up."'],
      ['owner: Alex, type: prevent}', 'owner: Alex, type: prevent, priority: high, due: 2026-02-01}'],
    );
    expect(problems(text)).toEqual([`a.yaml:${at(text, 'no-log-rotations')}: unknown factor \`no-log-rotations\`; did you mean \`no-log-rotation\`?`]);
    const late = edit(ANSWERS, ['owner: Alex, type: prevent}', 'owner: Alex, type: prevent, priority: urgent, due: next week}']);
    expect(problems(late)).toEqual([
      expect.stringMatching(new RegExp(`^a\\.yaml:${at(late, 'urgent')}: \`urgent\` is not a valid \`priority\``)),
      expect.stringMatching(new RegExp(`^a\\.yaml:${at(late, 'next week')}: .*YYYY-MM-DD`)),
    ]);
  });

  it('reports an option the decision does not have', () => {
    const text = edit(ANSWERS, ['choose: rotate-logs', 'choose: restart-db']);
    expect(problems(text)).toEqual([`a.yaml:${at(text, 'restart-db')}: decision \`triage\` has no option \`restart-db\`; its options: rotate-logs, wait`]);
  });

  it('reports a `by` who is not on the team, naming the team', () => {
    const text = edit(ANSWERS, ['{do: grow-volume, at: 6m, by: Julie}', '{do: grow-volume, at: 6m, by: Juli}'], ['by: Alex, after: 1m', 'by: Bob, after: 1m']);
    expect(problems(text)).toEqual([
      `a.yaml:${at(text, 'Bob')}: \`Bob\` is not on the team (the team is Alex, Julie); add them under \`team:\` or fix the name`,
      `a.yaml:${at(text, 'Juli}')}: \`Juli\` is not on the team (the team is Alex, Julie); did you mean \`Julie\`?`,
    ]);
  });

  it('lets the facilitator act, and says so when there is no team at all', () => {
    expect(problems(edit(ANSWERS, ['{at: 4m, mark: acknowledged, by: Alex}', '{at: 4m, mark: acknowledged, by: Sam}']))).toEqual([]);
    const noTeam = 'decisions:\n  triage: {choose: wait, by: Alex}\n';
    expect(problems(noTeam)).toEqual([
      `a.yaml:${at(noTeam, 'Alex')}: \`Alex\` is not on the team (the answers file lists no \`team:\`); add them under \`team:\` or fix the name`,
    ]);
  });

  it('warns about roles the scenario does not have, and refuses hints for what has no hint', () => {
    const text = edit(ANSWERS, ['role: ops', 'role: sre'], ['for: disk-alert', 'for: writes-failing']);
    expect(problems(text)).toEqual([
      `a.yaml:${at(text, 'sre')}: warning: role \`sre\` is not a role of scenario \`disk-full\`; its roles: incident-commander, ops`,
      `a.yaml:${at(text, 'writes-failing')}: \`writes-failing\` has no \`hint:\` in the scenario, so there is nothing to show; a hint can be shown only for an inject or decision that has one`,
    ]);
  });

  it('does not find Object.prototype through a decision id', () => {
    const read = loadAnswersText('decisions:\n  triage: {choose: wait}\n', 'a.yaml');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.answers.decisions?.['constructor']).toBeUndefined();
    expect(read.answers.decisions?.['toString']).toBeUndefined();
  });

  it('still checks answers built in code, without positions', () => {
    expect(checkAnswersAgainst({ actions: [{ do: 'nope', at: '1m' }] }, scenario, 'a.yaml').map(formatProblem)).toEqual([
      'a.yaml: unknown action `nope` in scenario `disk-full`; known: grow-volume',
    ]);
  });
});
