import { Type, type ObjectOptions, type TSchema } from '@sinclair/typebox';

export const Id = Type.String({ format: 'uuid' });

/** Money on the wire is integer fen. */
export const Fen = Type.Integer({ minimum: 0, description: 'amount in fen (分)' });

export const Timestamp = Type.String({ format: 'date-time' });

/** A calendar day as the shop counts it: in Asia/Shanghai. */
export const ShanghaiDay = Type.String({ format: 'date', description: 'a calendar day in Asia/Shanghai', examples: ['2025-05-01'] });

export const CursorQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'opaque; from the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
};

/** A page of `item`s. Its example in the docs is a page of the item's own example unless `options` give one. */
export const Page = <T extends TSchema>(item: T, options?: ObjectOptions) => {
  const itemExample: unknown = Array.isArray(item.examples) ? item.examples[0] : undefined;
  const derived = itemExample === undefined ? {} : { examples: [{ items: [itemExample], nextCursor: null }] };
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { ...derived, ...options });
};

export const Ok = Type.Object({ ok: Type.Literal(true) });
