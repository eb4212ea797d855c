import { getCsrfToken } from '../../api/client';
import { isApiError, type ApiError } from '../../api/errors';
import type { HallView, OpenResult } from './types';

export type Answer<T> = { data: T; error?: undefined } | { data?: undefined; error: ApiError };

const base = (lotId: string) => `/api/openings/${encodeURIComponent(lotId)}`;

function unknownError(status: number): ApiError {
  return {
    error: {
      code: 'HTTP_' + String(status),
      message: { zh: `请求失败（${status}）`, en: `Request failed (${status})` },
      requestId: '',
    },
  };
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  const csrf = getCsrfToken();
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? (method === 'POST' ? '{}' : undefined) : JSON.stringify(body),
    });
  } catch {
    return {
      error: {
        error: {
          code: 'NETWORK',
          message: { zh: '网络连接失败，请重试', en: 'Network error; please try again' },
          requestId: '',
        },
      },
    };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { data: json as T };
  return { error: isApiError(json) ? json : unknownError(res.status) };
}

/** The hall's routes (ADR 0016). */
export const hallApi = {
  view: (lotId: string) => call<HallView>('GET', base(lotId)),
  signInStatement: (lotId: string) => call<{ statement: unknown }>('GET', `${base(lotId)}/sign-in-statement`),
  signIn: (lotId: string, signature: string) => call<unknown>('POST', `${base(lotId)}/sign-in`, { signature }),
  start: (lotId: string) => call<unknown>('POST', `${base(lotId)}/start`),
  close: (lotId: string) => call<unknown>('POST', `${base(lotId)}/close`),
  envelope: (lotId: string, submissionId: string) =>
    call<unknown>('GET', `${base(lotId)}/bids/${encodeURIComponent(submissionId)}/envelope`),
  releaseKey: (lotId: string, submissionId: string, contentKey: string) =>
    call<OpenResult>('POST', `${base(lotId)}/bids/${encodeURIComponent(submissionId)}/key`, { contentKey }),
  confirm: (
    lotId: string,
    submissionId: string,
    body: { decision: 'confirm' } | { decision: 'object'; text: string },
  ) => call<unknown>('POST', `${base(lotId)}/bids/${encodeURIComponent(submissionId)}/confirm`, body),
  answer: (lotId: string, submissionId: string, text: string) =>
    call<unknown>('POST', `${base(lotId)}/bids/${encodeURIComponent(submissionId)}/answer`, { text }),
  record: (lotId: string) => call<{ record: unknown; recordHash: string }>('GET', `${base(lotId)}/record`),
  signRecord: (lotId: string, signature: string) => call<unknown>('POST', `${base(lotId)}/record/sign`, { signature }),
  recordPdfUrl: (lotId: string) => `${base(lotId)}/record.pdf`,
};
