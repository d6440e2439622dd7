/**
 * Lookups: templates checked at load at their place inside the YAML block, answers rendered from
 * the world at the moment of asking and journaled, `looked()` in conditions, and the library's
 * k8s-shrink answering differently, and correctly, before the shrink, in the herd and after.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioText } from '../../../src/scenario/index.js';
import { loadAnswersFile } from '../../../src/session/answers/answers.js';
import { DrillSession } from '../../../src/session/session.js';
import { playHeadless } from '../../../src/session/headless.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drill } from '../../helpers/load.js';
import type { RecordOf } from '../../../src/engine/records.js';

const HEAD = `id: mini
title: Mini
summary: Lookups.
version: 1
duration: 10m
difficulty: intro
roles: [{id: ops}]
briefing: Look around.
world:
  nodes: {initial: 100, min: 0, max: 100}
  ok: {initial: true}
injects:
  - id: shrink
    channel: terminal
    text: shrunk
    at: 1m
    effects: [{set: nodes, to: 20}]
  - id: nudge
    channel: chat
    text: you looked
    when: looked('nodes-list')
end: {limit: 10m}
debrief:
  factors: [{id: too-few, title: Too few nodes, explanation: x}]
`;

const load = (lookups: string) => loadScenarioText(`${HEAD}lookups:\n${lookups}`, 'mini.yaml');
const problems = (lookups: string) => {
  const loaded = load(lookups);
  // The scenario-wide advice (no branching decision, no impact) is not about lookups.
  return (loaded.ok ? loaded.warnings : loaded.problems).filter((p) => (p.line ?? 0) > 1).map((p) => `${p.line}:${p.col}: ${p.message}`);
};

const NODES = `  - id: nodes-list
    label: kubectl get nodes
    channel: terminal
    takes: 10s
    reveals: [too-few]
    text: |
      {% for i in (1..nodes) limit: 2 %}node-{{ i }} Ready
      {% endfor %}{% if nodes > 2 %}… and {{ nodes | minus: 2 }} more
      {% endif %}{% if ok %}fine{% else %}not fine{% endif %}
`;

describe('lookups at load', () => {
  it('loads a lookup and keeps its template as written', () => {
    const loaded = load(NODES);
    expect(loaded.ok && loaded.scenario.lookups.map((l) => [l.id, l.takesMs, l.reveals])).toEqual([['nodes-list', 10_000, [{ factor: 'too-few' }]]]);
  });

  it('points at an unknown variable inside the block, with a suggestion', () => {
    expect(problems(NODES.replace('{{ nodes | minus: 2 }}', '{{ node | minus: 2 }}'))).toEqual([
      "33:46: unknown variable `node` in the text; a lookup reads the world's variables; did you mean `nodes`?",
    ]);
  });

  it('points at a template syntax error, and refuses include', () => {
    expect(problems(NODES.replace('{% endfor %}', ''))[0]).toMatch(/^32:7: the text does not parse as a template: tag \{% for i in \(1\.\.nodes\) limit: 2 %\} not closed/);
    expect(problems(NODES.replace('fine{% else %}', '{% include "x" %}{% else %}'))[0]).toMatch(/^34:\d+: the text does not parse as a template: .*`include` is not available/);
  });

  it('refuses a text that renders too long at the world’s bounds, and unknown factors and clashing ids', () => {
    const long = NODES.replace('limit: 2 %}', '%}').replace('node-{{ i }} Ready', '{{ "x" | append: "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" }}');
    expect(problems(long)[0]).toMatch(/^\d+:\d+: the text cannot be shown: it renders to \d+ characters, more than the 4000 shown/);
    expect(problems(NODES.replace('[too-few]', '[too-fwe]'))).toEqual(['30:15: `too-fwe` is no factor in `debrief.factors`; did you mean `too-few`?']);
    expect(problems(NODES.replace('id: nodes-list', 'id: shrink')).some((p) => p.includes("`shrink` is already an inject's id"))).toBe(true);
  });

  it('warns about a lookup that can never be made', () => {
    expect(problems(`${NODES}    when: not ok\n`)).toEqual([expect.stringMatching(/^\d+:\d+: this lookup can never be made/)]);
  });
});

describe('lookups in a drill', () => {
  it('answers from the world when asked, after its time, and looked() then holds', () => {
    const loaded = load(NODES);
    if (!loaded.ok) throw new Error('does not load');
    const actor = drill(loaded.scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'LOOKUP', id: 'nodes-list', by: 'Alex', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 61_000, wall: 0 });
    actor.send({ type: 'LOOKUP', id: 'nodes-list', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 80_000, wall: 0 });
    const records = actor.getSnapshot().context.core.records;
    const answers = records.filter((r): r is RecordOf<'lookup-answered'> => r.type === 'lookup-answered');
    expect(answers.map((a) => [a.t, a.by, a.text])).toEqual([
      [10_000, 'Alex', 'node-1 Ready\nnode-2 Ready\n… and 98 more\nfine\n'],
      [71_000, undefined, 'node-1 Ready\nnode-2 Ready\n… and 18 more\nfine\n'],
    ]);
    const nudge = records.find((r) => r.type === 'inject-fired' && r.id === 'nudge');
    expect(nudge?.t).toBe(10_000);
  });

  it('never re-renders a recorded answer: a replayed LOOKUP shows the text it carries', () => {
    const loaded = load(NODES);
    if (!loaded.ok) throw new Error('does not load');
    const actor = drill(loaded.scenario);
    actor.send({ type: 'START', wall: 0 });
    actor.send({ type: 'LOOKUP', id: 'nodes-list', text: 'as shown then', wall: 0 });
    actor.send({ type: 'ADVANCE', to: 20_000, wall: 0 });
    const answered = actor.getSnapshot().context.core.records.find((r) => r.type === 'lookup-answered');
    expect(answered && 'text' in answered && answered.text).toBe('as shown then');
  });
});

/** The answers a library run shows, by lookup id. */
function shownIn(scenario: string, answersFile: string): (id: string) => string[] {
  const loaded = loadScenarioFile(`scenarios/${scenario}.yaml`);
  const answers = loadAnswersFile(`test/answers/${answersFile}`);
  if (!loaded.ok || !answers.ok) throw new Error('does not load');
  const input = { scenario: loaded.scenario, seed: '1', team: answers.answers.team ?? [], mode: 'run' as const, wall: 0 };
  const session = DrillSession.start(input, join(mkdtempSync(join(tmpdir(), 'drill-lookups-')), 'journal.jsonl'), { durable: false });
  const outcome = playHeadless(session, loaded.scenario, answers.answers, 0);
  session.close();
  if (outcome.errors.length) throw new Error(outcome.errors.join('; '));
  const shown = session.records.filter((r): r is RecordOf<'lookup-answered'> => r.type === 'lookup-answered');
  return (id) => shown.filter((r) => r.id === id).map((r) => r.text);
}

describe('slow-third-party answers for itself', () => {
  it('shows the slow ShipQuote call with no timeout, busy workers on every host, and the 504s', () => {
    const of = shownIn('slow-third-party', 'slow-third-party.timeout-fix.yaml');
    expect(of('shipquote-trace')).toEqual([
      'Slowest trace in the last 5 minutes: POST /checkout/shipping\ntotal 16.1 s\n  db: load cart ........................ 12 ms\n  http: POST api.shipquote.example/rates  16.1 s (no timeout set)\n  render ............................... 40 ms\n',
    ]);
    expect(of('web-worker-status')[0]).toContain('web-4  workers 20/32 busy\n… and 2 more hosts, the same\n');
    expect(of('nginx-error-tail')[0]).toContain('19.3% of requests answered 502/504 in the last minute');
  });
});

describe('thundering-herd answers for itself', () => {
  it('shows the sync flood at the edge, the database busy with full scans, and the 504s', () => {
    const of = shownIn('thundering-herd', 'thundering-herd.shed-and-lighten.yaml');
    expect(of('edge-traffic')[0]).toContain('POST /v3/sync        38000/s   ▲ 42x normal\n');
    expect(of('pg-activity')[0]).toMatch(/… and 103 more rows like these\n\(107 rows; CPU 89%\)\n$/);
    expect(of('api-errors')).toEqual([
      'API errors (deliberate sheds excluded): 40%\np99 latency: 6773 ms\nTop error: 504 from /v3/sync and /v3/feed (database statement timeout)\n',
    ]);
  });
});

describe('leaked-credential answers for itself', () => {
  it('counts the outsider’s downloads as they grow and stop, and shows the key going inactive', () => {
    const of = shownIn('leaked-credential', 'leaked-credential.watch-the-attacker.yaml');
    const [before, during, after] = of('cloudtrail-outside-reads');
    expect(before).toContain('185.220.101.47   c-1056/2025-12/payroll.csv\n');
    expect(before).toMatch(/… and 208 more rows\n212 files, all from 185\.220\.101\.47 \(Tor exit\) on Friday 23:15 to 23:58\.\n$/);
    expect(during).toMatch(/91\.92\.250\.19 {5}c-1188\/2025-12\/payroll\.csv\n… and 505 more rows\n509 files: 297 from 91\.92\.250\.19/);
    expect(during).toMatch(/The newest row is seconds old: 91\.92\.250\.19 is still downloading\.\n$/);
    expect(after).toMatch(/… and 713 more rows\n717 files: 505 from 91\.92\.250\.19 \(hosting, NL\) since 10:07, and 212 from 185\.220\.101\.47 \(Tor exit\) on Friday 23:15 to 23:58\.\n$/);
    const [keyBefore, keyAfter] = of('iam-key');
    expect(keyBefore).toContain('AKIAQX4V7EXAMPLE3KD   2021-03-02T09:14:55Z   Active\n');
    expect(keyAfter).toContain('AKIAQX4V7EXAMPLE3KD   2021-03-02T09:14:55Z   Inactive\n');
    expect(keyAfter).not.toContain('deny-unknown-ips');
    expect(of('guardduty-findings').map((text) => text.split('\n')[1])).toEqual([
      'High     Exfiltration:S3/AnomalousBehavior   91.92.250.19     first seen Sat 10:07, still active',
      'High     Exfiltration:S3/AnomalousBehavior   91.92.250.19     first seen Sat 10:07',
    ]);
    expect(of('leak-commits')[0]).toContain('5e0a9c3  2026-01-13T16:40:31Z  add .env for local runs against the prod bucket\n');
  });
});

describe('zone-loss answers for itself', () => {
  it('shows the targets, the database and the bastion before the zone goes, while it is out, and after fixes', () => {
    const of = shownIn('zone-loss', 'zone-loss.looks-first.yaml');
    const summaries = of('alb-targets').map((text) => text.trimEnd().split('\n').at(-1));
    expect(summaries).toEqual(['(12 healthy)', '(8 healthy, 4 unhealthy)', '(16 healthy)']);
    expect(of('alb-targets')[1]).toContain('i-0b93d2f0e8c1a5702   eu-west-1b   unhealthy   Target.Timeout\n… and 2 more unhealthy in eu-west-1b\n');
    expect(of('alb-targets')[2]).toContain('… and 6 more healthy in eu-west-1c\n');
    expect(of('alb-targets')[2]).not.toContain('eu-west-1b');
    const [stale, rebooting, healthy] = of('app-db-connection');
    expect(stale).toContain('available   eu-west-1a   eu-west-1b\n');
    expect(stale).toContain('{"status":"DOWN","details":{"error":"PSQLException: Connection to 10.20.2.14:5432 refused."}}\n');
    expect(rebooting).toContain('rebooting   eu-west-1a   eu-west-1b\n');
    // The rolling restart takes 3m and has not landed at 8m: the app still dials the old address.
    expect(rebooting).toContain('Connection to 10.20.2.14:5432 refused.');
    expect(healthy).toContain('{"status":"UP","details":{"database":"PostgreSQL","validationQuery":"isValid()"}}\n');
    expect(of('bastion-check').map((text) => text.trimEnd().split('\n').at(-1))).toEqual([
      '/usr/local/bin/chaos',
      'ssh: connect to host bastion-1.ops.cobble.internal port 22: Operation timed out',
    ]);
    expect(of('booking-dashboard')).toEqual([
      'booking-api, right now\nPOST /bookings errors   17.1%   (above the 2% stop line)\np99 latency             1130 ms\nApp CPU                 77% (zones a and c)\nTop error               PSQLException: Connection to cobble-db:5432 refused.\n',
      'booking-api, right now\nPOST /bookings errors   100.0%   (above the 2% stop line)\np99 latency             1400 ms\nApp CPU                 88% (zones a and c)\nTop error               PSQLException: Connection to cobble-db:5432 refused.\n',
    ]);
  });
});

describe('latency-slo answers for itself', () => {
  it('shows the objective, the long statements and the deploys before and after the fixes', () => {
    const of = shownIn('latency-slo', 'latency-slo.declare-and-fix.yaml');
    expect(of('latency-panel').map((text) => text.split('\n').slice(0, 3).join('\n'))).toEqual([
      'Requests under 500 ms, last 5 min   99.00%   (below the 99.5% line agreed last Monday)\nBudget burn rate, last 5 min        2.0x   (1.0x spends the 28-day budget in exactly 28 days)\np99 latency                         1130 ms',
      'Requests under 500 ms, last 5 min   98.90%   (below the 99.5% line agreed last Monday)\nBudget burn rate, last 5 min        2.2x   (1.0x spends the 28-day budget in exactly 28 days)\np99 latency                         1330 ms',
    ]);
    const [quiet, meeting] = of('pg-long-queries');
    expect(quiet?.endsWith('-\napi       | /* tenant=megamart */ SELECT … FROM orders WHERE tenant_id = $1 AND …\n(1 row)\n')).toBe(true);
    expect(meeting).toContain("metabase  | SELECT date_trunc('week', o.created_at), t.name, sum(li.amount) …\n… and 11 more metabase rows like these\n");
    expect(meeting).toMatch(/\(15 rows\)\n$/);
    const [tuesday, today] = of('deploy-history');
    expect(tuesday).not.toContain('today');
    expect(today).toContain('today      4.18.1  cachely defaultTTL set to 3600\n');
    expect(today?.endsWith('Tue 16:40  on   all tenants (with 4.18.0)\ntoday      off  all tenants\n')).toBe(true);
  });
});

describe('k8s-shrink answers for itself', () => {
  it('gives the nodes list and the registry dashboard before the shrink, in the herd and after recovery', () => {
    const loaded = loadScenarioFile('scenarios/k8s-shrink.yaml');
    const answers = loadAnswersFile('test/answers/k8s-shrink.rollback.yaml');
    if (!loaded.ok || !answers.ok) throw new Error('does not load');
    const input = { scenario: loaded.scenario, seed: '1', team: answers.answers.team ?? [], mode: 'run' as const, wall: 0 };
    const session = DrillSession.start(input, join(mkdtempSync(join(tmpdir(), 'drill-lookups-')), 'journal.jsonl'), { durable: false });
    const outcome = playHeadless(session, loaded.scenario, answers.answers, 0);
    session.close();
    expect(outcome.errors).toEqual([]);
    const shown = session.records.filter((r): r is RecordOf<'lookup-answered'> => r.type === 'lookup-answered');
    const of = (id: string) => shown.filter((r) => r.id === id).map((r) => r.text);
    const [nodesBefore, nodesHerd, nodesAfter] = of('get-nodes');
    expect(nodesBefore).toContain('… and 95 more Ready\n');
    expect(nodesBefore).toMatch(/ {4}100 Ready\n$/);
    expect(nodesHerd).toMatch(/ {5}20 Ready\n {5}80 NotReady\n$/);
    expect(nodesAfter).toMatch(/ {5}70 Ready\n$/);
    const [registryBefore, registryHerd, registryAfter] = of('registry-panel');
    expect(registryBefore).toContain('Pull load         12% of what it can serve\nStatus            healthy');
    expect(registryHerd).toContain('Status            OVERLOADED: pulls answered 503 Service Unavailable\n5xx ratio         59% of pulls failing');
    expect(registryAfter).toContain('Pull load         20% of what it can serve\nStatus            healthy');
    expect(nodesBefore).toBe(
      [
        '$ kubectl get nodes',
        'NAME                           STATUS     ROLES    AGE   VERSION',
        ...[1, 2, 3, 4, 5].map((i) => `${`ip-10-42-3-${i}.ec2.internal`.padEnd(30)} Ready      <none>   41d   v1.27.9-eks-5e0fdde`),
        '… and 95 more Ready',
        "$ kubectl get nodes --no-headers | awk '{print $2}' | sort | uniq -c",
        '    100 Ready',
        '',
      ].join('\n'),
    );
    // What each answer showed is judged as it was asked and kept with it: the healthy registry and
    // the full nodes list before the shrink show no cause; the overloaded registry shows two.
    const asked = session.records.filter((r): r is RecordOf<'lookup-asked'> => r.type === 'lookup-asked');
    const shows = (id: string) => asked.filter((r) => r.id === id).map((r) => r.reveals ?? []);
    expect(shows('registry-panel')).toEqual([[], ['registry-not-built-for-herds', 'no-registry-saturation-alert'], []]);
    expect(shows('get-nodes')).toEqual([[], ['scale-sh-target-not-delta'], []]);
  });
});

describe('templates that go wrong never hang a drill', () => {
  it('cuts a runaway loop or a huge text with a marker instead of rendering it', async () => {
    const { parseTemplate, renderTemplate } = await import('../../../src/template/index.js');
    const runaway = parseTemplate('{% for i in (1..n) %}{% for j in (1..n) %}x{% endfor %}{% endfor %}');
    if (!runaway.ok) throw new Error('does not parse');
    const stopped = renderTemplate(runaway.template, { n: 100_000 });
    expect(stopped.text).toMatch(/^\[this lookup could not be shown: .*limit exceeded\]$/);
    const huge = parseTemplate('{% for i in (1..n) %}row {{ i }}\n{% endfor %}');
    if (!huge.ok) throw new Error('does not parse');
    const cut = renderTemplate(huge.template, { n: 600 });
    expect(cut.text).toMatch(/\n\[… cut: it renders to \d+ characters, more than the 4000 shown\]$/);
    expect(cut.text.length).toBeLessThan(4_100);
  });
});
