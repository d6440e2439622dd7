/**
 * Warnings about scenarios that would run but make a weak drill: nothing to find in the debrief,
 * no real choice, a decision the team can stall forever, an empty inject, no measure of impact.
 * They never fail validation; they say what to add.
 */
import type { Problem } from '../problems.js';
import type { Scenario } from '../types.js';
import type { YamlFile } from '../source/index.js';

/** Only white space (what `trim` removes), tested without making a trimmed copy of every text. */
const BLANK = /^\s*$/;

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
    if (BLANK.test(x.text)) problems.push(warn(['injects', i, 'text'], `inject \`${x.id}\` has empty \`text:\`; write what the team sees`));
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
export function textCutByComment(yaml: YamlFile): Problem[] {
  const text = yaml.text;
  const problems: Problem[] = [];
  let blockIndent = -1; // inside a `|` or `>` block text: its lines are text, not keys
  // Line by line, as `split('\n')` would give them, but a line is cut out of the text only if it
  // has a `|`, a `>` or a ` #` in it: cutting each of a generated scenario's million lines (and
  // trimming it to measure its indentation) was most of what loading a big file allocated.
  const pipeAt = nextOf(text, '|');
  const foldAt = nextOf(text, '>');
  const spaceHashAt = nextOf(text, ' #');
  const tabHashAt = nextOf(text, '\t#');
  for (let start = 0, i = 0; ; i++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let p = start;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    const indent = p - start;
    if (!(blockIndent >= 0 && (p === end || indent > blockIndent))) {
      let line: string | undefined;
      const header = pipeAt(start) < end || foldAt(start) < end;
      blockIndent = header && BLOCK_HEADER.test((line = text.slice(start, end))) ? indent : -1;
      const m = spaceHashAt(start) < end || tabHashAt(start) < end ? CUT_TEXT.exec((line ??= text.slice(start, end))) : null;
      if (m) {
        const col = m[1]!.length + m[2]!.length + 2;
        problems.push({
          file: yaml.file,
          line: i + 1,
          col,
          severity: 'warning',
          message: `this text ends before \`#${m[3]}\`: a space then \`#\` starts a YAML comment; put the whole text in quotes if \`#${m[3]}\` belongs to it`,
        });
      }
    }
    if (newline < 0) return problems;
    start = newline + 1;
  }
}

const BLOCK_HEADER = /:[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/;
const CUT_TEXT = /^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)([^\s'"|>{[#&*!][^#]*?)[ \t]#(\S+)/;

/** Where `needle` next occurs at or after a position (Infinity if nowhere), for positions that only grow. */
function nextOf(text: string, needle: string): (from: number) => number {
  let at = -1;
  return (from) => {
    if (at < from) {
      const found = text.indexOf(needle, from);
      at = found < 0 ? Infinity : found;
    }
    return at;
  };
}

/** What `\s` (and so `trim`) counts as white space, without making a string for each character. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 128 && /\s/.test(String.fromCharCode(code));
}
