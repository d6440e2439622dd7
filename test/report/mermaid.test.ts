// @vitest-environment jsdom
/**
 * The report's gantt chart must pass Mermaid's own parser (the one GitHub runs) for every shipped
 * drill and for hostile text. Mermaid's parse alone is lenient (a `:` in a task name silently
 * shifts the rest of the line into the task's data), so each task is also read back from
 * Mermaid's gantt model: its name, id and times must be exactly what the report wrote.
 * Mermaid needs a DOM (DOMPurify), hence jsdom for this file.
 */
import { describe, expect, it } from 'vitest';
import mermaid from 'mermaid';
import { mermaidBlock, playDrill } from '../helpers/report-drill.js';

interface GanttTask {
  task: string;
  id: string;
  startTime: Date;
  endTime: Date;
}

/** What is wrong with a gantt chart as Mermaid reads it; empty when every task reads back as written. */
async function ganttProblems(source: string): Promise<string[]> {
  await mermaid.parse(source); // throws on a syntax error
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const tasks = (diagram.db as unknown as { getTasks(): GanttTask[] }).getTasks();
  const written = source
    .split('\n')
    .map((l) => /^ {4}(?!title |dateFormat |axisFormat |todayMarker |section )(.*?) :(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  const problems: string[] = [];
  if (tasks.length !== written.length) problems.push(`${written.length} task lines, but Mermaid read ${tasks.length} tasks`);
  written.forEach(([, name, meta], i) => {
    const task = tasks[i];
    const [id, from, to] = meta!.split(', ').slice(-3);
    const clock = (d: Date) => d.toTimeString().slice(0, 8);
    if (!task) return;
    if (task.task.trim() !== name) problems.push(`task ${i}: name "${task.task}" ≠ "${name}"`);
    if (task.id !== id) problems.push(`task ${i}: id "${task.id}" ≠ "${id}"`);
    if (Number.isNaN(task.startTime.getTime()) || clock(task.startTime) !== from) problems.push(`task ${i}: start ${String(task.startTime)} ≠ ${from}`);
    if (Number.isNaN(task.endTime.getTime()) || clock(task.endTime) !== to) problems.push(`task ${i}: end ${String(task.endTime)} ≠ ${to}`);
    if (/[:#;]/.test(name!)) problems.push(`task ${i}: name "${name}" has a character GitHub's parser rejects`);
  });
  return problems;
}

describe('the Mermaid timeline', () => {
  it.each([
    ['k8s-shrink rollback', 'scenarios/k8s-shrink.yaml', 'test/answers/k8s-shrink.rollback.yaml'],
    ['k8s-shrink freeze-first', 'scenarios/k8s-shrink.yaml', 'test/answers/k8s-shrink.freeze-first.yaml'],
    ['report-mini defaults', 'test/fixtures/report-mini.yaml', 'test/answers/report-mini.defaults.yaml'],
    ['k8s-shrink hostile', 'scenarios/k8s-shrink.yaml', 'test/answers/k8s-shrink.hostile.yaml'],
    ['report-mini', 'test/fixtures/report-mini.yaml', 'test/answers/report-mini.yaml'],
  ])('parses, and every task reads back as written (%s)', async (_name, scenario, answers) => {
    const source = mermaidBlock((await playDrill(scenario, answers)).md);
    await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'gantt' });
    expect(await ganttProblems(source)).toEqual([]);
  });

  it('catches a chart the report must never write', async () => {
    const head = 'gantt\n    dateFormat HH:mm:ss\n    section A\n';
    await expect(mermaid.parse(`${head}    no data at all\n`)).rejects.toThrow();
    expect(await ganttProblems(`${head}    T+05: page :t0, 00:05:00, 00:06:00\n`)).not.toEqual([]);
    expect(await ganttProblems(`${head}    Bad time :t0, 00:05:00, soon\n`)).not.toEqual([]);
  });
});
