import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CursorQuery, Fen, Id, Page, Timestamp } from './common';

/** A group: waiting for its leader to pay, open for joiners, then succeeded or failed (or abandoned unpaid). */
export const groupStatuses = ['pending', 'open', 'succeeded', 'failed', 'abandoned'] as const;
export type GroupStatus = (typeof groupStatuses)[number];

/** A seat: reserved by an unpaid order, paid, released (order unpaid), or refunded (group failed). */
export const seatStatuses = ['reserved', 'paid', 'released', 'refunded'] as const;
export type SeatStatus = (typeof seatStatuses)[number];

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Price = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'amount in fen (分)' });

export const CampaignSkuInput = Type.Object(
  {
    skuId: Id,
    groupPrice: Price,
    /** 团长价; omitted = the leader pays the group price */
    leaderPrice: Type.Optional(Price),
  },
  { additionalProperties: false },
);

/** Cross-field rules (SKUs of the product, prices below the SKU's, window order) are checked by the BFF. */
export const CreateGroupCampaignBody = Type.Object(
  {
    productId: Id,
    title: Type.String({ minLength: 1, maxLength: 40 }),
    groupSize: Type.Integer({ minimum: 2, maximum: 20 }),
    timeLimitMinutes: Type.Integer({ minimum: 5, maximum: 10080 }),
    startsAt: Timestamp,
    endsAt: Timestamp,
    perUserLimit: Type.Integer({ minimum: 1, maximum: 100 }),
    newUsersOnly: Type.Boolean(),
    skus: Type.Array(CampaignSkuInput, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type CreateGroupCampaignBody = Static<typeof CreateGroupCampaignBody>;

/** The window may only grow: a shopper who saw "ends at …" is never cut short. */
export const UpdateGroupCampaignBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    active: Type.Optional(Type.Boolean()),
    endsAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGroupCampaignBody = Static<typeof UpdateGroupCampaignBody>;

export const CampaignSku = Type.Object({ skuId: Id, groupPrice: Fen, leaderPrice: Nullable(Fen) });
export type CampaignSku = Static<typeof CampaignSku>;

export const GroupCountsByStatus = Type.Object(Object.fromEntries(groupStatuses.map((s) => [s, Type.Integer()])) as Record<GroupStatus, ReturnType<typeof Type.Integer>>);
export type GroupCountsByStatus = Static<typeof GroupCountsByStatus>;

export const GroupCampaign = Type.Object({
  id: Id,
  productId: Id,
  title: Type.String(),
  groupSize: Type.Integer(),
  timeLimitMinutes: Type.Integer(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  perUserLimit: Type.Integer(),
  newUsersOnly: Type.Boolean(),
  active: Type.Boolean(),
  createdAt: Timestamp,
  skus: Type.Array(CampaignSku),
  groups: GroupCountsByStatus,
});
export type GroupCampaign = Static<typeof GroupCampaign>;
export const GroupCampaignPage = Page(GroupCampaign);

export const CampaignGroupsQuery = Type.Object(
  { ...CursorQuery, status: Type.Optional(literals(groupStatuses)) },
  { additionalProperties: false },
);
export type CampaignGroupsQuery = Static<typeof CampaignGroupsQuery>;

/** The console's live group monitor: who holds which seat, paid or only reserved. */
export const MonitoredGroup = Type.Object({
  id: Id,
  status: literals(groupStatuses),
  size: Type.Integer(),
  seatsTaken: Type.Integer(),
  seatsPaid: Type.Integer(),
  openedAt: Nullable(Timestamp),
  expiresAt: Nullable(Timestamp),
  /** seconds until an open group expires; null once it is no longer open */
  secondsLeft: Nullable(Type.Integer({ minimum: 0 })),
  createdAt: Timestamp,
  members: Type.Array(Type.Object({ nickname: Type.String(), isLeader: Type.Boolean(), seat: literals(seatStatuses) })),
});
export type MonitoredGroup = Static<typeof MonitoredGroup>;
export const MonitoredGroupPage = Page(MonitoredGroup);

/** A shopper only ever sees paid members, with names masked ('张*'); never user ids. */
export const GroupMember = Type.Object({ nickname: Type.String(), avatarUrl: Type.String(), isLeader: Type.Boolean() });
export type GroupMember = Static<typeof GroupMember>;

export const JoinableGroup = Type.Object({
  id: Id,
  size: Type.Integer(),
  /** members still needed: size − paid seats */
  missing: Type.Integer(),
  expiresAt: Timestamp,
  leader: Type.Object({ nickname: Type.String(), avatarUrl: Type.String() }),
});
export type JoinableGroup = Static<typeof JoinableGroup>;

export const ProductGroupBuy = Type.Object({
  campaignId: Id,
  title: Type.String(),
  groupSize: Type.Integer(),
  timeLimitMinutes: Type.Integer(),
  endsAt: Timestamp,
  perUserLimit: Type.Integer(),
  newUsersOnly: Type.Boolean(),
  skus: Type.Array(Type.Object({ skuId: Id, price: Fen, groupPrice: Fen, leaderPrice: Nullable(Fen) })),
  /** the open groups closest to success first, at most 10 */
  openGroups: Type.Array(JoinableGroup),
});
export type ProductGroupBuy = Static<typeof ProductGroupBuy>;
export const ProductGroupBuys = Type.Object({ items: Type.Array(ProductGroupBuy) });
export type ProductGroupBuys = Static<typeof ProductGroupBuys>;

export const GroupDetail = Type.Object({
  id: Id,
  campaignId: Id,
  campaignTitle: Type.String(),
  productId: Id,
  status: literals(groupStatuses),
  size: Type.Integer(),
  paidCount: Type.Integer(),
  missing: Type.Integer(),
  expiresAt: Nullable(Timestamp),
  members: Type.Array(GroupMember),
});
export type GroupDetail = Static<typeof GroupDetail>;
