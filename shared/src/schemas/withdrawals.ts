import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CursorQuery, Fen, Id, Page, Timestamp } from './common';

/** requested → approved → paying → paid | failed; requested → rejected */
export const withdrawalStatuses = ['requested', 'approved', 'paying', 'paid', 'failed', 'rejected'] as const;
export type WithdrawalStatus = (typeof withdrawalStatuses)[number];
export const withdrawalActorKinds = ['shopper', 'staff', 'system', 'provider'] as const;

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const CreateWithdrawalBody = Type.Object(
  { amount: Type.Integer({ minimum: 1, maximum: 199_999, description: 'fen; below ¥2,000, above which WeChat Pay transfers need the payee’s real name' }) },
  { additionalProperties: false, examples: [{ amount: 2500 }] },
);
export type CreateWithdrawalBody = Static<typeof CreateWithdrawalBody>;

/** Optional: the same key again returns the withdrawal it created instead of asking twice. */
export const WithdrawalIdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_\\-:.]+$' })),
});

const withdrawalExample = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  amount: 2500,
  status: 'paying',
  packageInfo: 'ABBQO+oYAAABAAAAAAAk+yPZGSMAAAA...',
  merchantTransfer: { mchId: '1900000001', appId: 'wx8888888888888888', package: 'ABBQO+oYAAABAAAAAAAk+yPZGSMAAAA...' },
  failReason: null,
  createdAt: '2025-05-10T08:00:00.000Z',
  paidAt: null,
};

export const Withdrawal = Type.Object(
  {
    id: Id,
    amount: Fen,
    status: literals(withdrawalStatuses),
    /** set while WeChat waits for me to confirm receipt: pass it to wx.requestMerchantTransfer */
    packageInfo: Nullable(Type.String()),
    /**
     * The wx.requestMerchantTransfer parameters, set with packageInfo when WeChat Pay is configured.
     * Null in the sandbox, where POST /api/payments/sandbox/withdrawals/:id/confirm stands in for it.
     */
    merchantTransfer: Nullable(Type.Object({ mchId: Type.String(), appId: Type.String(), package: Type.String() })),
    failReason: Nullable(Type.String()),
    createdAt: Timestamp,
    paidAt: Nullable(Timestamp),
  },
  { examples: [withdrawalExample] },
);
export type Withdrawal = Static<typeof Withdrawal>;
export const WithdrawalPage = Page(Withdrawal);
export const WithdrawalQuery = Type.Object({ ...CursorQuery, status: Type.Optional(literals(withdrawalStatuses)) }, { additionalProperties: false });

const eventExamples = [
  { fromStatus: null, toStatus: 'requested', actorKind: 'shopper', actorId: '3d5e7f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f', note: '', at: '2025-05-10T08:00:00.000Z' },
  { fromStatus: 'requested', toStatus: 'approved', actorKind: 'staff', actorId: '4e6f8a0b-2c3d-4e5f-9a6b-7c8d9e0f1a2b', note: '核对无误', at: '2025-05-10T09:00:00.000Z' },
];

export const WithdrawalEvent = Type.Object(
  {
    fromStatus: Nullable(literals(withdrawalStatuses)),
    toStatus: literals(withdrawalStatuses),
    actorKind: literals(withdrawalActorKinds),
    actorId: Nullable(Type.String()),
    note: Type.String(),
    at: Timestamp,
  },
  { examples: eventExamples },
);
export type WithdrawalEvent = Static<typeof WithdrawalEvent>;

const consoleWithdrawalExample = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  userId: '3d5e7f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f',
  nickname: '张三',
  amount: 2500,
  status: 'approved',
  outBillNo: 'W2025051008000012345678901',
  transferBillNo: null,
  transferState: null,
  failReason: null,
  attempts: 0,
  lastError: null,
  decidedBy: '4e6f8a0b-2c3d-4e5f-9a6b-7c8d9e0f1a2b',
  decidedAt: '2025-05-10T09:00:00.000Z',
  decisionNote: '核对无误',
  createdAt: '2025-05-10T08:00:00.000Z',
  paidAt: null,
};

export const ConsoleWithdrawal = Type.Object(
  {
    id: Id,
    userId: Id,
    nickname: Type.String(),
    amount: Fen,
    status: literals(withdrawalStatuses),
    outBillNo: Type.String(),
    transferBillNo: Nullable(Type.String()),
    transferState: Nullable(Type.String()),
    failReason: Nullable(Type.String()),
    attempts: Type.Integer(),
    lastError: Nullable(Type.String()),
    decidedBy: Nullable(Id),
    decidedAt: Nullable(Timestamp),
    decisionNote: Type.String(),
    createdAt: Timestamp,
    paidAt: Nullable(Timestamp),
  },
  { examples: [consoleWithdrawalExample] },
);
export type ConsoleWithdrawal = Static<typeof ConsoleWithdrawal>;
export const ConsoleWithdrawalPage = Page(ConsoleWithdrawal);
export type ConsoleWithdrawalPage = Static<typeof ConsoleWithdrawalPage>;
export const ConsoleWithdrawalDetail = Type.Composite([ConsoleWithdrawal, Type.Object({ events: Type.Array(WithdrawalEvent) })], {
  examples: [{ ...consoleWithdrawalExample, events: eventExamples }],
});
export type ConsoleWithdrawalDetail = Static<typeof ConsoleWithdrawalDetail>;

export const WithdrawalDecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false, examples: [{ note: '核对无误' }] },
);
export type WithdrawalDecisionBody = Static<typeof WithdrawalDecisionBody>;
