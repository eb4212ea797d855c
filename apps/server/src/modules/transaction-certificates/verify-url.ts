import type { Config } from '../../config';

/** The public page that checks a certificate (apps/web: features/transaction-certificates/verify-page.tsx). */
export const verifyPath = (number: string): string => `/verify/certificates/${encodeURIComponent(number)}`;

/**
 * The address printed in the certificate's QR code: PUBLIC_BASE_URL when set (a deployment behind a proxy or a
 * domain name must set it), else the origin of the request that led to the award, else the address the server
 * listens on (development).
 */
export function verifyUrl(config: Config, number: string, requestOrigin?: string | null): string {
  if (config.publicBaseUrl) return `${config.publicBaseUrl}${verifyPath(number)}`;
  if (requestOrigin) return `${requestOrigin.replace(/\/+$/, '')}${verifyPath(number)}`;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}${verifyPath(number)}`;
}
