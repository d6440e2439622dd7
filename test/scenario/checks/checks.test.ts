import { describe, expect, it } from 'vitest';
import { at, edit, errorLines, fixtureText, warningLines } from '../../helpers/problem-lines.js';

// A valid scenario with no warnings; each test breaks one thing and expects exactly that error.
const SMALL = fixtureText('small.yaml');

describe('the fixture', () => {
  it('is valid and draws no warnings, so every problem below comes from its edit', () => {
    expect(errorLines(SMALL)).toEqual([]);
    expect(warningLines(SMALL)).toEqual([]);
  });
});

describe('duplicate ids', () => {
  it('injects, decisions and actions share one namespace', () => {
    const text = edit(SMALL, ['  - id: grow-volume', '  - id: vp-asks'], ["not done('grow-volume')", "not done('vp-asks')"]);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'id: vp-asks\n    label', 4)}: duplicate id \`vp-asks\`: the inject on line ${at(text, 'id: vp-asks').split(':')[0]} already uses it (injects, decisions and actions share one set of ids, since \`after:\` can name any); rename one`,
    ]);
  });

  it('option ids are unique within their decision', () => {
    const text = edit(SMALL, ['      - id: wait', '      - id: rotate-logs'], ['default: wait', 'default: rotate-logs']);
    const [line] = at(text, 'id: rotate-logs').split(':');
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'id: rotate-logs\n        label: Wait', 4)}: duplicate id \`rotate-logs\`: the option on line ${line} already uses it; rename one`,
    ]);
  });
});

describe('unknown references', () => {
  it('`after` must name an inject, decision or action, with a suggestion', () => {
    const text = edit(SMALL, ['after: triage', 'after: traige']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'traige')}: \`after\` names \`traige\`, which is no inject, decision or action; did you mean \`triage\`?`,
    ]);
  });

  it('`fire` must name injects, and says when a decision belongs under `open`', () => {
    const text = edit(SMALL, ['    milestone: detected\n', '    milestone: detected\n    fire: [triage, vp-askz]\n']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, '[triage', 1)}: \`triage\` is a decision; decisions are opened — move it to \`open:\``,
      `t.yaml:${at(text, 'vp-askz')}: unknown inject \`vp-askz\` in \`fire\`; did you mean \`vp-asks\`?`,
    ]);
  });

  it('`open` must name decisions', () => {
    const text = edit(SMALL, ['        milestone: mitigated\n', '        milestone: mitigated\n        open: [disk-alert, nothing-like-it]\n']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, '[disk-alert', 1)}: \`disk-alert\` is an inject; injects are fired — move it to \`fire:\``,
      `t.yaml:${at(text, 'nothing-like-it')}: unknown decision \`nothing-like-it\` in \`open\`; known: triage`,
    ]);
  });

  it('`cancel` must name injects or decisions, not actions', () => {
    const text = edit(SMALL, ['    once: true\n', '    once: true\n    cancel: [grow-volume, vp-ask]\n']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, '[grow-volume', 1)}: \`grow-volume\` is an action; only injects and decisions can be cancelled`,
      `t.yaml:${at(text, 'vp-ask]')}: unknown inject or decision \`vp-ask\` in \`cancel\`; did you mean \`vp-asks\`?`,
    ]);
  });

  it('effects must name world variables', () => {
    const text = edit(SMALL, ['{add: disk_pct, by: -30}', '{add: disk_pc, by: -30}']);
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, 'disk_pc,')}: unknown variable \`disk_pc\`; did you mean \`disk_pct\`?`]);
  });

  it('`default` must name one of the decision’s options', () => {
    const text = edit(SMALL, ['default: wait', 'default: wiat']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'wiat')}: \`default: wiat\` is not an option of decision \`triage\`; did you mean \`wait\`?`,
    ]);
  });

  it('a decision’s `role` and an inject’s `audience` must be declared roles', () => {
    const text = edit(SMALL, ['    role: incident-commander', '    role: sre'], ['audience: incident-commander', 'audience: incident-comander']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'incident-comander')}: unknown role \`incident-comander\`; did you mean \`incident-commander\`?`,
      `t.yaml:${at(text, 'sre')}: unknown role \`sre\`; roles: incident-commander, ops`,
    ]);
  });

  it('names inside conditions are checked, at their exact column', () => {
    const text = edit(SMALL, ['when: disk_pct >= 99', 'when: disk_pcnt >= 99'], ["decided('triage')", "decided('triag')"]);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'disk_pcnt')}: unknown variable \`disk_pcnt\`; did you mean \`disk_pct\`?`,
      `t.yaml:${at(text, "'triag'")}: unknown decision 'triag' in decided(); did you mean \`triage\`?`,
    ]);
  });
});

describe('conditions that surely do not mean what they say', () => {
  it('warn when a milestone, and so the end, already holds when the drill starts', () => {
    const text = edit(SMALL, ["resolved: reached('mitigated') and disk_pct < 80", 'resolved: disk_pct < 80']);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, 'disk_pct < 80 and writes_ok')}: warning: milestone \`resolved\` holds when the drill starts (\`disk_pct < 80 and writes_ok\`), so it is reached at T+00:00; make it wait for what the team must do, e.g. \`fired(...)\` or \`reached('mitigated')\``,
      `t.yaml:${at(text, "reached('resolved')")}: warning: \`end.when\` holds when the drill starts (\`reached('resolved')\`), so the drill ends at T+00:00; make it wait for the fix`,
    ]);
  });

  it('warn when the clock is compared with a number without a unit', () => {
    const text = edit(SMALL, ['    after: triage\n    delay: 1m\n', '    when: time >= 600\n']);
    expect(errorLines(text)).toEqual([]);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, '600')}: warning: \`time\` is compared with 600, which is 0.6s (time is in milliseconds); write a duration with its unit; did you mean 10m?`,
    ]);
  });
});

describe('conditions that do not parse', () => {
  it('are reported alone: an inject whose `when:` did not parse is not also one that can never fire', () => {
    const text = edit(SMALL, ['when: disk_pct >= 99', 'when: disk_pct >= (99']);
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, '(99', 3)}: expected \`)\` to close \`(\` opened at column 13, but the condition ends`]);
  });

  it('point at the column inside the condition', () => {
    const text = edit(SMALL, ['and disk_pct < 80 and writes_ok', 'and disk_pct < 80 and writes_ok)']);
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, 'writes_ok)', 9)}: unmatched \`)\`; remove it or add a \`(\` before it`]);
  });

  it('count columns inside double-quoted, single-quoted and block scalars', () => {
    const text = edit(
      SMALL,
      ['down: not writes_ok', 'down: "not writes_ok = true"'],
      ['degraded: disk_pct > 90', "degraded: 'disk_pct >> 90'"],
      ['  when: reached(\'resolved\')', "  when: |\n    reached('resolved') or\n    (time > 10m"],
    );
    const lines = errorLines(text);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^t\\.yaml:${at(text, '= true')}: `));
    expect(lines[1]).toMatch(new RegExp(`^t\\.yaml:${at(text, '>> 90', 1)}: `));
    // The block scalar's error is at the end of its text (the missing `)`), on its last line.
    expect(lines[2]).toMatch(new RegExp(`^t\\.yaml:${at(text, '(time > 10m', 11)}: .*\\)`));
  });
});

describe('effect types', () => {
  it('rejects add/ramp on true/false variables and values of the wrong type', () => {
    const text = edit(
      SMALL,
      ['{set: writes_ok, to: false}', '{add: writes_ok, by: 1}'],
      ['{ramp: disk_pct, to: 50, over: 2m}', '{ramp: writes_ok, to: 50, over: 2m}'],
      ['{set: writes_ok, to: true}', '{set: disk_pct, to: true}'],
      ['{add: disk_pct, by: -30}', '{set: writes_ok, to: 0}'],
    );
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'writes_ok, by')}: \`add\` needs a number, but \`writes_ok\` is true/false; write \`{set: writes_ok, to: true}\` (or false)`,
      `t.yaml:${at(text, 'to: 0}', 4)}: \`writes_ok\` is true/false; set it to true or false, not \`0\``,
      `t.yaml:${at(text, 'writes_ok, to: 50')}: \`ramp\` needs a number, but \`writes_ok\` is true/false; write \`{set: writes_ok, to: true}\` (or false)`,
      `t.yaml:${at(text, 'disk_pct, to: true}', 14)}: \`disk_pct\` is a number; set it to a number, not \`true\``,
    ]);
  });
});

describe('triggers', () => {
  it('allows at most one of at / after / when', () => {
    const text = edit(SMALL, ['    at: 2m\n', '    at: 2m\n    when: disk_pct > 75\n']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'when: disk_pct > 75')}: inject \`disk-alert\` has both \`at\` and \`when\`; it happens on one trigger (at, after or when) — keep one`,
    ]);
  });

  it('allows `delay` only with `after`', () => {
    const text = edit(SMALL, ['    at: 3m\n', '    at: 3m\n    delay: 1m\n']);
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, 'delay: 1m\n    timeout')}: \`delay\` only applies with \`after:\`; add \`after: <id>\` or remove \`delay\``]);
  });

  it('needs `default` when a decision times out', () => {
    const text = edit(SMALL, ['    default: wait\n', '']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'timeout: 2m')}: a decision that times out needs \`default:\`, the option taken when nobody decides`,
    ]);
  });

  it('warns when something is scheduled after the drill has ended', () => {
    const text = edit(SMALL, ['    at: 3m\n', '    at: 25m\n']);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, '25m')}: warning: opens after the drill has ended (at 25m, but \`end.limit\` is 20m); move it earlier or raise the limit`,
    ]);
  });
});

describe('reachability', () => {
  it('names an `after` cycle', () => {
    // vp-asks already comes after triage; making triage come after vp-asks closes the loop.
    const text = edit(SMALL, ['    at: 3m\n', '    after: vp-asks\n']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'after: triage', 7)}: \`after\` goes round in a cycle: vp-asks → triage → vp-asks; none of them can start the others — give one of them \`at:\` or \`when:\` instead`,
    ]);
  });

  it('reports an inject nothing fires', () => {
    const text = edit(SMALL, ['    after: triage\n    delay: 1m\n', '']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'vp-asks', 0)}: inject \`vp-asks\` can never fire: nothing fires it and it has no at/after/when`,
    ]);
  });

  it('reports a decision nothing opens, and what comes only after it', () => {
    const text = edit(SMALL, ['    at: 3m\n', '']);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'vp-asks')}: inject \`vp-asks\` can never fire: it comes after \`triage\`, which never happens`,
      `t.yaml:${at(text, 'id: triage', 4)}: decision \`triage\` can never open: nothing opens it and it has no at/after/when`,
    ]);
  });

  it('counts firing by an action or an option as reachable', () => {
    const text = edit(SMALL, ['    at: 3m\n', ''], ['    once: true\n', '    once: true\n    open: [triage]\n']);
    expect(errorLines(text)).toEqual([]);
  });

  it('rejects an end condition that depends only on things that never happen', () => {
    const orphan = "  - id: orphan\n    channel: note\n    text: Nobody fires this.\ndecisions:\n";
    const text = edit(SMALL, ['decisions:\n', orphan], ["  when: reached('resolved')", "  when: fired('orphan')"]);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'id: orphan', 4)}: inject \`orphan\` can never fire: nothing fires it and it has no at/after/when`,
      `t.yaml:${at(text, "fired('orphan')")}: \`end.when\` can never become true (\`orphan\` never fires), so the drill always runs to \`end.limit\`; make it depend on something that happens`,
    ]);
  });

  it('rejects an end condition on a variable nothing changes', () => {
    const text = edit(SMALL, ["  when: reached('resolved')", '  when: writes_ok']);
    expect(errorLines(text)).toEqual([]); // writes_ok is set by injects and an action
    const frozen = edit(SMALL, ['  writes_ok: {initial: true}\n', '  writes_ok: {initial: true}\n  region_up: {initial: true}\n'], ["  when: reached('resolved')", '  when: region_up']);
    expect(errorLines(frozen)).toEqual([
      `t.yaml:${at(frozen, 'region_up\n')}: \`end.when\` is already true when the drill starts (nothing changes \`region_up\`), so the drill would end at once`,
    ]);
  });
});

describe('conditions that can never change', () => {
  it('warns about a `when` that depends only on things that never happen', () => {
    const orphan = "  - id: orphan\n    channel: note\n    text: Nobody fires this.\n    fire: [vp-asks]\n  - id: echo\n    channel: note\n    text: Echo.\n    when: fired('orphan')\ndecisions:\n";
    const text = edit(SMALL, ['decisions:\n', orphan]);
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'id: orphan', 4)}: inject \`orphan\` can never fire: nothing fires it and it has no at/after/when`,
    ]);
    expect(warningLines(text)).toEqual([
      `t.yaml:${at(text, "fired('orphan')")}: warning: this \`when\` can never become true (\`orphan\` never fires), so this never happens`,
    ]);
  });
});

describe('conditions refused by the checker', () => {
  it('draw no follow-on reachability error for what a computed argument reads', () => {
    const text = edit(SMALL, ['  writes_ok: {initial: true}\n', '  writes_ok: {initial: true}\n  region_up: {initial: true}\n'], ["  when: reached('resolved')", '  when: fired(region_up)']);
    expect(errorLines(text)).toEqual([`t.yaml:${at(text, 'region_up)')}: write the inject id in quotes: fired('region_up')`]);
  });
});

describe('world variables', () => {
  it('refuses names conditions cannot spell (schema) and words of the language (checks)', () => {
    const text = edit(SMALL, ['  writes_ok: {initial: true}\n', '  writes_ok: {initial: true}\n  time: {initial: 1}\n  error-rate: {initial: 0}\n']);
    const rule = 'write a variable name of letters, digits and _ (not `time`, which is built in), e.g. error_rate';
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'time:')}: \`time\` is not a valid name in \`world\`; ${rule}`,
      `t.yaml:${at(text, 'error-rate')}: \`error-rate\` is not a valid name in \`world\`; ${rule}`,
    ]);
    const keyword = edit(SMALL, ['  writes_ok: {initial: true}\n', '  writes_ok: {initial: true}\n  not: {initial: 1}\n']);
    expect(errorLines(keyword)).toEqual([
      `t.yaml:${at(keyword, 'not: {')}: \`not\` is a word of the condition language; give the variable another name`,
    ]);
  });

  it('rejects contradicting bounds and min/max on true/false variables; warns on a clamped start', () => {
    const text = edit(
      SMALL,
      ['  writes_ok: {initial: true}\n', '  writes_ok: {initial: true, max: 1}\n  queue: {initial: 0, min: 10, max: 5}\n  load: {initial: 120, max: 100}\n'],
    );
    expect(errorLines(text)).toEqual([
      `t.yaml:${at(text, 'max: 1}')}: \`max\` applies to numbers, but \`writes_ok\` is true/false; remove it`,
      `t.yaml:${at(text, 'min: 10')}: \`min\` (10) is above \`max\` (5); swap them`,
    ]);
    const clamped = edit(SMALL, ['  writes_ok: {initial: true}\n', '  writes_ok: {initial: true}\n  load: {initial: 120, max: 100}\n']);
    expect(warningLines(clamped)).toEqual([
      `t.yaml:${at(clamped, 'initial: 120')}: warning: \`initial\` (120) is outside min/max, so it starts clamped; change one of them`,
    ]);
  });
});

describe('weak-scenario warnings', () => {
  it('warn without failing: no factors, no branch, no timeout, empty text, no impact', () => {
    const text = edit(
      SMALL,
      ['      - id: wait\n        label: Wait and watch\n', ''],
      ['    timeout: 2m\n    default: wait\n', ''],
      ['text: The VP wants an update.', "text: ''"],
      ['impact:\n  down: not writes_ok\n  degraded: disk_pct > 90\n', ''],
      [SMALL.slice(SMALL.indexOf('debrief:')), 'debrief:\n  questions: [What surprised you?]\n'],
    );
    expect(errorLines(text)).toEqual([]);
    expect(warningLines(text)).toEqual([
      `t.yaml:1:1: warning: no \`impact.down\` or \`impact.degraded\` condition, so the report cannot give minutes of outage or degradation; add one`,
      `t.yaml:${at(text, "''")}: warning: inject \`vp-asks\` has empty \`text:\`; write what the team sees`,
      `t.yaml:${at(text, 'decisions:')}: warning: no decision offers two or more options, so the drill cannot branch; give the team a real choice`,
      `t.yaml:${at(text, 'id: triage', 4)}: warning: decision \`triage\` has no \`timeout:\`, so the team can stall it forever; add \`timeout:\` and \`default:\` (no decision is a decision)`,
      // "resolved" waits for "mitigated" in this fixture, so nothing holds before the incident even without impact.
      `t.yaml:${at(text, 'debrief:')}: warning: no contributing factors planted (\`debrief.factors\`); plant several, and a red herring, so the debrief can compare what the team found`,
    ]);
  });
});

describe('text cut short by a comment', () => {
  it('warns where an unquoted value runs into `#word`, and not for quoted text or real comments', async () => {
    const { loadScenarioText } = await import('../../../src/scenario/index.js');
    const { readFileSync } = await import('node:fs');
    const base = readFileSync(new URL('../../fixtures/small.yaml', import.meta.url), 'utf8');
    const text = base
      .replace(/^title: .*$/m, 'title: Ask Dana in #ops now')
      .replace(/^summary: .*$/m, 'summary: "quoted #text is whole"  # a real comment')
      .replace(/^briefing: .*$/m, 'briefing: |\n  Omar: put it in #ops next time\n  - note: see #123');
    const loaded = loadScenarioText(text, 'cut.yaml');
    const all = loaded.ok ? loaded.warnings : loaded.problems;
    const cut = all.filter((p) => p.message.includes('starts a YAML comment'));
    expect(cut).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    expect(cut[0]).toMatchObject({ line, col: 'title: Ask Dana in #'.length, severity: 'warning' });
    expect(cut[0]!.message).toContain('`#ops`');
  });
});

describe('conditions that hold before anything has gone wrong', () => {
  const warning = (text: string, path: string, what: string): string =>
    `t.yaml:${at(text, path)}: warning: ${what} already holds before anything has gone wrong (the world as it starts, with "detected" marked), so the drill could end at once; make it depend on the incident (a variable its impact changes, or \`fired('…')\`)`;

  it('an end that a slip of "detected" would satisfy is warned about', () => {
    const text = edit(SMALL, ["  when: reached('resolved')", "  when: reached('detected') and disk_pct < 80"]);
    expect(warningLines(text)).toEqual([warning(text, "reached('detected') and disk_pct < 80", '`end.when`')]);
  });

  it('a milestone condition true in the starting world is warned about', () => {
    const text = edit(SMALL, ["  acknowledged: decided('triage')", '  acknowledged: writes_ok']);
    expect(warningLines(text)).toEqual([warning(text, 'writes_ok\n', 'milestone `acknowledged`')]);
  });

  it('resolved waits for the first impact, so only a scenario with no impact and no `starts_incident` is warned', () => {
    const text = edit(
      SMALL,
      ['impact:\n  down: not writes_ok\n  degraded: disk_pct > 90\n', ''],
      ["resolved: reached('mitigated') and disk_pct < 80 and writes_ok", 'resolved: disk_pct < 80 and writes_ok'],
    );
    expect(warningLines(text)).toContain(warning(text, 'disk_pct < 80 and writes_ok', 'milestone `resolved`'));
    const marked = edit(text, ['    milestone: detected\n    hint:', '    milestone: detected\n    starts_incident: true\n    hint:']);
    expect(warningLines(marked).filter((w) => w.includes('before anything'))).toEqual([]);
  });
});
