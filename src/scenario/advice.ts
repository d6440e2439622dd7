/**
 * Warnings about scenarios that would run but make a weak drill: nothing to find in the debrief,
 * no real choice, a decision the team can stall forever, an empty inject, no measure of impact.
 * They never fail validation; they say what to add.
 */
import type { Problem } from './problems.js';
import type { Scenario } from './types.js';
import type { YamlFile } from './yaml-source.js';

/** The weak-scenario warnings for a compiled scenario. */
export function scenarioAdvice(scenario: Scenario, yaml: YamlFile): Problem[] {
  const warn = (path: readonly PropertyKey[], message: string, part: 'key' | 'value' = 'value'): Problem =>
    yaml.problemAt(path, message, { severity: 'warning', part });
  const problems: Problem[] = [];
  if (scenario.factors.length === 0) {
    problems.push(
      warn(
        'debrief' in yaml.value ? ['debrief'] : [],
        'no contributing factors planted (`debrief.factors`); plant several, and a red herring, so the debrief can compare what the team found',
        'key',
      ),
    );
  }
  if (!scenario.decisions.some((d) => d.options.length >= 2)) {
    problems.push(
      warn(
        'decisions' in yaml.value ? ['decisions'] : [],
        'no decision offers two or more options, so the drill cannot branch; give the team a real choice',
        'key',
      ),
    );
  }
  scenario.decisions.forEach((d, i) => {
    if (d.timeoutMs === undefined) {
      problems.push(
        warn(['decisions', i, 'id'], `decision \`${d.id}\` has no \`timeout:\`, so the team can stall it forever; add \`timeout:\` and \`default:\` (no decision is a decision)`),
      );
    }
  });
  scenario.injects.forEach((x, i) => {
    if (x.text.trim() === '') problems.push(warn(['injects', i, 'text'], `inject \`${x.id}\` has empty \`text:\`; write what the team sees`));
  });
  if (!scenario.impact.down && !scenario.impact.degraded) {
    problems.push(
      warn(
        'impact' in yaml.value ? ['impact'] : [],
        'no `impact.down` or `impact.degraded` condition, so the report cannot give minutes of outage or degradation; add one',
        'key',
      ),
    );
  }
  problems.push(...textCutByComment(yaml));
  return problems;
}

/**
 * `label: Ask Dana in #ops` reads as "Ask Dana in": in YAML a space then `#` starts a comment.
 * Comments are usually written `# like this`, so a `#` glued to the next word (a channel, an
 * issue number) after an unquoted value almost always means text was cut short by accident.
 */
function textCutByComment(yaml: YamlFile): Problem[] {
  const problems: Problem[] = [];
  let blockIndent = -1; // inside a `|` or `>` block text: its lines are text, not keys
  // Line by line, as `split('\n')` would give them, without an array of a million lines at once.
  forEachLine(yaml.text, (line, i) => {
    // Cheap tests first (a block header needs `|` or `>`, a cut text ` #` or a tab and `#`): the
    // regular expressions on each of a generated scenario's million lines were most of the cost.
    const indentOf = () => line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indentOf() > blockIndent)) return;
    blockIndent = (line.includes('|') || line.includes('>')) && /:[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/.test(line) ? indentOf() : -1;
    if (!line.includes('#') || !(line.includes(' #') || line.includes('\t#'))) return;
    const m = /^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)([^\s'"|>{[#&*!][^#]*?)[ \t]#(\S+)/.exec(line);
    if (!m) return;
    const col = m[1]!.length + m[2]!.length + 2;
    problems.push({
      file: yaml.file,
      line: i + 1,
      col,
      severity: 'warning',
      message: `this text ends before \`#${m[3]}\`: a space then \`#\` starts a YAML comment; put the whole text in quotes if \`#${m[3]}\` belongs to it`,
    });
  });
  return problems;
}

/** Calls `visit` with each line of `text` (without its `\n`) and its 0-based index, as `split('\n')` gives them. */
function forEachLine(text: string, visit: (line: string, index: number) => void): void {
  for (let start = 0, i = 0; ; i++) {
    const end = text.indexOf('\n', start);
    visit(end < 0 ? text.slice(start) : text.slice(start, end), i);
    if (end < 0) return;
    start = end + 1;
  }
}
