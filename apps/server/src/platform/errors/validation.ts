import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from './app-error';

const zhMap = z.locales.zhCN().localeError;
const enMap = z.locales.en().localeError;

type Issue = z.core.$ZodIssue;

function render(map: z.core.$ZodErrorMap, issue: Issue): string {
  const out = map(issue as unknown as Parameters<z.core.$ZodErrorMap>[0]);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
}

/** Custom refinements carry their own bilingual reason in `params: { zh, en }`. */
function reasonOf(issue: Issue): FieldError['reason'] {
  if (issue.code === 'custom') {
    const params = issue.params as { zh?: unknown; en?: unknown } | undefined;
    if (typeof params?.zh === 'string' && typeof params.en === 'string') return { zh: params.zh, en: params.en };
  }
  return { zh: render(zhMap, issue), en: render(enMap, issue) };
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** Turns zod issues into field errors named `body.user.login`, each with a reason in zh-CN and en. */
export function toFieldErrors(issues: readonly Issue[], part: string): FieldError[] {
  return issues.map((issue) => ({
    field: [PART_NAMES[part] ?? part, ...issue.path.map(String)].join('.'),
    reason: reasonOf(issue),
  }));
}

export function validationError(error: z.ZodError, part: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, toFieldErrors(error.issues, part));
}

// U+0000 cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate is not Unicode (it cannot be hashed
// into the ledger's canonical JSON): both are refused up front, wherever they occur in the input.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableStrings(value: unknown, path: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) {
      out.push({
        field: path,
        reason: {
          zh: '含有无法保存的字符（空字符或不成对的代理字符）',
          en: 'Contains a character that cannot be stored (NUL or a lone surrogate)',
        },
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableStrings(item, `${path}.${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) unstorableStrings(item, `${path}.${key}`, out);
  }
}

/** Fastify validator: zod schemas, with the errors as one AppError naming every field in both languages. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const bad: FieldError[] = [];
    unstorableStrings(data, PART_NAMES[httpPart ?? 'body'] ?? 'body', bad);
    if (bad.length) return { error: new AppError('VALIDATION_FAILED', {}, bad) };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: validationError(result.error, httpPart ?? 'body') };
  };
