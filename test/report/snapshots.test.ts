/**
 * Whole reports of shipped drills played headlessly by answers files, one full of hostile text:
 * file snapshots of report.md and report.json, markdownlint with the checked-in config (zero
 * errors), the JSON valid against its schema, and `drill report journal.jsonl` reproducing
 * what the drill wrote byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The markdownlint library that markdownlint-cli2 runs (same version, same rules).
import { lint } from 'markdownlint/promise';
import { main } from '../../src/cli.js';
import { reportJsonSchema, reportSchema } from '../../src/report/report-schema.js';
import { capture, playDrill, type PlayedDrill } from '../helpers/report-drill.js';

const DRILLS = [
  { name: 'k8s-shrink.rollback', scenario: 'scenarios/k8s-shrink.yaml', answers: 'test/answers/k8s-shrink.rollback.yaml' },
  // Freezes the autoscaler first: the herd and the registry never come into play; one cause
  // names three planted factors; the team's own summary; follow-ups with priority and due date.
  { name: 'k8s-shrink.freeze-first', scenario: 'scenarios/k8s-shrink.yaml', answers: 'test/answers/k8s-shrink.freeze-first.yaml' },
  // Lets a herd happen (its own, all at once): the registry factors in play, told as they happened.
  { name: 'k8s-shrink.all-at-once', scenario: 'scenarios/k8s-shrink.yaml', answers: 'test/answers/k8s-shrink.all-at-once.yaml' },
  { name: 'k8s-shrink.hostile', scenario: 'scenarios/k8s-shrink.yaml', answers: 'test/answers/k8s-shrink.hostile.yaml' },
  { name: 'report-mini', scenario: 'test/fixtures/report-mini.yaml', answers: 'test/answers/report-mini.yaml' },
  // Nobody answers in time and the default marks a milestone; an answer from outside its role; a
  // role nobody plays; blame aimed at people next to a counterfactual about the system.
  { name: 'report-mini.defaults', scenario: 'test/fixtures/report-mini.yaml', answers: 'test/answers/report-mini.defaults.yaml' },
] as const;

// The checked-in config has whole-line `//` comments only, so stripping them leaves JSON.
const lintConfig = (JSON.parse(readFileSync('.markdownlint-cli2.jsonc', 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { config: Record<string, unknown> }).config;

async function lintErrors(md: string): Promise<string[]> {
  const results = await lint({ strings: { 'report.md': md }, config: lintConfig });
  return results['report.md']!.map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''} [${e.errorContext ?? ''}]`);
}

describe('the lint check', () => {
  it('catches what it is there to catch (raw HTML, a broken table, two titles)', async () => {
    const errors = await lintErrors('# One\n\n# Two\n\n<b>raw</b>\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n');
    expect(errors.map((e) => e.split(' ')[1])).toEqual(expect.arrayContaining(['MD025/single-title/single-h1', 'MD033/no-inline-html', 'MD056/table-column-count']));
  });
});

describe.each(DRILLS)('the report of $name', ({ name, scenario, answers }) => {
  let drill: PlayedDrill;
  const played = async () => (drill ??= await playDrill(scenario, answers));

  it('matches its snapshots', async () => {
    const { md, json } = await played();
    await expect(md).toMatchFileSnapshot(`__snapshots__/report.${name}.md`);
    await expect(json).toMatchFileSnapshot(`__snapshots__/report.${name}.json`);
  });

  it('passes markdownlint with the checked-in config', async () => {
    expect(await lintErrors((await played()).md)).toEqual([]);
  });

  it('writes JSON that its schema accepts, with format and version first', async () => {
    const data = JSON.parse((await played()).json) as Record<string, unknown>;
    expect(Object.keys(data).slice(0, 2)).toEqual(['format', 'version']);
    expect(reportSchema.safeParse(data).error).toBeUndefined();
  });

  it('is rebuilt byte for byte by `drill report journal.jsonl`', async () => {
    const { journal, md, json, dir } = await played();
    const io = capture();
    expect(await main(['report', journal], io)).toBe(0);
    expect(`${io.stdout.join('\n')}\n`).toBe(md);
    expect(await main(['report', journal, '--output', join(dir, 'again.json')], capture())).toBe(0);
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(json);
  });
});

describe('the hostile report', () => {
  it('shows the typed text escaped, never as markup', async () => {
    const { md } = await playDrill('scenarios/k8s-shrink.yaml', 'test/answers/k8s-shrink.hostile.yaml');
    expect(md).not.toMatch(/(?<!\\)<(script|img|b|em)\b/);
    expect(md).not.toContain('\u001b');
    expect(md).not.toContain('\u0007');
    expect(md).not.toContain('\u202e');
    expect(md).toContain('Julie \\| \\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('🔥🚒');
    // Typed text never opens a block: every line that starts a list item or heading is ours.
    expect(md).not.toMatch(/^#+ (not|lucky)/m);
    expect(md).not.toMatch(/^- \[x\]/m);
  });
});

describe('docs/report.schema.json', () => {
  it('is the JSON Schema of the report, up to date', async () => {
    await expect(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../docs/report.schema.json');
  });
});
