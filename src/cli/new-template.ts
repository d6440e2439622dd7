/**
 * The starter scenario `drill new` writes: a small drill that validates without warnings and
 * plays to its end, with a comment on every part saying what it is for and what to change.
 * Tests check that it stays valid, so an edit here that breaks it fails `npm test`.
 */

/** The starter scenario's YAML for `id`, whose first line points editors at `schemaPath`. */
export function starterScenario(id: string, schemaPath: string): string {
  const title = id.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return `# yaml-language-server: $schema=${schemaPath}
#
# A starter drill written by \`drill new\`. It validates and plays as it is: a log change fills
# the database disk, writes start failing, and the team has to find out why and make room.
# Replace the story with yours, keep what is useful, and run:
#   drill validate <this file>                 every problem, with line and column
#   drill run <this file> --seed 1             headless, every decision times out
#   drill play <this file>                     the real thing, with a team
# The guide is docs/scenario-format.md in drill's package (drill new printed its path): every
# field, timing and chance, testing with answers files, and what makes a drill worth an hour.

id: ${id}                       # used in journals and reports; keep it once people have played it
title: "${title}"
summary: >-
  Two or three sentences for \`drill list\` and the top of the report: what happens, and what the
  team has to work out.
version: 1                      # bump when you change the scenario; every journal records it
duration: 20m                   # how long you expect a drill to take
difficulty: intro               # intro, easy, medium or hard

# Who plays. Decisions name the role expected to decide; injects can be meant for one role.
roles:
  - id: incident-commander
    title: Incident commander
    brief: You run the response and make the calls.
  - id: ops
    title: Ops on call
    brief: You have a shell on the database host and the deploy pipeline.
  - id: scribe
    brief: Write down what the team notices, and when.

# Read out before the clock starts. Say where the team is, what they have, what is normal.
briefing: |
  Tuesday, 16:00. You are on call for a web shop. The Postgres primary's data disk is usually
  70% full. A config change went out a few minutes ago. Nothing else is planned.

# The simulated system. Numbers and booleans; \`metric: true\` shows a live sparkline.
world:
  disk_used: {initial: 70, label: Database data disk used, unit: "%", metric: true, min: 0, max: 100}
  error_rate: {initial: 0.2, label: Checkout errors, unit: "%", metric: true, min: 0.2, max: 100}
  verbose_logging: {initial: false, label: Statement logging on}

# What reaches the team, once unless it repeats (every): at a time (at), after something
# (after + delay), when a condition becomes true (when), or only when something fires it.
injects:
  - id: config-change
    at: 1m
    channel: chat
    from: "#deploys"
    text: |
      Deploybot: postgres config change applied: log_statement = 'all' (ticket DB-88, "debug slow queries")
    milestone: started          # the incident starts here: the report counts response times from it
    effects:                    # a straight line from the current value, over 6 minutes
      - {set: verbose_logging, to: true}
      - {ramp: disk_used, to: 100, over: 6m}

  - id: disk-alert
    when: disk_used >= 90       # fires as soon as the ramp gets there
    every: 2m                   # and pages again every 2 minutes…
    until: disk_used < 90       # …until the disk is below 90% (checked before each repeat)
    channel: page
    from: PagerDuty
    title: "[FIRING:1] DiskAlmostFull db-primary"
    milestone: detected
    text: |
      [FIRING:1] DiskAlmostFull (critical) db-primary /var/lib/postgresql: 90% used, +4%/min

  - id: disk-full
    when: disk_used >= 100 and not fired('logs-cleared')
    channel: terminal
    from: ops terminal
    text: |
      $ tail -2 /var/log/postgresql/postgresql-16-main.log
      ERROR:  could not extend file "base/16384/24611": No space left on device
      HINT:  Check free disk space.
    effects:
      - {ramp: error_rate, to: 60, over: 1m}

  - id: support-asks
    after: disk-alert
    delay: 3m
    chance: 0.5                 # drawn from the seed: same seed, same draw
    channel: chat
    from: "#support"
    text: |
      Sam (support): customers say checkout fails with "something went wrong". Is it us?

  - id: log-sizes
    channel: terminal
    from: ops terminal
    text: |
      $ sudo du -sh /var/lib/postgresql/16/main/log /var/lib/postgresql/16/main/base
      41G   /var/lib/postgresql/16/main/log
      96G   /var/lib/postgresql/16/main/base
    hint: The logs grew 41 GB in minutes. What changed about logging?

  - id: logs-cleared
    channel: terminal
    from: ops terminal
    text: |
      $ sudo find /var/lib/postgresql/16/main/log -name '*.log' -mmin +2 -delete && df -h /var/lib/postgresql
      /dev/nvme1n1   160G  112G   48G  70% /var/lib/postgresql
    effects:
      - {ramp: disk_used, to: 72, over: 1m}
      - {ramp: error_rate, to: 0.2, over: 2m}

  - id: logging-reverted
    channel: terminal
    from: ops terminal
    text: |
      $ sudo -u postgres psql -c "ALTER SYSTEM SET log_statement = 'none'" -c "SELECT pg_reload_conf()"
    effects:                    # adding 0 stops the disk's ramp where it is: the logs stop growing
      - {set: verbose_logging, to: false}
      - {add: disk_used, by: 0}

# Questions put to the team. Give each a timeout and the default that would really happen if
# nobody decides: the report records it as a timeout, which is a finding in itself.
decisions:
  - id: first-move
    after: disk-alert
    delay: 30s
    role: incident-commander
    prompt: The database disk is filling fast. What do you do first?
    timeout: 3m
    default: wait
    hint: Before deleting anything, ask what is writing so much.
    options:
      - id: look-at-disk
        label: Find out what is using the space
        milestone: acknowledged
        fire: [log-sizes]
      - id: restart-db
        label: Restart Postgres; it will clean up after itself
        milestone: acknowledged
        takes: 2m               # answered now; its milestone and effects land 2 minutes later
        effects:                # an \`if:\` is checked as they land: on a full disk it does not come back
          - {ramp: error_rate, to: 100, over: 30s, if: "disk_used >= 95"}
      - id: wait
        label: Watch it for a few minutes

# What the team can do at any time the condition allows. It lands after \`takes\`.
actions:
  - id: check-disk-usage
    label: See what is using the space on the database disk
    available: fired('disk-alert')
    takes: 1m
    once: true
    fire: [log-sizes]

  - id: clear-old-logs
    label: Delete Postgres log files older than two minutes
    available: fired('log-sizes')
    takes: 1m
    once: true
    fire: [logs-cleared]

  - id: turn-off-statement-logging
    label: Set log_statement back to 'none' and reload
    available: verbose_logging
    takes: 1m
    once: true
    fire: [logging-reverted]

# What the team can look at: the facilitator presses \`l\`, picks one and who asked, and the answer
# arrives after \`takes\`, rendered from the world as it is when they ask. The text is a Liquid
# template: \`{{ disk_used }}\` is the variable's value, \`{% if %}\` chooses, \`{% for %}\` repeats rows.
lookups:
  - id: df-data
    label: df -h /var/lib/postgresql
    channel: terminal
    from: db-1 shell
    takes: 10s
    reveals: [logs-on-data-disk]      # the report times the first look at a planted cause
    text: |
      $ df -h /var/lib/postgresql
      Filesystem      Size  Used Avail Use% Mounted on
      /dev/nvme1n1    500G  {{ disk_used | times: 5 | round | append: "G" | pad: 5 }} {{ 100 | minus: disk_used | times: 5 | round | append: "G" | pad: 5 }} {{ disk_used | round | append: "%" | pad: 4 }} /var/lib/postgresql
      {% if verbose_logging %}$ ls -lh /var/lib/postgresql/log | tail -1
      -rw------- 1 postgres postgres  {{ disk_used | minus: 70 | times: 5 | at_least: 1 | round }}G postgresql-statements.log{% endif %}

# Milestones marked by conditions (injects, options and actions can mark them too). Tie them to
# the incident: conditions that are true before it starts would be marked at once.
milestones:
  mitigated: reached('detected') and error_rate < 1 and disk_used < 90
  resolved: reached('detected') and error_rate < 1 and disk_used < 90 and not verbose_logging

# What users saw, for the report's minutes of outage and degradation.
impact:
  down: error_rate >= 20
  degraded: error_rate >= 2 or disk_used >= 95
  users: Shoppers trying to check out

end:
  when: reached('resolved')
  limit: 30m                    # the drill ends here at the latest

# What you planted, for the debrief to find. Plant at least five, of different kinds, and a red
# herring; write each about the system, never about a person.
debrief:
  factors:
    - id: statement-logging-in-prod
      kind: trigger
      title: Logging every statement was switched on in production
      explanation: A debug setting that writes every query went to the primary at peak traffic.
    - id: logs-on-data-disk
      kind: latent
      title: Logs lived on the same disk as the data
      explanation: When the logs grew, the database itself ran out of room to write.
    - id: alert-too-late
      kind: detection
      title: The disk alert left minutes, not hours
      explanation: At 90% and 4% a minute, the page gives the team less than three minutes.
      when: fired('disk-alert')  # checked on the drill as it ended: no alert, not in play
    - id: restart-the-database
      kind: red-herring
      title: Restarting Postgres
      explanation: A restart frees no disk space; the logs are still there afterwards.
  questions:
    - What was the first signal, and how much time did it leave us?
    - Which other settings could fill a disk this fast, and what would catch all of them?
    - What would you change so a debug setting cannot reach production at peak?
    - text: What did you expect a restart to free, and what told you it would not?
      when: chose('first-move', 'restart-db')   # asked only of drills where it held
`;
}
