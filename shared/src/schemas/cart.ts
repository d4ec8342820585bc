import { Type, type Static } from '@sinclair/typebox';
import { Fen, Id } from './common';
import { Quote } from './order';

export const cartLineProblems = ['OFF_SHELF', 'OUT_OF_STOCK', 'INSUFFICIENT_STOCK'] as const;

export const CartLine = Type.Object({
  skuId: Id,
  productId: Id,
  title: Type.String(),
  specText: Type.String(),
  image: Type.String(),
  /** the current price, recomputed on every read */
  unitPrice: Fen,
  quantity: Type.Integer({ minimum: 1 }),
  stock: Type.Integer({ minimum: 0 }),
  problem: Type.Union([...cartLineProblems.map((p) => Type.Literal(p)), Type.Null()]),
});
export type CartLine = Static<typeof CartLine>;

export const Cart = Type.Object({
  lines: Type.Array(CartLine),
  /** priced over the lines without a problem; null when none can be bought */
  quote: Type.Union([Quote, Type.Null()]),
});
export type Cart = Static<typeof Cart>;

export const SetCartLineBody = Type.Object({ quantity: Type.Integer({ minimum: 1, maximum: 99 }) }, { additionalProperties: false });
