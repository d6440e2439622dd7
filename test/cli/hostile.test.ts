/**
 * Broken and hostile input, through the real `drill` process: every file in `test/hostile/` gets
 * exactly its one expected line and exit code 1, never a stack trace, a hang or a memory blow-up;
 * inputs too big to check in are made here; terminal escapes anywhere in a scenario or in what the
 * team types are shown as visible symbols by every command that shows text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, expect as globalExpect, it, type ExpectStatic } from 'vitest';
import { loadScenarioFile, loadScenarioText, MAX_SCENARIO_BYTES } from '../../src/scenario/index.js';
import { loadAnswersText } from '../../src/session/answers/answers.js';
import { MAX_JOURNAL_BYTES, MAX_JOURNAL_LINE, parseJournal, readJournalFile } from '../../src/journal/reader.js';
import { visibleControls, visibleLine } from '../../src/text/sanitize.js';
import { ensureBuilt, hasPython, RAW_CONTROL, ROOT, runDrill, startInPty, type DrillResult } from '../hostile/drill-process.js';

/** Property tests run the same cases every time; set DRILL_FC_SEED to explore others. */
const SEED = Number(process.env.DRILL_FC_SEED ?? 20261125);

beforeAll(ensureBuilt);

const tmp = (): string => mkdtempSync(join(tmpdir(), 'drill-hostile-'));

/** What every refusal must look like: one expected line, exit 1, nothing else. */
function expectRefused(result: DrillResult, expected: string, expect: ExpectStatic = globalExpect): void {
  expect(result.timedOut, 'drill did not finish in time').toBe(false);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(RAW_CONTROL);
  expect(result.stderr).toBe(`${expected}\n`);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(1);
}

const FLAGSHIP = 'scenarios/k8s-shrink.yaml';

const CORPUS: Record<string, (file: string, out: string) => string[]> = {
  scenarios: (file) => ['validate', file],
  answers: (file, out) => ['run', FLAGSHIP, '--answers', file, '--seed', '1', '--out', out],
  journals: (file) => ['report', file],
};

describe('the corpus in test/hostile/', () => {
  const cases = Object.keys(CORPUS).flatMap((folder) =>
    readdirSync(join(ROOT, 'test/hostile', folder))
      .filter((name) => !name.endsWith('.expected'))
      .map((name) => [folder, name] as const),
  );

  it('has an expected line for every file, and every kind of input the issue lists', () => {
    for (const [folder, name] of cases) expect(readdirSync(join(ROOT, 'test/hostile', folder))).toContain(`${name}.expected`);
    const names = cases.map(([folder, name]) => `${folder}/${name}`);
    for (const kind of ['empty', 'binary', 'latin1', 'list-root', 'number-root', 'tabs', 'duplicate-keys', 'unterminated', 'bad-indent', 'billion-laughs', 'deep-', 'proto', 'constructor']) {
      expect(names.some((n) => n.startsWith('scenarios/') && n.includes(kind)), `scenarios/*${kind}*`).toBe(true);
    }
    expect(cases.filter(([folder]) => folder === 'answers').length).toBeGreaterThanOrEqual(10);
    expect(cases.filter(([folder]) => folder === 'journals').length).toBeGreaterThanOrEqual(10);
  });

  describe.concurrent.each(cases)('%s/%s', (folder, name) => {
    it('is refused with exactly its expected line', async ({ expect }) => {
      const file = `test/hostile/${folder}/${name}`;
      const expected = readFileSync(join(ROOT, `${file}.expected`), 'utf8').replace(/\n$/, '');
      const out = join(tmp(), 'out');
      const result = await runDrill(CORPUS[folder]!(file, out));
      expectRefused(result, expected, expect);
      // A drill that cannot start leaves nothing behind.
      if (folder === 'answers') expect(() => readdirSync(out)).toThrow();
    });
  });
});

describe('inputs too large or too strange to check in', () => {
  const MB = 1024 * 1024;
  const OVER = MAX_SCENARIO_BYTES + 6 * MB;
  const TOO_LARGE = (file: string) =>
    `${file}:1:1: file is too large (${(OVER / MB).toFixed(1)} MB; the limit is ${MAX_SCENARIO_BYTES / MB} MB); a scenario is a few dozen KB — trim long texts or split it`;

  it.concurrent('refuses a scenario or answers file of tens of MB over the limit by its size, before parsing it', async () => {
    const file = join(tmp(), 'huge.yaml');
    writeFileSync(file, `id: huge\ntitle: "${'x'.repeat(OVER - 20)}"\n`);
    expect(MAX_SCENARIO_BYTES).toBeGreaterThanOrEqual(2 * MB);
    expectRefused(await runDrill(['validate', file]), TOO_LARGE(file));
    expectRefused(await runDrill(['run', FLAGSHIP, '--answers', file, '--out', join(tmp(), 'o')]), TOO_LARGE(file));
  });

  it.concurrent('refuses a million nested brackets without building them', async () => {
    const file = join(tmp(), 'brackets.yaml');
    writeFileSync(file, `world: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`);
    expectRefused(await runDrill(['validate', file]), `${file}:1:71: nesting is deeper than 64 levels; a scenario needs only a few — flatten the structure`);
  });

  it.concurrent('refuses a journal line of 30 MB of nested brackets before JSON sees it, and a 600 MB journal by its size', async () => {
    const dir = tmp();
    const deep = join(dir, 'deep.jsonl');
    writeFileSync(deep, `{"format":"drill-journal","version":1}\n${'['.repeat(15_000_000)}${']'.repeat(15_000_000)}\n`);
    expectRefused(
      await runDrill(['report', deep]),
      `${deep}:2:1: damaged journal line: 30000000 characters, over the ${MAX_JOURNAL_LINE}-character limit of a record`,
    );
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, '');
    truncateSync(big, 600 * MB); // sparse: no disk used
    expectRefused(await runDrill(['report', big]), `${big}: the journal is ${600 * MB} bytes, over the ${MAX_JOURNAL_BYTES}-byte limit`);
  });

  // Files drill must never read: one never ends, the other blocks until someone writes to it.
  const special = (what: string): string => `this is not a regular file (a device or a pipe?); pass the path of ${what}`;

  it.concurrent('refuses /dev/zero as a scenario, an answers file and a journal, without reading it', async () => {
    expectRefused(await runDrill(['validate', '/dev/zero']), `/dev/zero: ${special('a scenario .yaml file')}`);
    expectRefused(await runDrill(['run', FLAGSHIP, '--answers', '/dev/zero', '--out', join(tmp(), 'o')]), `/dev/zero: ${special('an answers .yaml file')}`);
    expectRefused(await runDrill(['report', '/dev/zero']), `/dev/zero: not a journal file (not a regular file); pass the drill's journal.jsonl`);
  });

  it.concurrent('refuses a named pipe without waiting for a writer', async () => {
    const fifo = join(tmp(), 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expectRefused(await runDrill(['validate', fifo], { timeoutMs: 10_000 }), `${fifo}: ${special('a scenario .yaml file')}`);
    expectRefused(await runDrill(['run', FLAGSHIP, '--answers', fifo, '--out', join(tmp(), 'o')], { timeoutMs: 10_000 }), `${fifo}: ${special('an answers .yaml file')}`);
    expectRefused(await runDrill(['report', fifo], { timeoutMs: 10_000 }), `${fifo}: not a journal file (not a regular file); pass the drill's journal.jsonl`);
  });
});

describe('files just under the size limit finish in bounded time', () => {
  const small = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');

  /** Every line of stderr is a positioned problem of `file` (or there are none). */
  function expectPositioned(result: DrillResult, file: string): void {
    expect(result.timedOut, 'drill did not finish in time').toBe(false);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    for (const line of result.stderr.split('\n').filter(Boolean)) expect(line.startsWith(`${file}:`) && /^[^:]+:\d+:\d+: /.test(line)).toBe(true);
  }

  it.concurrent('100,000 unknown keys', async () => {
    const file = join(tmp(), 'keys.yaml');
    writeFileSync(file, small + Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}\n`).join(''));
    const result = await runDrill(['validate', file]);
    // A screenful, not 100,000 lines: the first hundred problems and a line counting the rest.
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(101);
    expect(lines.pop()).toBe(`${file}: … and 99900 more problems not shown (99900 errors); fix the ones above and run \`drill validate\` again`);
    expectPositioned({ ...result, stderr: lines.join('\n') }, file);
    expect(result.code).toBe(1);
  });

  it.concurrent('20,000 injects chained by `after:`', async () => {
    const file = join(tmp(), 'chain.yaml');
    const chain = Array.from({ length: 20_000 }, (_, i) => `  - {id: i${i}, channel: chat, text: hi, ${i === 0 ? 'at: 1m' : `after: i${i - 1}`}}\n`);
    writeFileSync(file, small.replace('injects:\n', `injects:\n${chain.join('')}`));
    const result = await runDrill(['validate', file]);
    expectPositioned(result, file);
    expect(result.code).toBe(0);
  });
});

describe('__proto__ and constructor never pollute objects', () => {
  it('in scenarios, answers files and journals', () => {
    const journal = (line: string) =>
      [
        '{"format":"drill-journal","version":1}',
        '{"seq":0,"t":0,"wall":0,"type":"drill-started","scenario":{"id":"x","title":"x","version":"1","path":"x.yaml","hash":"0"},"seed":"1","team":[],"mode":"run"}',
        line,
      ].join('\n') + '\n';
    const inputs: (() => unknown)[] = [
      () => loadScenarioText('__proto__: {polluted: true}\n', 'p.yaml'),
      () => loadScenarioText('world:\n  __proto__: {initial: 1, polluted: true}\n', 'p.yaml'),
      () => loadScenarioText('injects:\n  - {__proto__: {polluted: true}}\n', 'p.yaml'),
      () => loadScenarioText('constructor: {prototype: {polluted: true}}\n', 'p.yaml'),
      () => loadScenarioFile(join(ROOT, 'test/hostile/scenarios/proto.yaml')),
      () => loadAnswersText('decisions:\n  __proto__: {choose: x, polluted: true}\n', 'a.yaml'),
      () => loadAnswersText('decisions:\n  constructor: {choose: x}\n  prototype: {choose: y}\n', 'a.yaml'),
      () => loadAnswersText('team: [{name: Alex, __proto__: {polluted: true}}]\n', 'a.yaml'),
      () => parseJournal(journal('{"seq":1,"t":0,"wall":0,"type":"world","values":{"__proto__":{"polluted":true}},"ramps":{"__proto__":{"to":1,"until":2}}}'), 'j'),
      () => parseJournal(journal('{"__proto__":{"polluted":true},"seq":1,"t":0,"wall":0,"type":"note","text":"x"}'), 'j'),
      () => parseJournal(journal('{"seq":1,"t":0,"wall":0,"type":"world","values":{"constructor":{"prototype":{"polluted":true}}}}'), 'j'),
    ];
    for (const input of inputs) expect(input).not.toThrow();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('keeps a `__proto__` world value in a journal from becoming a prototype', () => {
    const text = [
      '{"format":"drill-journal","version":1}',
      '{"seq":0,"t":0,"wall":0,"type":"drill-started","scenario":{"id":"x","title":"x","version":"1","path":"x.yaml","hash":"0"},"seed":"1","team":[],"mode":"run"}',
      '{"seq":1,"t":0,"wall":0,"type":"world","values":{"__proto__":{"polluted":true},"nodes":3}}',
    ].join('\n');
    const read = parseJournal(`${text}\n`, 'j');
    const values = read.ok ? (read.records[1] as { values: Record<string, unknown> }).values : undefined;
    // Refused, or read with the key dropped: either way no object gains a prototype from a file.
    if (values) {
      expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
      expect(values['polluted']).toBeUndefined();
    }
  });
});

/** The payloads of `accepted/terminal-escapes.yaml`, as the terminal would receive them raw. */
const RAW_PAYLOADS = ['\u001b]52;', '\u001b]8;;https://evil', '\u0007', '\u009b', '\u001b[9999;9999H'];

describe('terminal escapes are made visible', () => {
  it.each([
    ['OSC 8 hyperlink', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', '␛]8;;https://evil.example␛\\click␛]8;;␛\\'],
    ['OSC 52 clipboard write', '\u001b]52;c;ZWNobyBwd25lZA==\u0007', '␛]52;c;ZWNobyBwd25lZA==␇'],
    ['CSI colour', '\u001b[31mred\u001b[0m', '␛[31mred␛[0m'],
    ['CSI cursor movement and clear', '\u001b[2J\u001b[H\u001b[1A\u001b[9999;9999H', '␛[2J␛[H␛[1A␛[9999;9999H'],
    ['bell', 'ding\u0007', 'ding␇'],
    ['8-bit C1 CSI (0x9b)', '\u009b31mred', '\ufffd31mred'],
    ['other C1 controls (NEL, OSC, ST)', '\u0085\u009d\u009c', '\ufffd\ufffd\ufffd'],
    ['carriage return overwriting the line, backspace, NUL, DEL', 'ok\rEVIL\b\u0000\u007f', 'ok␍EVIL␈␀␡'],
    ['Windows line ends stay line ends', 'a\r\nb', 'a\nb'],
  ])('%s', (_name, raw, shown) => {
    expect(visibleControls(raw)).toBe(shown);
    expect(visibleLine(raw)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('leaves no control character but line breaks in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(visibleControls(text)).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        expect(visibleLine(text)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('the loader accepts escapes written as YAML escapes in every text field, and keeps them as written', () => {
    const loaded = loadScenarioFile(join(ROOT, 'test/hostile/accepted/terminal-escapes.yaml'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string' && v.includes(' end')) texts.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    // `file` holds the metadata; the injects, decisions and actions are read compiled.
    const { file, injects, decisions, actions } = loaded.scenario;
    walk({ file, injects, decisions, actions });
    // title, summary, version, 2 role texts, briefing, label, unit, from, inject title/text/hint,
    // terminal text, prompt, decision hint, 2 option labels, action label, users, factor title and
    // explanation, question.
    expect(texts).toHaveLength(22);
    for (const text of texts) {
      expect(text).toContain('\u001b]52;c;');
      expect(visibleControls(text)).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    }
  });

  it.concurrent('`drill validate`, `drill list`, `drill run` and `drill report` print none of them raw', async () => {
    const dir = tmp();
    const scenarios = join(dir, 'scenarios');
    mkdirSync(scenarios);
    writeFileSync(join(scenarios, 'esc.yaml'), readFileSync(join(ROOT, 'test/hostile/accepted/terminal-escapes.yaml')));
    const out = join(dir, 'out');
    const results = [
      await runDrill(['validate', 'test/hostile/accepted/terminal-escapes.yaml']),
      await runDrill(['list', scenarios]),
      await runDrill([
        'run',
        'test/hostile/accepted/terminal-escapes.yaml',
        '--answers',
        'test/hostile/accepted/terminal-escapes.answers.yaml',
        '--seed',
        '1',
        '--start',
        '2026-01-15T14:00:00Z',
        '--out',
        out,
      ]),
    ];
    results.push(await runDrill(['report', join(out, 'journal.jsonl'), '--scenario', 'test/hostile/accepted/terminal-escapes.yaml']));
    results.push(await runDrill(['report', join(out, 'journal.jsonl'), '--format', 'json', '--scenario', 'test/hostile/accepted/terminal-escapes.yaml']));
    for (const r of results) {
      expect(r.timedOut).toBe(false);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    }
    // The list shows the title as readable symbols, in its column.
    expect(results[1]!.stdout).toContain('Title ␛[31m␛]8;;https://evil.example␛\\link');
    // The files written hold the texts, but none raw: the journal as JSON escapes, the report visibly.
    expect(readFileSync(join(out, 'journal.jsonl'), 'utf8')).not.toMatch(RAW_CONTROL);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).not.toMatch(RAW_CONTROL);
    expect(md).toContain('␛');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).not.toMatch(RAW_CONTROL);
  });

  it.skipIf(!hasPython())('`drill play` shows scenario and typed text without sending escapes to the terminal', async () => {
    const out = join(tmp(), 'out');
    const play = startInPty(['play', 'test/hostile/accepted/terminal-escapes.yaml', '--team', 'Alex:incident-commander', '--speed', '8', '--out', out]);
    try {
      await play.waitFor('Enter start the clock');
      await play.waitFor('Briefing');
      await play.press('\r', 'The clock is running.');
      await play.waitFor('Inject text');
      // A note pasted with escapes and a bell in it (bracketed paste, as terminals send a paste).
      play.keys('n');
      await play.waitFor('Note for the timeline');
      play.keys('\u001b[200~pasted \u001b]52;c;cGFzdGVk\u0007 and \u009b2J\u001b[201~');
      await play.waitFor('pasted ');
      await play.press('\r', 'Note recorded.');
      play.signal('SIGTERM');
      const exit = await play.exited;
      expect(exit.exit).toBe(143);
      const screen = play.output();
      for (const payload of RAW_PAYLOADS) expect(screen.includes(payload), JSON.stringify(payload)).toBe(false);
      expect(play.text()).toContain('␛]52;c;ZWNobyBwd25lZA==␇');
      const read = readJournalFile(join(out, 'journal.jsonl'));
      expect(read.ok).toBe(true);
      const note = read.ok ? read.records.find((r) => r.type === 'note') : undefined;
      expect(note).toMatchObject({ type: 'note', text: expect.stringContaining('pasted') });
      expect(JSON.stringify(note)).not.toMatch(RAW_CONTROL);
      expect((note as { text: string }).text).not.toMatch(RAW_CONTROL);
    } finally {
      play.kill();
    }
  });
});
