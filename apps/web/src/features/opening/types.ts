import type { components, paths } from '../../api/schema';

/** The hall as the browser sees it (ADR 0016, GET /api/openings/:lotId): the generated client's types. */
export type HallView = components['schemas']['OpeningHall'];
export type HallBid = HallView['bids'][number];
export type HallState = HallView['state'];
export type HallRole = HallView['myRole'];
export type InvalidReason = NonNullable<HallBid['invalidReason']>;

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type KeyRoute = paths['/api/openings/{lotId}/bids/{submissionId}/key']['post'];
/** The answer to a released key: the bid decrypted (its read-out number) or invalid (hash or signature). */
export type OpenResult = Json<KeyRoute['responses'][200]>;
export type SignInStatement = Json<paths['/api/openings/{lotId}/sign-in-statement']['get']['responses'][200]>;
export type Envelope = Json<paths['/api/openings/{lotId}/bids/{submissionId}/envelope']['get']['responses'][200]>;
export type RecordToSign = Json<paths['/api/openings/{lotId}/record']['get']['responses'][200]>;
