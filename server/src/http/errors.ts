import type { ApiErrorBody, ErrorCode } from '@cofacture/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../services/errors.ts';

function body(code: ErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Every failure answers `{ error: { code, message } }`; internals never leak to the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(body(error.code, error.message));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send(body('payload_too_large', 'The request body is larger than the server accepts.'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(body('bad_request', 'Send the request body as application/json.'));
    }
    if (error.statusCode === 400) {
      const json = error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError;
      return reply
        .status(400)
        .send(
          json
            ? body('invalid_json', 'The request body is not valid JSON.')
            : body('bad_request', error.message),
        );
    }
    request.log.error(error);
    return reply.status(500).send(body('internal', 'Something went wrong on the server. Try again.'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
