/**
 * Checks an answers file against the scenario it is run with: every decision, option, action,
 * hint target and factor it names must exist, and everyone it says did something must be on
 * the team. Found before the run starts, each at its line and column.
 */
import { closest } from '../../text/closest.js';
import type { Answers } from './answers-schema.js';
import { suggestion, type Problem, type Scenario } from '../../scenario/index.js';
import type { YamlFile, YamlPath } from '../../scenario/source/index.js';
import { checkExpectations } from './expectations.js';

// Answers are plain data; their positions stay with the parsed file, found by identity.
const sources = new WeakMap<object, YamlFile>();

/** Links loaded answers to the file they came from, for positioned messages. */
export function rememberSource(answers: Answers, yaml: YamlFile): void {
  sources.set(answers, yaml);
}

/** The parsed file `answers` came from, for positioned messages after the run. */
export function sourceOf(answers: Answers): YamlFile | undefined {
  return sources.get(answers);
}

/** Problems (errors and warnings) of `answers` run against `scenario`; `file` names the answers file. */
export function checkAnswersAgainst(answers: Answers, scenario: Scenario, file: string): Problem[] {
  const yaml = sources.get(answers);
  const problems: Problem[] = [];
  const report = (path: YamlPath, message: string, severity: 'error' | 'warning' = 'error', part: 'key' | 'value' = 'value'): void => {
    if (yaml) problems.push(yaml.problemAt(path, message, { severity, part }));
    else problems.push({ file, message, severity });
  };

  const names = (answers.team ?? []).map((m) => m.name);
  const people = new Set([...names, ...(answers.facilitator ? [answers.facilitator] : [])]);
  const teamList = names.length > 0 ? `the team is ${names.join(', ')}` : 'the answers file lists no `team:`';
  const checkBy = (by: string | undefined, path: YamlPath): void => {
    if (by !== undefined && !people.has(by)) {
      const near = closest(by, people);
      const fix = near ? `; did you mean \`${near}\`?` : '; add them under `team:` or fix the name';
      report(path, `\`${by}\` is not on the team (${teamList})${fix}`);
    }
  };

  const seen = new Set<string>();
  const roles = scenario.file.roles.map((r) => r.id);
  (answers.team ?? []).forEach((member, i) => {
    if (seen.has(member.name)) report(['team', i, 'name'], `\`${member.name}\` is on the team twice; names must be unique`);
    seen.add(member.name);
    if (member.role !== undefined && !roles.includes(member.role)) {
      report(['team', i, 'role'], `role \`${member.role}\` is not a role of scenario \`${scenario.id}\`${suggestion(member.role, roles, 'its roles')}`, 'warning');
    }
  });

  const decisionIds = [...scenario.decisionById.keys()];
  for (const [id, answer] of Object.entries(answers.decisions ?? {})) {
    const decision = scenario.decisionById.get(id);
    if (!decision) {
      report(['decisions', id], `unknown decision \`${id}\` in scenario \`${scenario.id}\`${suggestion(id, decisionIds)}`, 'error', 'key');
      continue;
    }
    const options = decision.options.map((o) => o.id);
    if (answer.choose !== undefined && !options.includes(answer.choose)) {
      report(['decisions', id, 'choose'], `decision \`${id}\` has no option \`${answer.choose}\`${suggestion(answer.choose, options, 'its options')}`);
    }
    checkBy(answer.by, ['decisions', id, 'by']);
    answer.votes?.forEach((v, i) => {
      if (!options.includes(v.choose)) {
        report(['decisions', id, 'votes', i, 'choose'], `decision \`${id}\` has no option \`${v.choose}\`${suggestion(v.choose, options, 'its options')}`);
      }
      if (v.role !== undefined && !roles.includes(v.role)) {
        report(['decisions', id, 'votes', i, 'role'], `role \`${v.role}\` is not a role of scenario \`${scenario.id}\`${suggestion(v.role, roles, 'its roles')}`);
      }
    });
  }

  const actionIds = [...scenario.actionById.keys()];
  answers.actions?.forEach((a, i) => {
    if (!scenario.actionById.has(a.do)) report(['actions', i, 'do'], `unknown action \`${a.do}\` in scenario \`${scenario.id}\`${suggestion(a.do, actionIds)}`);
    checkBy(a.by, ['actions', i, 'by']);
  });
  const lookupIds = [...scenario.lookupById.keys()];
  answers.lookups?.forEach((l, i) => {
    if (!scenario.lookupById.has(l.id)) report(['lookups', i, 'id'], `unknown lookup \`${l.id}\` in scenario \`${scenario.id}\`${suggestion(l.id, lookupIds)}`);
    checkBy(l.by, ['lookups', i, 'by']);
  });
  answers.notes?.forEach((n, i) => checkBy(n.by, ['notes', i, 'by']));
  answers.milestones?.forEach((m, i) => checkBy(m.by, ['milestones', i, 'by']));

  answers.hints?.forEach((h, i) => {
    const target = scenario.injectById.get(h.for) ?? scenario.decisionById.get(h.for);
    if (!target) {
      const ids = [...scenario.injectById.keys(), ...decisionIds];
      report(['hints', i, 'for'], `unknown inject or decision \`${h.for}\` in scenario \`${scenario.id}\`${suggestion(h.for, ids)}`);
    } else if (target.hint === undefined) {
      report(['hints', i, 'for'], `\`${h.for}\` has no \`hint:\` in the scenario, so there is nothing to show; a hint can be shown only for an inject or decision that has one`);
    }
  });

  const factorIds = scenario.factors.map((f) => f.id);
  const checkFactor = (id: string, path: (string | number)[]): void => {
    if (factorIds.includes(id)) return;
    const known = factorIds.length > 0 ? suggestion(id, factorIds, 'planted factors') : '; the scenario plants no factors';
    report(path, `unknown factor \`${id}\`${known}`);
  };
  answers.debrief?.causes?.forEach((c, i) => {
    if (c.factor !== undefined) checkFactor(c.factor, ['debrief', 'causes', i, 'factor']);
    c.factors?.forEach((id, j) => checkFactor(id, ['debrief', 'causes', i, 'factors', j]));
  });
  problems.push(...checkExpectations(answers, scenario, yaml, file));
  return problems;
}
