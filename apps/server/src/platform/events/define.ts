import type { z } from 'zod';

export type Text = { zh: string; en: string };

/** One event of the vocabulary (vocabulary.ts): its payload schema, version and feed line. */
export interface EventDefinition<S extends z.ZodType> {
  version: number;
  payload: S;
  /** One line for activity feeds, in both languages. */
  summary: (payload: z.infer<S>) => Text;
}

export function define<S extends z.ZodType>(def: EventDefinition<S>): EventDefinition<S> {
  return def;
}
