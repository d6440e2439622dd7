/**
 * Typing into the screen: forms (text and numbered choices), keys arriving glued together in one
 * chunk or pasted, and the team as typed on the command line or in the briefing.
 */
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { formKey, openForm, type Form, type FormResult, type FormState } from '../../src/ui/forms.js';
import { createInputSplitter, splitInput } from '../../src/ui/input.js';
import { parseMember, parseTeam } from '../../src/ui/team.js';

const NONE: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (k: Partial<Key>): Key => ({ ...NONE, ...k });

/** Feeds keys (strings are typed text; objects are special keys) and returns the last result. */
function type<R>(state: FormState<R>, ...keys: (string | Partial<Key>)[]): FormResult<R> {
  let result: FormResult<R> = { kind: 'editing', state };
  for (const k of keys) {
    if (result.kind !== 'editing') throw new Error(`form already ${result.kind}`);
    result = typeof k === 'string' ? formKey(result.state, k, NONE) : formKey(result.state, '', key(k));
  }
  return result;
}

const followup: Form = {
  title: 'Follow-up',
  fields: [
    { name: 'text', prompt: 'What', kind: 'text', required: true },
    { name: 'owner', prompt: 'Owner', kind: 'text', completions: ['Alex', 'Julie', 'Jules'] },
    {
      name: 'kind',
      prompt: 'Type',
      kind: 'choice',
      choices: [
        { key: '1', label: 'prevent', value: 'prevent' },
        { key: '2', label: 'process', value: 'process' },
      ],
      defaultValue: 'process',
    },
  ],
  purpose: 'follow-up',
};

describe('forms', () => {
  it('goes field by field and submits the values', () => {
    const r = type(openForm(followup), 'Add an alert', { return: true }, 'Ju', { tab: true }, { return: true }, '1', { return: true });
    expect(r).toEqual({ kind: 'submitted', values: { text: 'Add an alert', owner: 'Julie', kind: 'prevent' } });
  });

  it('refuses an empty required field and stays in it', () => {
    const r = type(openForm(followup), '   ', { return: true });
    expect(r.kind).toBe('editing');
    if (r.kind === 'editing') {
      expect(r.state.index).toBe(0);
      expect(r.state.error).toMatch(/type something/);
    }
  });

  it('cycles Tab through the completions that start like the word typed', () => {
    const at = type(openForm(followup), 'x', { return: true }, 'Ju', { tab: true }, { tab: true }, { tab: true });
    expect(at.kind === 'editing' && at.state.text).toBe('Julie');
  });

  it('takes the default choice on Enter and ignores keys that pick nothing', () => {
    const r = type(openForm(followup), 'x', { return: true }, { return: true }, '7', { return: true });
    expect(r).toEqual({ kind: 'submitted', values: { text: 'x', owner: '', kind: 'process' } });
  });

  it('edits like a line editor: backspace (sent as DEL), arrows, Ctrl-U', () => {
    const r = type(openForm(followup), 'abd', { leftArrow: true }, 'c', { rightArrow: true }, { delete: true }, 'D');
    expect(r.kind === 'editing' && r.state.text).toBe('abcD');
    const cleared = formKey((r as { state: FormState<unknown> }).state, 'u', key({ ctrl: true }));
    expect(cleared.kind === 'editing' && cleared.state.text).toBe('');
  });

  it('keeps control characters out of what is typed or pasted', () => {
    const r = type(openForm(followup), 'one\ntwo\u001b[31m\u0007');
    expect(r.kind === 'editing' && r.state.text).toBe('one two[31m');
  });

  it('cancels on Escape', () => {
    expect(type(openForm(followup), 'half', { escape: true })).toEqual({ kind: 'cancelled' });
  });

  it('submits at once on an empty line when the field says so (debrief: next question)', () => {
    const form: Form<unknown> = {
      title: 'Cause',
      fields: [
        { name: 'text', prompt: 'Cause', kind: 'text', emptySubmits: true },
        { name: 'factor', prompt: 'Factor', kind: 'choice', choices: [], defaultValue: '' },
      ],
      purpose: 'debrief',
    };
    expect(type(openForm(form), { return: true })).toEqual({ kind: 'submitted', values: { text: '' } });
  });
});

describe('input chunks', () => {
  it('takes an Enter typed before the screen read the terminal (a line feed, then) as Enter', () => {
    // The terminal is in line mode until Ink turns on raw mode, and line mode turns Enter into
    // "\n", which Ink reports with no key: the first Enter on the briefing was lost.
    expect(splitInput('\n', NONE)).toEqual([['', { ...NONE, return: true }]]);
  });

  it('splits text typed fast with its Enter, Tab, Backspace and Ctrl keys', () => {
    const keys = splitInput('Julie: ops\rSam\t\u007f\u0015', NONE);
    expect(keys.map(([input, k]) => (k.return ? '⏎' : k.tab ? '⇥' : k.backspace ? '⌫' : k.ctrl ? `^${input}` : input))).toEqual([
      'Julie: ops',
      '⏎',
      'Sam',
      '⇥',
      '⌫',
      '^u',
    ]);
  });

  it('passes a single key through as Ink parsed it', () => {
    const up = key({ upArrow: true });
    expect(splitInput('', up)).toEqual([['', up]]);
    expect(splitInput('q', NONE)).toEqual([['q', NONE]]);
  });

  it('keeps a bracketed paste as text: its line breaks do not press Enter', () => {
    const split = createInputSplitter();
    expect(split('[200~', NONE)).toEqual([]);
    const pasted = split('first line\rsecond line', NONE);
    expect(pasted).toHaveLength(1);
    expect(pasted[0]![0]).toBe('first line second line');
    expect(pasted[0]![1].return).toBe(false);
    expect(split('[201~', NONE)).toEqual([]);
    expect(split('x\r', NONE).map(([, k]) => k.return)).toEqual([false, true]);
  });

  it('keeps what shares a chunk with a paste marker: the text, and an Enter right after the paste', () => {
    const split = createInputSplitter();
    const keys = split('\u001b[200~pasted\rtext\u001b[201~\r', NONE);
    expect(keys.map(([text, k]) => [text, k.return])).toEqual([
      ['pasted text', false],
      ['', true],
    ]);
    expect(split('before[200~in', NONE).map(([text]) => text)).toEqual(['before', 'in']);
  });
});

describe('the team', () => {
  const roles = [
    { id: 'incident-commander', title: 'Incident commander' },
    { id: 'ops', title: 'Ops on call' },
  ];

  it('reads Name:role pairs, by role id or title, and names without a role', () => {
    expect(parseTeam('Alex:incident-commander, Julie: Ops on call ,Sam', roles)).toEqual([
      { name: 'Alex', role: 'incident-commander' },
      { name: 'Julie', role: 'ops' },
      { name: 'Sam' },
    ]);
  });

  it('names the roles when one is unknown, and refuses a missing name', () => {
    expect(parseMember('Kai: dba', roles)).toEqual({ error: 'unknown role `dba` for Kai; the roles are incident-commander, ops' });
    expect(parseMember(': ops', roles)).toMatchObject({ error: expect.stringMatching(/has no name; write it as Name: role/) });
  });
});
