/**
 * Where each branch of the scenario library ends: one entry per answers file in test/answers/,
 * read against its journal when the branch was written (seed 1, start 2026-01-15T14:00:00Z).
 * `test/scenarios.test.ts` plays every answers file and compares. To add a branch, write its
 * answers file, play it, read the journal until you agree with it, and add its outcome here.
 */

/** How a branch ends, in the terms a scenario author checks. Times are scenario time, mm:ss. */
export interface Outcome {
  /** `condition at 29:00` or `limit at 60:00`. */
  ended: string;
  /** Decision → the option taken; `(timeout)` marks a default taken on timeout. */
  choices: Record<string, string>;
  /** Milestone → when it was first reached. */
  milestones: Record<string, string>;
  /** Minutes of `impact.down` and of `impact.degraded` (not down). */
  downMin: number;
  degradedMin: number;
  /** Each chance inject that came due → whether its draw let it happen. */
  draws: Record<string, 'fired' | 'skipped'>;
}

/** Answers file → where its branch ends. The comment atop each answers file says what the branch is. */
export const EXPECTED: Record<string, Outcome> = {
  'k8s-shrink.all-at-once.yaml': {
    ended: 'condition at 36:00',
    choices: { 'first-response': 'find-the-change', 'batch-size': 'all-at-once', 'status-wording': 'capacity-cause', 'declare-mitigated': 'wait-for-numbers' },
    milestones: { started: '00:20', detected: '02:00', acknowledged: '02:25', mitigated: '28:00', resolved: '36:00' },
    downMin: 18.5,
    degradedMin: 8.4,
    draws: { 'registry-replica-crash': 'fired' },
  },
  'k8s-shrink.freeze-first.yaml': {
    ended: 'condition at 29:00',
    choices: { 'first-response': 'find-the-change', 'batch-size': 'five', 'status-wording': 'investigating', 'declare-mitigated': 'wait-for-numbers' },
    milestones: { started: '00:20', detected: '02:00', acknowledged: '02:25', mitigated: '21:00', resolved: '29:00' },
    downMin: 11.5,
    degradedMin: 8.4,
    draws: {},
  },
  'k8s-shrink.restart-pods.yaml': {
    ended: 'condition at 52:00',
    choices: { 'first-response': 'restart-api', 'status-wording': 'say-nothing (timeout)', 'stop-the-herd': 'restart-registry', 'batch-size': 'twenty (timeout)', 'declare-mitigated': 'declare-now' },
    milestones: { started: '00:20', detected: '02:00', acknowledged: '02:25', mitigated: '39:00', resolved: '52:00' },
    downMin: 33,
    degradedMin: 9.9,
    draws: { 'registry-replica-crash': 'fired', 'customer-escalation': 'fired' },
  },
  'k8s-shrink.rollback.yaml': {
    ended: 'condition at 48:00',
    choices: { 'first-response': 'rollback', 'status-wording': 'investigating', 'stop-the-herd': 'scale-registry', 'batch-size': 'five', 'declare-mitigated': 'wait-for-numbers (timeout)' },
    milestones: { started: '00:20', detected: '02:00', acknowledged: '02:25', mitigated: '40:00', resolved: '48:00' },
    downMin: 30.5,
    degradedMin: 8.4,
    draws: { 'registry-replica-crash': 'fired' },
  },
  'latency-slo.declare-and-fix.yaml': {
    ended: 'condition at 14:30',
    choices: { 'is-it-an-incident': 'declare', 'status-for-slowness': 'post-degraded', 'first-fix': 'flag-off-enrichment' },
    milestones: { detected: '01:00', acknowledged: '03:00', mitigated: '05:30', resolved: '14:30' },
    downMin: 0,
    degradedMin: 14.5,
    draws: { 'customer-tweet': 'fired' },
  },
  'latency-slo.loosen-then-flush.yaml': {
    ended: 'condition at 40:00',
    choices: { 'is-it-an-incident': 'loosen-objective', 'escalation-response': 'declare-now', 'status-for-slowness': 'outages-only', 'first-fix': 'flush-cache' },
    milestones: { detected: '01:00', acknowledged: '11:00', mitigated: '40:00', resolved: '40:00' },
    downMin: 3,
    degradedMin: 37,
    draws: { 'customer-tweet': 'fired' },
  },
  'latency-slo.rollback.yaml': {
    ended: 'condition at 19:30',
    choices: { 'is-it-an-incident': 'declare', 'status-for-slowness': 'post-degraded', 'first-fix': 'rollback-4-18' },
    milestones: { detected: '01:00', acknowledged: '04:00', mitigated: '19:30', resolved: '19:30' },
    downMin: 1,
    degradedMin: 18.5,
    draws: { 'customer-tweet': 'fired' },
  },
  'latency-slo.ticket-then-escalation.yaml': {
    ended: 'condition at 27:30',
    choices: { 'is-it-an-incident': 'backlog-ticket', 'escalation-response': 'declare-now', 'status-for-slowness': 'outages-only (timeout)', 'first-fix': 'raise-pool (timeout)' },
    milestones: { detected: '01:00', acknowledged: '12:00', mitigated: '19:30', resolved: '27:30' },
    downMin: 2,
    degradedMin: 25.5,
    draws: { 'customer-tweet': 'fired', 'too-many-connections': 'fired' },
  },
  'leaked-credential.deactivate-now.yaml': {
    ended: 'condition at 12:00',
    choices: { containment: 'deactivate-now', disclosure: 'wait-for-forensics (timeout)', 'public-statement': 'deny-access' },
    milestones: { detected: '00:30', acknowledged: '02:00', mitigated: '02:00', resolved: '12:00' },
    downMin: 0,
    degradedMin: 10,
    draws: {},
  },
  'leaked-credential.deny-then-rotate.yaml': {
    ended: 'condition at 17:00',
    choices: { containment: 'deny-unknown-ips', disclosure: 'notify-customers-now', 'public-statement': 'confirm-investigating' },
    milestones: { detected: '00:30', acknowledged: '01:30', mitigated: '02:30', resolved: '17:00' },
    downMin: 0,
    degradedMin: 0,
    draws: { 'journalist-email': 'fired' },
  },
  'leaked-credential.rotate-first.yaml': {
    ended: 'condition at 28:30',
    choices: { containment: 'rotate-first', disclosure: 'regulator-first', 'public-statement': 'confirm-investigating' },
    milestones: { detected: '00:30', acknowledged: '01:30', mitigated: '28:30', resolved: '28:30' },
    downMin: 21.5,
    degradedMin: 0,
    draws: { 'journalist-email': 'fired' },
  },
  'leaked-credential.watch-the-attacker.yaml': {
    ended: 'condition at 24:00',
    choices: { containment: 'watch-attacker', disclosure: 'regulator-first', 'public-statement': 'no-comment (timeout)' },
    milestones: { detected: '00:30', acknowledged: '02:30', mitigated: '15:30', resolved: '24:00' },
    downMin: 8.5,
    degradedMin: 8.5,
    draws: { 'journalist-email': 'fired' },
  },
  'slow-third-party.fail-fast.yaml': {
    ended: 'condition at 15:23',
    choices: { 'stop-the-bleeding': 'block-egress', 'status-page': 'investigating', 'first-response': 'wait-and-watch (timeout)', 'timeout-value': 'thirty-seconds (timeout)' },
    milestones: { started: '01:00', detected: '02:02', acknowledged: '02:25', mitigated: '05:22', resolved: '15:23' },
    downMin: 1.9,
    degradedMin: 12.1,
    draws: { 'shipquote-tweet': 'fired' },
  },
  'slow-third-party.more-workers.yaml': {
    ended: 'condition at 16:53',
    choices: { 'first-response': 'look-inside-a-worker', 'stop-the-bleeding': 'more-workers', 'status-page': 'investigating', 'timeout-value': 'two-seconds' },
    milestones: { started: '01:00', detected: '02:02', acknowledged: '02:35', mitigated: '10:56', resolved: '16:53' },
    downMin: 6.8,
    degradedMin: 8.7,
    draws: { 'oom-kill': 'fired', 'shipquote-tweet': 'fired' },
  },
  'slow-third-party.red-herring.yaml': {
    ended: 'condition at 39:58',
    choices: { 'first-response': 'restart-gunicorn', 'status-page': 'blame-vendor', 'stop-the-bleeding': 'wait-for-shipquote' },
    milestones: { started: '01:00', detected: '02:02', acknowledged: '02:45', mitigated: '39:36', resolved: '39:58' },
    downMin: 32.9,
    degradedMin: 5.9,
    draws: { 'shipquote-tweet': 'fired' },
  },
  'slow-third-party.timeout-fix.yaml': {
    ended: 'condition at 11:09',
    choices: { 'first-response': 'look-inside-a-worker', 'stop-the-bleeding': 'add-timeout', 'status-page': 'investigating', 'timeout-value': 'two-seconds' },
    milestones: { started: '01:00', detected: '02:02', acknowledged: '02:25', mitigated: '10:46', resolved: '11:09' },
    downMin: 7.3,
    degradedMin: 2.6,
    draws: {},
  },
  'thundering-herd.ddos-then-shed.yaml': {
    ended: 'condition at 28:12',
    choices: { 'first-move': 'attack-mode', 'status-wording': 'ddos-claim', 'retry-after': 'fixed-300 (timeout)', 'make-sync-cheaper': 'not-now', 'hunt-or-fix': 'keep-hunting (timeout)' },
    milestones: { started: '01:00', detected: '01:50', acknowledged: '02:45', mitigated: '20:56', resolved: '28:12' },
    downMin: 7.5,
    degradedMin: 12.7,
    draws: { 'fcm-status': 'fired' },
  },
  'thundering-herd.flag-only.yaml': {
    ended: 'condition at 25:24',
    choices: { 'first-move': 'let-autoscaler-work (timeout)', 'status-wording': 'syncing-delayed', 'make-sync-cheaper': 'flip-delta-only', 'hunt-or-fix': 'park-the-hunt' },
    milestones: { started: '01:00', detected: '01:50', acknowledged: '02:15', mitigated: '23:04', resolved: '25:24' },
    downMin: 10.1,
    degradedMin: 12.6,
    draws: { 'fcm-status': 'fired' },
  },
  'thundering-herd.hunt-first.yaml': {
    ended: 'condition at 20:50',
    choices: { 'first-move': 'hunt-trigger', 'status-wording': 'syncing-delayed', 'make-sync-cheaper': 'flip-delta-only', 'hunt-or-fix': 'park-the-hunt' },
    milestones: { started: '01:00', detected: '01:50', acknowledged: '02:15', mitigated: '19:25', resolved: '20:50' },
    downMin: 9.6,
    degradedMin: 9.8,
    draws: { 'fcm-status': 'fired' },
  },
  'thundering-herd.shed-and-lighten.yaml': {
    ended: 'condition at 12:48',
    choices: { 'first-move': 'shed-load', 'retry-after': 'jittered', 'make-sync-cheaper': 'flip-delta-only', 'status-wording': 'syncing-delayed' },
    milestones: { started: '01:00', detected: '01:50', acknowledged: '02:15', mitigated: '06:21', resolved: '12:48' },
    downMin: 2.1,
    degradedMin: 3.6,
    draws: { 'fcm-status': 'fired' },
  },
  'zone-loss.abort.yaml': {
    ended: 'condition at 16:58',
    choices: { 'stop-condition': 'abort', 'tell-oncall': 'ask-omar-to-stand-down', 'status-note': 'say-nothing (timeout)', 'fix-db-errors': 'flush-pool' },
    milestones: { started: '01:00', detected: '02:09', acknowledged: '02:39', mitigated: '16:55', resolved: '16:58' },
    downMin: 13.3,
    degradedMin: 2.7,
    draws: { 'restaurant-calls': 'fired' },
  },
  'zone-loss.fix-forward.yaml': {
    ended: 'condition at 31:00',
    choices: { 'stop-condition': 'keep-going', 'tell-oncall': 'bring-omar-in', 'fix-db-errors': 'rolling-restart', 'status-note': 'honest-note' },
    milestones: { started: '01:00', detected: '02:09', acknowledged: '02:50', mitigated: '06:04', resolved: '31:00' },
    downMin: 2.4,
    degradedMin: 7.1,
    draws: { 'restaurant-calls': 'fired' },
  },
  'zone-loss.oncall-reboots.yaml': {
    ended: 'condition at 11:27',
    choices: { 'stop-condition': 'text: Keep going 5 more minutes, then abort if errors stay above 2%', 'tell-oncall': 'no-answer (timeout)', 'status-note': 'honest-note', 'fix-db-errors': 'rolling-restart' },
    milestones: { started: '01:00', detected: '02:09', mitigated: '11:09', resolved: '11:27' },
    downMin: 8.4,
    degradedMin: 2.1,
    draws: {},
  },
  'zone-loss.nobody-decides.yaml': {
    ended: 'limit at 45:00',
    choices: { 'stop-condition': 'keep-going (timeout)', 'tell-oncall': 'no-answer (timeout)', 'status-note': 'say-nothing (timeout)' },
    milestones: { started: '01:00', detected: '02:09' },
    downMin: 42.4,
    degradedMin: 1.6,
    draws: { 'restaurant-calls': 'fired' },
  },
};
