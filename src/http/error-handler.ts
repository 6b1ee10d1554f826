import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import pg from 'pg';
import { AppError, type ErrorCode, errorBody } from './errors.ts';

// Fastify's own error codes mapped onto ours.
const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request'],
};

// PostgreSQL SQLSTATEs caused by the values a client sent (NUL bytes, impossible dates, bad encodings):
// the statement failed and its transaction rolled back, so nothing changed.
const BAD_INPUT_SQLSTATES = new Set(['22021', '22P05', '22008', '22007', '22P02', '22001', '22003', '54000']);

// Connection-level failures from pg / PGlite mean the database is away, not that the request is wrong.
const DB_DOWN =
  /ECONNREFUSED|ECONNRESET|terminating connection|Connection terminated|the database system is/i;

/** Turns every thrown error into the API's `{ error: { code, message } }` shape. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send(errorBody(err.code, err.message));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => `${v.instancePath || err.validationContext}: ${v.message}`);
      return reply.status(400).send(errorBody('invalid_request', issues.join('; ')));
    }
    if (err.validation) {
      return reply.status(400).send(errorBody('invalid_request', err.message));
    }
    // Drizzle wraps driver errors with the query *and its parameters*: keep the parameters out of logs.
    // (Prepared hot-path statements reach pg directly, so its own error class arrives unwrapped.)
    const dbError =
      err instanceof DrizzleQueryError
        ? (err.cause as { code?: string; message?: string })
        : err instanceof pg.DatabaseError
          ? err
          : undefined;
    if (dbError?.code && BAD_INPUT_SQLSTATES.has(dbError.code)) {
      return reply
        .status(400)
        .send(errorBody('invalid_request', 'The request contains a value that cannot be stored'));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return reply.status(mapped[0]).send(errorBody(mapped[1], err.message));
    if (err.statusCode === 429) return reply.status(429).send(errorBody('rate_limited', err.message));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(errorBody('invalid_request', err.message));
    }
    if (DB_DOWN.test(dbError?.message ?? err.message)) {
      req.log.warn('database unavailable');
      return reply
        .status(503)
        .header('retry-after', '2')
        .send(errorBody('service_unavailable', 'Try again shortly'));
    }
    const logged =
      err instanceof DrizzleQueryError
        ? { query: err.query, cause: dbError?.message, code: dbError?.code }
        : err;
    req.log.error({ err: logged }, 'unhandled error');
    return reply.status(500).send(errorBody('internal_error', 'Internal server error'));
  });
}
