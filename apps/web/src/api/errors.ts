/** The error body every API error has (see the server's platform/errors). */
export interface ApiError {
  error: {
    code: string;
    message: { zh: string; en: string };
    fields?: { field: string; reason: { zh: string; en: string } }[];
    requestId: string;
  };
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ApiError).error?.code === 'string'
  );
}

/** A field's errors keyed by its form name: `body.user.login` → `user.login`. */
export function fieldErrors(error: unknown, locale: 'zh' | 'en'): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const f of error.error.fields ?? []) {
    const key = f.field.replace(/^body\./, '');
    out[key] = out[key] ? `${out[key]}；${f.reason[locale]}` : f.reason[locale];
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
  lang: 'zh' | 'en',
  depth = 3,
): boolean {
  const list = Object.entries(fieldErrors(error, lang)).map(([name, e]) => ({
    name: name.split('.').slice(0, depth),
    errors: [e],
  }));
  form.setFields(list as never[]);
  return list.length > 0;
}
