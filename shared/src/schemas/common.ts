import { Type, type ObjectOptions, type TSchema } from '@sinclair/typebox';

export const Id = Type.String({ format: 'uuid' });

/** Money on the wire is integer fen. */
export const Fen = Type.Integer({ minimum: 0, description: 'amount in fen (分)' });

export const Timestamp = Type.String({ format: 'date-time' });

export const CursorQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'opaque; from the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
};

/** options: e.g. `{ examples: [...] }` for the OpenAPI docs */
export const Page = <T extends TSchema>(item: T, options?: ObjectOptions) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) }, options);

export const Ok = Type.Object({ ok: Type.Literal(true) });
