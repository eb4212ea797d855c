import { COMMITTEE_STATUSES, DRAW_STATES, findCategory, MAX_RECENT_DRAW_DAYS, SEAT_STATES } from '@zhengcai/domain';
import { z } from 'zod';

export const lotParams = z.object({ lotId: z.string().uuid() });

const categoryCode = z
  .string()
  .max(20)
  .refine((code) => findCategory(code) !== undefined, {
    params: { zh: '不是品目分类目录中的代码', en: 'Not a code of the procurement category tree' },
  });
const region = z.string().trim().min(2).max(50);
const regions = z
  .array(region)
  .max(50)
  .refine((list) => new Set(list).size === list.length, {
    params: { zh: '地区不能重复', en: 'Regions must not repeat' },
  });

/** A draw request: everything but the lot has a default (the lot's category, 5 or 7 experts, 2 reserves, 30 days). */
export const drawRequestBody = z.object({
  lotId: z.string().uuid(),
  specialties: z
    .array(categoryCode)
    .min(1)
    .max(10)
    .refine((codes) => new Set(codes).size === codes.length, {
      params: { zh: '专业不能重复', en: 'Specialties must not repeat' },
    })
    .optional(),
  members: z.number().int().min(1).max(25).optional(),
  reserves: z.number().int().min(0).max(20).optional(),
  purchaserRepresentatives: z.number().int().min(0).max(10).optional(),
  includeRegions: regions.optional(),
  excludeRegions: regions.optional(),
  recentDrawDays: z.number().int().min(0).max(MAX_RECENT_DRAW_DAYS).optional(),
});

export const supplementaryBody = z.object({ reserves: z.number().int().min(0).max(20).optional() });

export const declineBody = z.object({ reason: z.string().trim().min(2).max(500) });

const text = z.object({ zh: z.string(), en: z.string() });

export const drawSummaryView = z.object({
  id: z.string().uuid(),
  supplementOf: z.string().uuid().nullable(),
  state: z.enum(DRAW_STATES),
  requestedAt: z.string(),
  drawnAt: z.string().nullable(),
  seedCommitment: z.string(),
  poolSnapshotHash: z.string(),
  specialties: z.array(z.string()),
  includeRegions: z.array(z.string()),
  excludeRegions: z.array(z.string()),
  members: z.number().int(),
  reserves: z.number().int(),
  purchaserRepresentatives: z.number().int(),
  recentDrawDays: z.number().int(),
  poolSize: z.number().int(),
  eligible: z.number().int(),
});

const expertRef = z.object({
  userId: z.string().uuid(),
  name: z.string(),
  employerName: z.string().nullable(),
  region: z.string().nullable(),
});

const projectRef = z.object({ id: z.string().uuid(), code: z.string(), title: z.string() });

/** Where a seat stands in the invitation: its status and the times and reason of the answer. */
const seatAnswer = {
  status: z.enum(SEAT_STATES),
  steppedIn: z.boolean(),
  invitedAt: z.string().nullable(),
  respondBy: z.string().nullable(),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
};

/** One drawn expert. For the host: the seat and its status only (`expert` and `declineReason` are null). */
export const seatView = z.object({
  id: z.string().uuid(),
  drawId: z.string().uuid(),
  role: z.enum(['member', 'reserve']),
  position: z.number().int(),
  seat: z.number().int().nullable(),
  ...seatAnswer,
  expert: expertRef.nullable(),
});

export const committeeView = z.object({
  project: projectRef,
  lot: z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string(), categoryCode: z.string() }),
  /** How the caller sees it: the host sees seats without names; oversight sees names. */
  viewAs: z.enum(['host', 'oversight']),
  /** expertNamesPublic(lotId): false until the lot's result is published (names-public.ts). */
  namesPublic: z.boolean(),
  defaults: z.object({
    specialties: z.array(z.string()),
    members: z.number().int(),
    reserves: z.number().int(),
    purchaserRepresentatives: z.number().int(),
    recentDrawDays: z.number().int(),
  }),
  draws: z.array(drawSummaryView),
  progress: z
    .object({
      seats: z.number().int(),
      held: z.number().int(),
      confirmed: z.number().int(),
      vacantSeats: z.array(z.number().int()),
      reservesLeft: z.number().int(),
      status: z.enum(COMMITTEE_STATUSES),
    })
    .nullable(),
  /** Seats that were offered (members, reserves who stepped in); oversight also gets the reserves on standby. */
  seats: z.array(seatView),
  abilities: z.object({
    request: z.boolean(),
    /** The committed draw the host may run now, if any. */
    drawId: z.string().uuid().nullable(),
    supplementary: z.boolean(),
    verify: z.boolean(),
  }),
  /** Why the lot cannot be drawn now, when it cannot (a failed lot, an unpublished project). */
  blockedReason: text.nullable(),
});

export const drawListView = z.object({
  items: z.array(
    drawSummaryView.extend({
      project: projectRef,
      lot: z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string() }),
    }),
  ),
});

const party = z.object({ name: z.string(), uscc: z.string().nullable() });

/** The request as recorded (ADR 0018's `ExpertDrawRequest`, `drawAt` as UTC text): what verifyDraw compares with. */
export const storedRequestView = z.object({
  specialties: z.array(z.string()),
  members: z.number().int(),
  reserves: z.number().int(),
  regions: z.object({ include: z.array(z.string()), exclude: z.array(z.string()) }),
  purchaser: party,
  agency: party.nullable(),
  bidders: z.array(party),
  recentDrawDays: z.number().int(),
  previouslyDrawn: z.array(z.string()),
  drawAt: z.string(),
});

export const verificationView = z.object({
  draw: drawSummaryView,
  project: projectRef,
  lot: z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string() }),
  /** Revealed once the draw has run; null before. */
  seed: z.string().nullable(),
  request: storedRequestView,
  /** The pool snapshot as frozen (ZC-EXPERT-POOL-1 JSON); check it with parsePoolSnapshot. */
  poolSnapshot: z.record(z.string(), z.unknown()),
  /** Members and reserves in draw order as announced (the seats recorded); null before the draw. */
  committee: z.object({ members: z.array(z.string()), reserves: z.array(z.string()) }).nullable(),
  /** The experts of the snapshot, by id, for reading the result. */
  experts: z.array(expertRef),
  /** verifyDraw re-run on the server; null before the draw. */
  verification: z
    .object({
      ok: z.boolean(),
      mismatches: z.array(z.object({ code: z.string(), message: text })),
    })
    .nullable(),
});

export const invitationView = z.object({
  id: z.string().uuid(),
  project: projectRef,
  lot: z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string() }),
  purchaserName: z.string(),
  agencyName: z.string().nullable(),
  seat: z.number().int().nullable(),
  ...seatAnswer,
  abilities: z.object({ confirm: z.boolean(), decline: z.boolean() }),
});
