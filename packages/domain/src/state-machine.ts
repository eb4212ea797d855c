/**
 * Lifecycles are tables (ENGINEERING.md §2): for each state, the events it accepts and the state each leads to.
 * A missing entry means the event is not allowed in that state.
 */
export type TransitionTable<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

export function nextState<S extends string, E extends string>(
  table: TransitionTable<S, E>,
  from: S,
  event: E,
): S | null {
  return table[from][event] ?? null;
}
