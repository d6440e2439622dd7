/**
 * An open form: its title, the fields already filled in, and the field being typed into, with a
 * visible cursor. Purely a view of `FormState`; the App's key handler edits it.
 */
import { Box, Text } from 'ink';
import { visibleLine } from '../text/sanitize.js';
import { currentField, type FormState } from './forms.js';
import { hue, type Theme } from './theme.js';
import { TitleBar } from './TitleBar.js';

export function TextPrompt({ state, theme, width }: { state: FormState; theme: Theme; width: number }) {
  const field = currentField(state);
  // A field skipped (asked only after another answer) has no value, and is not shown as filled in.
  const done = state.form.fields.slice(0, state.index).filter((f) => f.name in state.values);
  return (
    <Box flexDirection="column" flexShrink={0} width={width}>
      <TitleBar left={state.form.title} color={hue(theme, 'accent')} width={width} />
      {done.map((f) => (
        <Text key={f.name} dimColor wrap="truncate-end">
          {f.prompt}: {describeValue(f, state.values[f.name] ?? '')}
        </Text>
      ))}
      {field.kind === 'choice' ? <ChoiceField state={state} /> : <TextField state={state} />}
      {state.error ? (
        <Text bold color={hue(theme, 'warn')}>
          ! {state.error}
        </Text>
      ) : null}
      {state.form.footer ? (
        <Text dimColor wrap="truncate-end">
          {state.form.footer}
        </Text>
      ) : null}
    </Box>
  );
}

function TextField({ state }: { state: FormState }) {
  const field = currentField(state);
  const text = visibleLine(state.text);
  const before = text.slice(0, state.cursor);
  const at = [...text.slice(state.cursor)][0] ?? ' ';
  const after = text.slice(state.cursor + (at === ' ' && state.cursor >= text.length ? 0 : at.length));
  return (
    <Text wrap="wrap">
      <Text bold>{field.prompt}: </Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}

function ChoiceField({ state }: { state: FormState }) {
  const field = currentField(state);
  const choices = field.choices ?? [];
  return (
    <Box flexDirection="column">
      <Text bold>{field.prompt}</Text>
      {choices.map((c) => (
        <Text key={c.key} wrap="truncate-end" inverse={state.text !== '' && c.value === state.text} dimColor={c.unavailable !== undefined}>
          {' '}
          <Text bold>{c.key}</Text> {c.label}
          {c.unavailable ? ` — ${c.unavailable}` : ''}
          {c.value === field.defaultValue && choices.length > 1 ? <Text dimColor> (Enter)</Text> : null}
        </Text>
      ))}
    </Box>
  );
}

function describeValue(field: FormState['form']['fields'][number], value: string): string {
  if (field.kind === 'choice') return field.choices?.find((c) => c.value === value)?.label ?? (value || '—');
  return value === '' ? '—' : visibleLine(value);
}
