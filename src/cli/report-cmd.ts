/**
 * `drill report <journal>`: rebuilds a drill's report from its journal alone, byte for byte the
 * same as the one written at the end of the drill. The scenario is found by the path the journal
 * recorded (from the current folder, then from the journal's folder, then by its id) or given
 * with --scenario (a path or an id); a scenario file that changed since the drill is a warning,
 * never a silent difference.
 */
import { EXIT, type CommandIO } from './io.js';
import { readJournalFile } from '../journal/reader.js';
import { loadScenarioFile } from '../scenario/index.js';
import { problemLines } from './problem-lines.js';
import { findRecordedScenario, resolveScenarioArg } from './scenario-arg.js';
import { buildReport } from '../report/model.js';
import { markdownParts, renderMarkdown } from '../report/markdown.js';
import { jsonParts, renderJson } from '../report/json.js';
import { writePieces } from '../report/write.js';
import type { RecordOf } from '../engine/records.js';
import { writeIssues } from './issues-cmd.js';

type Values = Record<string, string | boolean | undefined>;

export async function reportCommand(values: Values, [journal]: string[], io: CommandIO): Promise<number> {
  const output = values.output as string | undefined;
  const format = (values.format as string | undefined) ?? (output?.toLowerCase().endsWith('.json') ? 'json' : 'md');
  if (format !== 'md' && format !== 'json' && format !== 'issues') {
    io.err(`--format: '${format}' is not a report format; write --format md, --format json or --format issues`);
    return EXIT.usage;
  }
  if (format === 'issues' && output === undefined) {
    io.err('--format issues writes one file per follow-up action; give the folder with --output DIR');
    return EXIT.usage;
  }
  const read = readJournalFile(journal!);
  if (!read.ok) {
    io.err(read.message);
    return EXIT.badInput;
  }
  for (const w of read.warnings) io.err(`${w} (warning)`);
  const started = read.records[0] as RecordOf<'drill-started'>;
  const given = values.scenario as string | undefined;
  const scenarioArg = given === undefined ? undefined : resolveScenarioArg(given);
  if (scenarioArg?.ok === false) {
    io.err(scenarioArg.message);
    return EXIT.badInput;
  }
  const scenarioPath = scenarioArg?.file ?? findRecordedScenario(started.scenario, journal!);
  if (scenarioPath === undefined) {
    io.err(
      `${journal}: the drill's scenario '${started.scenario.path}' is not in the current folder or next to the journal, and no scenario has its id '${started.scenario.id}'; pass --scenario FILE`,
    );
    return EXIT.badInput;
  }
  const loaded = loadScenarioFile(scenarioPath);
  if (!loaded.ok) {
    for (const line of problemLines(loaded.problems)) io.err(line);
    return EXIT.badInput;
  }
  if (loaded.scenario.source.hash !== started.scenario.hash) {
    io.err(
      `${scenarioPath}: warning: this file's sha256 (${loaded.scenario.source.hash.slice(0, 12)}…) differs from the scenario the drill was played with (${started.scenario.hash.slice(0, 12)}…); the report says so, and its texts may not match what the team saw`,
    );
  }
  const report = buildReport(loaded.scenario, read.records);
  if (format === 'issues') return writeIssues(report, output!, values.force === true, io);
  if (output === undefined) {
    const text = format === 'json' ? renderJson(report) : renderMarkdown(report);
    // io.out adds the final newline back, so `drill report j > report.md` is byte-identical.
    io.out(text.replace(/\n$/, ''));
    return EXIT.ok;
  }
  try {
    // In pieces, as the drill itself writes it: a big drill's report never exists as one string.
    writePieces(output, format === 'json' ? jsonParts(report) : markdownParts(report), values.force ? 'w' : 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'EEXIST'
        ? `${output}: already exists; pass --force to overwrite it, or choose another --output`
        : `${output}: cannot write the report (${code ?? (error as Error).message}); choose another --output`,
    );
    return EXIT.badInput;
  }
  io.out(`wrote ${output}`);
  return EXIT.ok;
}
