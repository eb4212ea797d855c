import type { paths } from '../../api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

/** A lot's draws and seats as the caller may see them (GET /api/expert-draws/lots/{lotId}). */
export type Committee = Json<'/api/expert-draws/lots/{lotId}', 'get'>;
export type SeatItem = Committee['seats'][number];
export type DrawItem = Committee['draws'][number];
export type DrawRecord = Json<'/api/expert-draws', 'get'>['items'][number];
export type Verification = Json<'/api/expert-draws/{id}/verification', 'get'>;
export type Invitation = Json<'/api/expert-invitations', 'get'>['items'][number];
export type SeatStatus = SeatItem['status'];
