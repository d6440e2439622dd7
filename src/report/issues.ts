/**
 * The follow-up actions as issues for a tracker, one Markdown file each: the first line is the
 * title as plain text (for `gh issue create --title "$(head -n 1 FILE)"`), a blank line, then the
 * body (for `--body "$(tail -n +3 FILE)"`). Pure: the CLI writes what this returns.
 */
import type { Report } from './report-schema.js';
import { inline, plainLine } from './escape.js';
import { clock } from './md-format.js';

export interface IssueFile {
  /** `01-scale-sh-require-to-or-by.md`: numbered in report order, so a folder lists them in order. */
  readonly name: string;
  readonly text: string;
}

const TITLE_MAX = 120;

/** One issue file per follow-up action, in the order the report lists them. */
export function renderIssues(report: Report): IssueFile[] {
  const width = Math.max(2, String(report.followups.length).length);
  const date = (report.drill.clockStartedAt ?? report.drill.startedAt).slice(0, 10);
  return report.followups.map((f, i) => {
    const number = String(i + 1).padStart(width, '0');
    const title = issueTitle(f.text);
    const facts = [
      `- **Owner:** ${f.owner ? inline(f.owner) : '_unassigned_'}`,
      `- **Type:** ${f.type}`,
      ...(f.priority ? [`- **Priority:** ${f.priority}`] : []),
      ...(f.due ? [`- **Due:** ${f.due}`] : []),
      `- **From:** the practice post-mortem of the drill “${inline(report.scenario.title)}” (\`${report.scenario.id}\`) on ${date}, ${f.raisedMs !== undefined ? `raised during play at ${clock(f.raisedMs)}` : 'agreed in the debrief'}`,
    ];
    const body = [inline(f.text), '', ...facts].join('\n');
    return { name: `${number}-${slug(title)}.md`, text: `${title}\n\n${body}\n` };
  });
}

/** The title line: the action's first line as plain text, cut at a word if it is long. */
export function issueTitle(text: string): string {
  const line = plainLine(text);
  if (line.length <= TITLE_MAX) return line;
  const cut = line.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Lower-case letters and digits joined by `-`, at most a few words: safe as a file name anywhere. */
function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const out = words.slice(0, 6).join('-').slice(0, 50).replace(/-+$/, '');
  return out === '' ? 'follow-up' : out;
}
