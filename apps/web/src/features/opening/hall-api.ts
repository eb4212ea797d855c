import { api } from '../../api/client';
import type { ApiError } from '../../api/errors';
import type { Envelope, HallView, OpenResult, RecordToSign, SignInStatement } from './types';

/** An answer from the hall's routes: the body, or the server's error (stable code, zh and en). */
export type Answer<T> = { data: T; error?: undefined } | { data?: undefined; error: ApiError };

const NETWORK: ApiError = {
  error: {
    code: 'NETWORK',
    message: { zh: '网络连接失败，请重试', en: 'Network error; please try again' },
    requestId: '',
  },
};

/** openapi-fetch's result (or a dropped connection) as an Answer; 204 answers carry no body. */
async function answer<T>(request: Promise<{ data?: unknown; error?: unknown }>): Promise<Answer<T>> {
  try {
    const { data, error } = await request;
    if (error !== undefined) return { error: error as ApiError };
    return { data: data as T };
  } catch {
    return { error: NETWORK };
  }
}

const lot = (lotId: string) => ({ params: { path: { lotId } } });
const bid = (lotId: string, submissionId: string) => ({ params: { path: { lotId, submissionId } } });

/** The hall's routes (ADR 0016) through the typed client. */
export const hallApi = {
  view: (lotId: string) => answer<HallView>(api.GET('/api/openings/{lotId}', lot(lotId))),
  signInStatement: (lotId: string) =>
    answer<SignInStatement>(api.GET('/api/openings/{lotId}/sign-in-statement', lot(lotId))),
  signIn: (lotId: string, signature: string) =>
    answer<unknown>(api.POST('/api/openings/{lotId}/sign-in', { ...lot(lotId), body: { signature } })),
  start: (lotId: string) => answer<unknown>(api.POST('/api/openings/{lotId}/start', lot(lotId))),
  close: (lotId: string) => answer<unknown>(api.POST('/api/openings/{lotId}/close', lot(lotId))),
  envelope: (lotId: string, submissionId: string) =>
    answer<Envelope>(api.GET('/api/openings/{lotId}/bids/{submissionId}/envelope', bid(lotId, submissionId))),
  releaseKey: (lotId: string, submissionId: string, contentKey: string) =>
    answer<OpenResult>(
      api.POST('/api/openings/{lotId}/bids/{submissionId}/key', { ...bid(lotId, submissionId), body: { contentKey } }),
    ),
  confirm: (
    lotId: string,
    submissionId: string,
    body: { decision: 'confirm' } | { decision: 'object'; text: string },
  ) =>
    answer<unknown>(
      api.POST('/api/openings/{lotId}/bids/{submissionId}/confirm', { ...bid(lotId, submissionId), body }),
    ),
  answer: (lotId: string, submissionId: string, text: string) =>
    answer<unknown>(
      api.POST('/api/openings/{lotId}/bids/{submissionId}/answer', { ...bid(lotId, submissionId), body: { text } }),
    ),
  record: (lotId: string) => answer<RecordToSign>(api.GET('/api/openings/{lotId}/record', lot(lotId))),
  signRecord: (lotId: string, signature: string) =>
    answer<unknown>(api.POST('/api/openings/{lotId}/record/sign', { ...lot(lotId), body: { signature } })),
  recordPdfUrl: (lotId: string) => `/api/openings/${encodeURIComponent(lotId)}/record.pdf`,
};
