import { api } from '../../api/client';
import { isApiError, type ApiError } from '../../api/errors';
import type { components } from '../../api/schema';

export type Verification = components['schemas']['TransactionCertificateVerification'];
export type CopyCheck = components['schemas']['TransactionCertificateCheck'];
export type Facts = NonNullable<Verification['facts']>;

/** The server's largest upload for a check (modules/transaction-certificates/schemas.ts MAX_CHECK_BYTES). */
export const MAX_CHECK_BYTES = 5 * 1024 * 1024;

const NETWORK: ApiError = {
  error: {
    code: 'NETWORK',
    message: { zh: '网络连接失败，请重试', en: 'Network error; please try again' },
    requestId: '',
  },
};

export type Answer<T> = { data: T; error?: undefined } | { data?: undefined; error: ApiError };

/** The public verification of a certificate (no account). */
export async function loadVerification(number: string): Promise<Answer<Verification>> {
  try {
    const { data, error } = await api.GET('/api/verify/certificates/{number}', { params: { path: { number } } });
    if (data) return { data };
    return { error: isApiError(error) ? error : NETWORK };
  } catch {
    return { error: NETWORK };
  }
}

export const pdfUrl = (number: string) => `/api/verify/certificates/${encodeURIComponent(number)}/pdf`;

/** Sends the file's bytes as they are (application/pdf) and gets the server's comparison. */
export async function checkFile(number: string, file: Blob): Promise<Answer<CopyCheck>> {
  try {
    const res = await fetch(`/api/verify/certificates/${encodeURIComponent(number)}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: file,
    });
    const body: unknown = await res.json();
    if (res.ok) return { data: body as CopyCheck };
    return { error: isApiError(body) ? body : NETWORK };
  } catch {
    return { error: NETWORK };
  }
}
