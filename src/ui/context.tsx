/**
 * The drill, as views see it: created once at the root and handed down through React context.
 * Views read with `useDrill(selector)`, which is `useSelector` over the store (so over the
 * session's actor, after each journal write); select primitives or the store's `version`, then
 * read the mutable core.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { Scenario } from '../scenario/index.js';
import type { TeamMember } from '../engine/records.js';
import type { DrillStore, ShownDrill } from './store.js';
import type { Theme } from './theme.js';

export interface DrillUiContext {
  readonly store: DrillStore;
  readonly scenario: Scenario;
  readonly team: readonly TeamMember[];
  readonly theme: Theme;
}

const Context = createContext<DrillUiContext | null>(null);

export function DrillProvider({ value, children }: { value: DrillUiContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDrillContext(): DrillUiContext {
  const value = useContext(Context);
  if (!value) throw new Error('drill views must be rendered inside <DrillProvider>');
  return value;
}

/** Selects from the drill as last written to the journal; re-renders only when the result changes. */
export function useDrill<T>(selector: (shown: ShownDrill) => T, compare?: (a: T, b: T) => boolean): T {
  const { store } = useDrillContext();
  return useSelector(store, selector, compare);
}
