import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';

const common: Options = {
  // Unknown fields are an error, not silently dropped: a client sending them has a bug, and a
  // stripped `payable` or `status` must never look like it was accepted.
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  strict: false,
};

/**
 * Query strings, params and headers arrive as text, so they are coerced to the declared types.
 * JSON bodies are not: `"quantity": "2"` is a client bug and gets a 400, never a silent 2.
 * Fastify's default compiler coerces every part alike, hence two Ajv instances.
 */
export function installValidators(app: FastifyInstance): void {
  const textParts = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  const bodies = addFormats(new Ajv({ ...common, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) => withoutNul((httpPart === 'body' ? bodies : textParts).compile(schema as FastifySchema & object)));
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in a query, a path or a JSON string would reach
 * the database only to fail there as a 500. It is refused with the other validation errors instead.
 */
function withoutNul(validate: ValidateFunction): ValidateFunction {
  const checked = ((data: unknown) => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const at = nulAt(data, '');
    checked.errors = at === null ? null : [nulError(at)];
    return at === null;
  }) as ValidateFunction;
  return Object.assign(checked, { schema: validate.schema, schemaEnv: validate.schemaEnv });
}

function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = key.includes('\u0000') ? path : nulAt(child, `${path}/${key}`);
    if (at !== null) return at;
  }
  return null;
}

const nulError = (instancePath: string): ErrorObject => ({ instancePath, schemaPath: '#', keyword: 'noNul', params: {}, message: 'must not contain the NUL character (\\u0000)' });

/**
 * Fastify answers a path that is not valid percent-encoding (`/api/orders/%zz`) before any route or
 * the error handler sees it, and before the hooks that add the request id; this gives that answer
 * the one error shape and the id too.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  if (err.code === 'FST_ERR_BAD_URL') {
    void reply.status(400).send({ error: { code: 'BAD_URL', message: '请求地址的编码不合法' } });
    return;
  }
  request.log.error({ err }, 'request could not be routed');
  void reply.status(500).send({ error: { code: 'INTERNAL', message: `服务器内部错误（请求 ${request.id}）` } });
}
