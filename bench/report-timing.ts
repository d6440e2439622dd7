/**
 * Times building report.md from a journal, in a fresh process (as `drill report` would): reading
 * and checking the journal, building the report model, rendering the Markdown. The scenario is
 * loaded first and not counted. bench/run.mjs bundles this file and runs it several times.
 *
 *   node report-timing.mjs <scenario.yaml> <journal.jsonl>   → one JSON line
 */
import { loadScenarioFile } from '../src/scenario/index.js';
import { readJournalFile } from '../src/journal/reader.js';
import { buildReport } from '../src/report/model.js';
import { renderMarkdown } from '../src/report/markdown.js';

const [scenarioPath, journalPath] = process.argv.slice(2) as [string, string];
const loaded = loadScenarioFile(scenarioPath);
if (!loaded.ok) throw new Error(`${scenarioPath}: ${loaded.problems[0]?.message}`);
const t0 = performance.now();
const read = readJournalFile(journalPath);
if (!read.ok) throw new Error(read.message);
const t1 = performance.now();
const report = buildReport(loaded.scenario, read.records);
const t2 = performance.now();
const md = renderMarkdown(report);
const t3 = performance.now();
process.stdout.write(
  `${JSON.stringify({ ms: t3 - t0, readMs: t1 - t0, buildMs: t2 - t1, renderMs: t3 - t2, records: read.records.length, bytes: md.length })}\n`,
);
