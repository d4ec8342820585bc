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

/** One campaign, '3 人团 · 阳山水蜜桃', seen from the console and from the product page. */
const productId = '5b0d7f1e-3f7a-4c57-9a0e-1c2b3d4e5f60';
const skuId = '8e2f4a6c-1d3b-4f5e-9a7c-0b2d4e6f8a1c';
const createCampaignExample = {
  productId,
  title: '3 人团 · 阳山水蜜桃',
  groupSize: 3,
  timeLimitMinutes: 1440,
  startsAt: '2025-06-01T00:00:00.000Z',
  endsAt: '2025-06-30T16:00:00.000Z',
  perUserLimit: 2,
  newUsersOnly: false,
  skus: [{ skuId, groupPrice: 1990, leaderPrice: 1790 }],
};
const campaignExample = {
  id: '1c9e7a5b-3d2f-4e6a-8b0c-7f5e3d1b9a2c',
  ...createCampaignExample,
  productTitle: '阳山水蜜桃 6 只装',
  productCoverUrl: '/media/products/peach.jpg',
  skus: [{ skuId, specs: { 规格: '6 只装' }, price: 2990, groupPrice: 1990, leaderPrice: 1790 }],
  active: true,
  createdAt: '2025-05-28T03:15:00.000Z',
  groups: { pending: 1, open: 4, succeeded: 27, failed: 3, abandoned: 2 },
};
const groupId = '6f4d2b0a-9e7c-4a5b-8d3f-1e0c9b7a5d3e';
const monitoredGroupExample = {
  id: groupId,
  status: 'open',
  size: 3,
  seatsTaken: 2,
  seatsPaid: 1,
  openedAt: '2025-06-02T12:00:00.000Z',
  expiresAt: '2025-06-03T12:00:00.000Z',
  secondsLeft: 3600,
  createdAt: '2025-06-02T11:58:00.000Z',
  members: [
    { nickname: '王小明', isLeader: true, seat: 'paid' },
    { nickname: '李娜', isLeader: false, seat: 'reserved' },
  ],
};
const avatarUrl = 'https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTK/132';

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
  {
    additionalProperties: false,
    examples: [createCampaignExample],
  },
);
export type CreateGroupCampaignBody = Static<typeof CreateGroupCampaignBody>;

/** The window may only grow: a shopper who saw "ends at …" is never cut short. */
export const UpdateGroupCampaignBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    active: Type.Optional(Type.Boolean()),
    endsAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ endsAt: '2025-07-15T16:00:00.000Z' }] },
);
export type UpdateGroupCampaignBody = Static<typeof UpdateGroupCampaignBody>;

/** A SKU's group prices beside what it is and what it costs without a group, so staff can compare. */
export const CampaignSku = Type.Object({
  skuId: Id,
  specs: Type.Record(Type.String(), Type.String()),
  /** the SKU's everyday price now */
  price: Fen,
  groupPrice: Fen,
  leaderPrice: Nullable(Fen),
});
export type CampaignSku = Static<typeof CampaignSku>;

export const GroupCountsByStatus = Type.Object(Object.fromEntries(groupStatuses.map((s) => [s, Type.Integer()])) as Record<GroupStatus, ReturnType<typeof Type.Integer>>);
export type GroupCountsByStatus = Static<typeof GroupCountsByStatus>;

export const GroupCampaign = Type.Object(
  {
    id: Id,
    productId: Id,
    productTitle: Type.String(),
    /** the product's first image; '' when it has none */
    productCoverUrl: Type.String(),
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
  },
  { examples: [campaignExample] },
);
export type GroupCampaign = Static<typeof GroupCampaign>;
export const GroupCampaignPage = Page(GroupCampaign);
export type GroupCampaignPage = Static<typeof GroupCampaignPage>;

export const CampaignGroupsQuery = Type.Object(
  { ...CursorQuery, status: Type.Optional(literals(groupStatuses)) },
  { additionalProperties: false },
);
export type CampaignGroupsQuery = Static<typeof CampaignGroupsQuery>;

/** The console's live group monitor: who holds which seat, paid or only reserved. */
export const MonitoredGroup = Type.Object(
  {
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
  },
  { examples: [monitoredGroupExample] },
);
export type MonitoredGroup = Static<typeof MonitoredGroup>;
export const MonitoredGroupPage = Page(MonitoredGroup);
export type MonitoredGroupPage = Static<typeof MonitoredGroupPage>;

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
export const ProductGroupBuys = Type.Object(
  { items: Type.Array(ProductGroupBuy) },
  {
    examples: [
      {
        items: [
          {
            campaignId: campaignExample.id,
            title: campaignExample.title,
            groupSize: 3,
            timeLimitMinutes: 1440,
            endsAt: campaignExample.endsAt,
            perUserLimit: 2,
            newUsersOnly: false,
            skus: [{ skuId, price: 2990, groupPrice: 1990, leaderPrice: 1790 }],
            openGroups: [{ id: groupId, size: 3, missing: 2, expiresAt: monitoredGroupExample.expiresAt, leader: { nickname: '王*', avatarUrl } }],
          },
        ],
      },
    ],
  },
);
export type ProductGroupBuys = Static<typeof ProductGroupBuys>;

export const GroupDetail = Type.Object(
  {
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
  },
  {
    examples: [
      {
        id: groupId,
        campaignId: campaignExample.id,
        campaignTitle: campaignExample.title,
        productId,
        status: 'open',
        size: 3,
        paidCount: 1,
        missing: 2,
        expiresAt: monitoredGroupExample.expiresAt,
        members: [{ nickname: '王*', avatarUrl, isLeader: true }],
      },
    ],
  },
);
export type GroupDetail = Static<typeof GroupDetail>;

export const RunningCampaignsQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 6 })) },
  { additionalProperties: false },
);
export type RunningCampaignsQuery = Static<typeof RunningCampaignsQuery>;

/** A running campaign as the home page's 热门拼团 shows it: the product, its lowest group price, real counts. */
export const RunningCampaign = Type.Object({
  campaignId: Id,
  productId: Id,
  title: Type.String(),
  productTitle: Type.String(),
  coverUrl: Type.String(),
  groupSize: Type.Integer(),
  /** the lowest group price among the campaign's SKUs */
  groupPrice: Fen,
  /** the usual price of the SKU with that group price */
  price: Fen,
  endsAt: Timestamp,
  /** paid seats in this campaign's groups: shoppers who really joined */
  joinedCount: Type.Integer({ minimum: 0 }),
  salesCount: Type.Integer({ minimum: 0 }),
});
export type RunningCampaign = Static<typeof RunningCampaign>;
export const RunningCampaigns = Type.Object(
  { items: Type.Array(RunningCampaign) },
  {
    examples: [
      {
        items: [
          {
            campaignId: campaignExample.id,
            productId,
            title: campaignExample.title,
            productTitle: '阳山水蜜桃 6 只装',
            coverUrl: '/media/products/peach.jpg',
            groupSize: 3,
            groupPrice: 1990,
            price: 2990,
            endsAt: campaignExample.endsAt,
            joinedCount: 86,
            salesCount: 312,
          },
        ],
      },
    ],
  },
);
export type RunningCampaigns = Static<typeof RunningCampaigns>;
