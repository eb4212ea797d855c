import type { components } from './schema';

/** The error body every API error has (see the server's platform/errors): a stable code and both languages. */
export type ApiError = components['schemas']['Error'];
type Lang = 'zh' | 'en';

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ApiError).error?.code === 'string'
  );
}

/** An ISO instant inside a server message ("locked until 2026-11-26T21:39:07.786Z"). */
const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/** Server text for people: instants are shown in the reader's own time zone and language. */
export function localiseText(text: string, lang: Lang): string {
  return text.replace(INSTANT, (iso) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'));
}

/** The error's message in the reader's language. */
export function errorText(error: ApiError, lang: Lang): string {
  return localiseText(error.error.message[lang], lang);
}

/** The first field's reason when there is one (forms without a field per input), else the message. */
export function firstReason(error: ApiError, lang: Lang): string {
  const reason = error.error.fields?.[0]?.reason[lang];
  return reason ? localiseText(reason, lang) : errorText(error, lang);
}

/** A field's errors keyed by its form name: `body.user.login` → `user.login`. */
export function fieldErrors(error: unknown, lang: Lang): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const f of error.error.fields ?? []) {
    const key = f.field.replace(/^body\./, '');
    const reason = localiseText(f.reason[lang], lang);
    out[key] = out[key] ? `${out[key]}；${reason}` : reason;
  }
  return out;
}

/**
 * Shows the server's field errors on an antd form. `depth` keeps that many levels of the path (a multi-select
 * `specialties.1` error belongs to the `specialties` field). Returns whether any field error was shown.
 */
export function showFieldErrors(
  form: { setFields: (fields: never[]) => void },
  error: unknown,
  lang: Lang,
  depth = 3,
): boolean {
  const list = Object.entries(fieldErrors(error, lang)).map(([name, e]) => ({
    name: name.split('.').slice(0, depth),
    errors: [e],
  }));
  form.setFields(list as never[]);
  return list.length > 0;
}
