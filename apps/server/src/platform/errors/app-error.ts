import { ERROR_CODES, type ErrorCode } from './codes';

export interface LocalisedText {
  zh: string;
  en: string;
}

export interface FieldError {
  /** Where the problem is: `body.user.login`, `query.status`, `params.id`. */
  field: string;
  reason: LocalisedText;
  /** When a legal or platform rule is broken: its id (`OPEN_TENDER_MIN_BID_PERIOD`). */
  ruleId?: string;
  /** For a statutory period: the first Beijing date (YYYY-MM-DD) the field may take. */
  earliestDate?: string;
}

type Params = Record<string, string | number>;

/** The one error type of the platform: a stable code, its HTTP status, and a message in zh-CN and en. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Params;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, params: Params = {}, fields: FieldError[] = []) {
    super(`${code}: ${fill(ERROR_CODES[code].en, params)}`);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.params = params;
    this.fields = fields;
  }

  localised(): LocalisedText {
    const text = ERROR_CODES[this.code];
    return { zh: fill(text.zh, this.params), en: fill(text.en, this.params) };
  }
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Shorthand for one invalid field raised by a use case after schema validation passed. */
export function fieldError(field: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ field, reason: { zh, en } }]);
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');
