import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

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
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : textParts).compile(schema as FastifySchema & object));
}
