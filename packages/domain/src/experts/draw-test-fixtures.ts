import { buildUscc } from '../uscc';
import { sha256HexOfText } from './canonical-json';
import type { ExpertDrawRequest, ExpertForDraw } from './draw-types';

/** Shared test data for the draw's tests (not exported from the package). */
export const USCC = {
  purchaser: buildUscc('12', '520200', '00000001'),
  agency: buildUscc('91', '520100', '00000002'),
  bidderA: buildUscc('91', '520201', '00000003'),
  bidderB: buildUscc('91', '520201', '00000004'),
  other: buildUscc('91', '520100', '00000005'),
};

export const PURCHASER = { name: '六盘水市第一人民医院', uscc: USCC.purchaser };
export const AGENCY = { name: '贵州黔信招标代理有限公司', uscc: USCC.agency };
export const BIDDERS = [
  { name: '六盘水凉都信息技术有限公司', uscc: USCC.bidderA },
  { name: '贵州乌蒙数据服务有限公司', uscc: USCC.bidderB },
  { name: '水城（贵州）软件有限公司', uscc: null },
];

/** The request most tests start from: computers (A0201) from other cities than 六盘水市, 30-day recent period. */
export function baseRequest(overrides: Partial<ExpertDrawRequest> = {}): ExpertDrawRequest {
  return {
    specialties: ['A0201'],
    members: 3,
    reserves: 2,
    regions: { include: [], exclude: ['六盘水市'] },
    purchaser: PURCHASER,
    agency: AGENCY,
    bidders: BIDDERS,
    recentDrawDays: 30,
    previouslyDrawn: [],
    drawAt: '2026-03-31T09:00:00+08:00',
    ...overrides,
  };
}

/** An eligible expert for `baseRequest` unless overridden. */
export function expert(id: string, overrides: Partial<ExpertForDraw> = {}): ExpertForDraw {
  return {
    id,
    specialties: ['A0201'],
    region: '贵阳市',
    employerName: `贵州大学（${id}）`,
    employerUscc: null,
    conflicts: [],
    recentDrawDates: [],
    ...overrides,
  };
}

/** `count` eligible experts e01, e02, … */
export function eligiblePool(count: number): ExpertForDraw[] {
  return Array.from({ length: count }, (_, i) => expert(`e${String(i + 1).padStart(2, '0')}`));
}

/** Deterministic seeds for statistical tests: SHA-256("seed-" + i), a fixed list, so the tests never flake. */
export function fixedSeed(i: number): string {
  return sha256HexOfText(`seed-${i}`);
}
