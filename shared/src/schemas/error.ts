import { Type, type Static } from '@sinclair/typebox';

/** The one error shape every route answers with: a stable machine code and a human message. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ examples: ['INSUFFICIENT_STOCK'] }),
      message: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    }),
  },
);
export type ErrorBody = Static<typeof ErrorBody>;
