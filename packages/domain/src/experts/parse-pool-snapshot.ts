import { isIsoDate } from '../calendar/civil-date';
import { EXCLUSION_CODES, type ExclusionCode } from './draw-types';
import { POOL_SNAPSHOT_VERSION, type PoolSnapshot } from './pool-snapshot-types';
import { isExpertId } from './validate-draw-input';

/** UTC instants exactly as `Date.prototype.toISOString` writes them. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Check = (value: unknown, path: string, problems: string[]) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v, path, p) => {
  if (typeof v !== 'string') p.push(`${path}: not a string`);
};
const nullableStr: Check = (v, path, p) => {
  if (v !== null) str(v, path, p);
};
const count: Check = (v, path, p) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) p.push(`${path}: not a whole number`);
};
const bool: Check = (v, path, p) => {
  if (typeof v !== 'boolean') p.push(`${path}: not true or false`);
};
const instant: Check = (v, path, p) => {
  if (typeof v !== 'string' || !UTC_INSTANT.test(v) || Number.isNaN(Date.parse(v)))
    p.push(`${path}: not a UTC instant`);
};
const nullableInstant: Check = (v, path, p) => {
  if (v !== null) instant(v, path, p);
};
const date: Check = (v, path, p) => {
  if (typeof v !== 'string' || !isIsoDate(v)) p.push(`${path}: not a date`);
};
const id: Check = (v, path, p) => {
  if (typeof v !== 'string' || !isExpertId(v)) p.push(`${path}: not an expert id`);
};
const code: Check = (v, path, p) => {
  if (!EXCLUSION_CODES.includes(v as ExclusionCode)) p.push(`${path}: not an exclusion code`);
};
const list =
  (item: Check): Check =>
  (v, path, p) => {
    if (!Array.isArray(v)) p.push(`${path}: not a list`);
    else v.forEach((x, i) => item(x, `${path}.${i}`, p));
  };
const object =
  (shape: Record<string, Check>): Check =>
  (v, path, p) => {
    if (!isRecord(v)) {
      p.push(`${path}: not an object`);
      return;
    }
    for (const key of Object.keys(v)) if (!(key in shape)) p.push(`${path}.${key}: unexpected`);
    for (const [key, check] of Object.entries(shape)) {
      if (!(key in v)) p.push(`${path}.${key}: missing`);
      else check(v[key], `${path}.${key}`, p);
    }
  };
const nullable =
  (check: Check): Check =>
  (v, path, p) => {
    if (v !== null) check(v, path, p);
  };

const organisation = object({ name: str, uscc: nullableStr });
const snapshotShape = object({
  version: (v, path, p) => {
    if (v !== POOL_SNAPSHOT_VERSION) p.push(`${path}: not ${POOL_SNAPSHOT_VERSION}`);
  },
  request: object({
    specialties: list(str),
    members: count,
    reserves: count,
    includeRegions: list(str),
    excludeRegions: list(str),
    purchaser: organisation,
    agency: nullable(organisation),
    bidders: list(organisation),
    recentDrawDays: count,
    previouslyDrawn: list(id),
    drawAt: instant,
    drawDate: date,
  }),
  experts: list(
    object({
      id,
      specialties: list(str),
      region: str,
      employer: organisation,
      conflicts: list(object({ name: str, uscc: nullableStr, withdrawnAt: nullableInstant })),
      recentDrawDates: list(date),
      eligible: bool,
      excludedFor: list(code),
    }),
  ),
});

export type ParsedPoolSnapshot = { ok: true; snapshot: PoolSnapshot } | { ok: false; problems: string[] };

/**
 * Checks that a value read from JSON (the public verification page, a supervisor's export) has the snapshot's
 * shape, with no extra keys and unique expert ids. It does not judge the outcomes: `verifyDraw` re-derives them.
 */
export function parsePoolSnapshot(value: unknown): ParsedPoolSnapshot {
  const problems: string[] = [];
  snapshotShape(value, 'snapshot', problems);
  if (problems.length > 0) return { ok: false, problems };
  const snapshot = value as PoolSnapshot;
  const ids = new Set<string>();
  snapshot.experts.forEach((e, i) => {
    if (ids.has(e.id)) problems.push(`snapshot.experts.${i}.id: ${e.id} appears twice`);
    ids.add(e.id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, snapshot };
}
