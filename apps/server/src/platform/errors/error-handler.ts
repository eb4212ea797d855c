import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './app-error';

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: string;
    message: { zh: string; en: string };
    fields?: FieldError[];
    requestId: string;
  };
}

/** Maps fastify's own errors (bad JSON, body limits, rate limits) to our codes; anything unknown is INTERNAL. */
function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: request.routeOptions.bodyLimit ?? 0 });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return new AppError('RATE_LIMITED', { retryAfter: Math.ceil(Number(error.message.match(/\d+/)?.[0] ?? 60)) });
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', { retryAfter: 60 });
  if (error.statusCode === 413)
    return new AppError('PAYLOAD_TOO_LARGE', { limit: request.routeOptions.bodyLimit ?? 0 });
  if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (error.statusCode === 400 && error.validation) return new AppError('VALIDATION_FAILED');
  return new AppError('INTERNAL', { requestId: request.id });
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.localised(),
      ...(error.fields.length ? { fields: error.fields } : {}),
      requestId,
    },
  };
}

/** The one place where errors become HTTP responses. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    if (appError.code === 'INTERNAL') {
      const detail = isResponseSerializationError(error) ? { issues: error.cause.issues } : {};
      request.log.error({ err: error, ...detail }, 'unhandled error');
    } else if (appError.status >= 500) {
      request.log.warn({ code: appError.code }, appError.message);
    }
    if (appError.code === 'RATE_LIMITED') void reply.header('retry-after', String(appError.params.retryAfter));
    return reply.status(appError.status).send(errorBody(appError, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    const err = new AppError('ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0] ?? '' });
    return reply.status(404).send(errorBody(err, request.id));
  });
}
