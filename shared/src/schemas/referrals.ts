import { Type, type Static } from '@sinclair/typebox';
import { sceneMaxLength, shareIdPattern } from '../share-landing';
import { CursorQuery, Fen, Id, Page, Timestamp } from './common';

/** what a share points at: a product page, a group to join, or just the shop (an invitation) */
export const shareKinds = ['product', 'group', 'invite'] as const;
/** where the shopper shared it: a chat card, the timeline, a poster, a copied link */
export const shareChannels = ['chat', 'timeline', 'poster', 'link'] as const;
export type ShareKind = (typeof shareKinds)[number];
export type ShareChannel = (typeof shareChannels)[number];

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** A share id is minted by the BFF: 12 url-safe characters, also usable as a wxacode scene. */
export const ShareId = Type.String({ pattern: shareIdPattern.source, examples: ['q3Zk8_Lm2xWa'] });

export const CreateShareBody = Type.Object(
  {
    kind: literals(shareKinds),
    /** the product or group id; omitted for an invitation */
    targetId: Type.Optional(Id),
    channel: literals(shareChannels),
  },
  {
    additionalProperties: false,
    examples: [
      { kind: 'product', targetId: '5b1f0c1e-8a53-4c1e-9d0b-2f6a7c3e9a41', channel: 'chat' },
      { kind: 'invite', channel: 'poster' },
    ],
  },
);
export type CreateShareBody = Static<typeof CreateShareBody>;

export const CreatedShare = Type.Object(
  {
    shareId: ShareId,
    /** the mini-program page path carrying the share id, for onShareAppMessage / onShareTimeline */
    path: Type.String(),
    /** the wxacode.getUnlimited scene (≤ 32 characters) */
    scene: Type.String({ maxLength: sceneMaxLength }),
  },
  {
    examples: [
      { shareId: 'q3Zk8_Lm2xWa', path: 'pages/landing/index?s=q3Zk8_Lm2xWa', scene: 'q3Zk8_Lm2xWa' },
    ],
  },
);
export type CreatedShare = Static<typeof CreatedShare>;

export const ShareOpened = Type.Object(
  {
    kind: literals(shareKinds),
    targetId: Type.Union([Id, Type.Null()]),
    /** masked ('张*'): a visitor never learns who the sharer is beyond that */
    sharerNickname: Type.String(),
  },
  { examples: [{ kind: 'group', targetId: '0e6b9d2a-3f41-4c8e-a1d7-6b2c9f0e4d13', sharerNickname: '张*' }] },
);
export type ShareOpened = Static<typeof ShareOpened>;

/** The characters of an invite code: no 0/O, 1/I/L (the database checks the same). */
export const inviteCodePattern = /^[2-9A-HJKMNP-Z]{1,8}$/;
export const InviteCode = Type.String({ pattern: inviteCodePattern.source, examples: ['7KQ2M9XD'] });

/**
 * A visitor opened a page shared to the timeline (朋友圈): WeChat opens the page itself with a query
 * fixed when the sharer shared, so the query carries the sharer's invite code instead of a share id.
 */
export const TimelineOpenBody = Type.Object(
  {
    inviteCode: InviteCode,
    kind: Type.Union([Type.Literal('product'), Type.Literal('group')]),
    targetId: Id,
  },
  {
    additionalProperties: false,
    examples: [{ inviteCode: '7KQ2M9XD', kind: 'product', targetId: '5b1f0c1e-8a53-4c1e-9d0b-2f6a7c3e9a41' }],
  },
);
export type TimelineOpenBody = Static<typeof TimelineOpenBody>;

/** What opening a share says, plus the timeline share's id, which the page carries on to checkout. */
export const TimelineShareOpened = Type.Object(
  { shareId: ShareId, ...ShareOpened.properties },
  { examples: [{ shareId: 'q3Zk8_Lm2xWa', kind: 'product', targetId: '5b1f0c1e-8a53-4c1e-9d0b-2f6a7c3e9a41', sharerNickname: '张*' }] },
);
export type TimelineShareOpened = Static<typeof TimelineShareOpened>;

export const MyReferral = Type.Object(
  {
    inviteCode: Type.String({ maxLength: 8 }),
    inviter: Type.Union([Type.Object({ nickname: Type.String() }), Type.Null()]),
    invitees: Type.Integer({ minimum: 0 }),
  },
  { examples: [{ inviteCode: '7KQ2M9XD', inviter: { nickname: '李*' }, invitees: 3 }] },
);
export type MyReferral = Static<typeof MyReferral>;

export const Invitee = Type.Object({ nickname: Type.String(), boundAt: Timestamp }, { examples: [{ nickname: '王*', boundAt: '2025-05-20T08:30:00.000Z' }] });
export type Invitee = Static<typeof Invitee>;
export const InviteePage = Page(Invitee);
export const InviteesQuery = Type.Object({ ...CursorQuery }, { additionalProperties: false });

/** The group-buy a poster advertises: a running campaign on the product, or the very group shared. */
export const PosterGroupBuy = Type.Object({
  /** the campaign's lowest group price (what a member pays; a leader's price may be lower) */
  groupPrice: Fen,
  groupSize: Type.Integer({ minimum: 2 }),
  /** seats still to be paid for; null for a campaign, where no group is open yet */
  missing: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** when the group closes, or when the campaign ends */
  expiresAt: Timestamp,
});
export type PosterGroupBuy = Static<typeof PosterGroupBuy>;

/** Everything the mini-program's canvas needs to draw a share poster. URLs are absolute when PUBLIC_BASE_URL is set. */
export const SharePoster = Type.Object(
  {
    kind: literals(shareKinds),
    /** the product title, or the shop name for an invitation */
    title: Type.String(),
    /** the product subtitle, or the invitation copy */
    subtitle: Type.String(),
    /** the product cover; null for an invitation (the canvas draws the shop's own artwork) */
    imageUrl: Type.Union([Type.String(), Type.Null()]),
    /** the cheapest SKU's price and list price; null for an invitation */
    price: Type.Union([Fen, Type.Null()]),
    listPrice: Type.Union([Fen, Type.Null()]),
    groupBuy: Type.Union([PosterGroupBuy, Type.Null()]),
    /** the sharer's own name and avatar, shown unmasked: it is their poster */
    sharer: Type.Object({ nickname: Type.String(), avatarUrl: Type.String() }),
    /** the PNG to draw: a mini-program code, or a QR code to `h5Url` outside WeChat */
    codeUrl: Type.String(),
    /** the h5 landing link for this share (what the fallback QR code points to) */
    h5Url: Type.String(),
    /** the wxacode scene: the share id */
    scene: Type.String({ maxLength: sceneMaxLength }),
    /** the mini-program page the code opens; it reads the share id from `scene` */
    page: Type.String(),
  },
  {
    examples: [
      {
        kind: 'group',
        title: '海南贵妃芒 5 斤装',
        subtitle: '树上熟，48 小时到家',
        imageUrl: 'https://shop.example.com/media/products/mango-1.png',
        price: 3990,
        listPrice: 5990,
        groupBuy: { groupPrice: 2990, groupSize: 3, missing: 1, expiresAt: '2025-06-01T12:00:00.000Z' },
        sharer: { nickname: '张小花', avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/avatar/132' },
        codeUrl: 'https://shop.example.com/api/shares/q3Zk8_Lm2xWa/code.png',
        h5Url: 'https://shop.example.com/h5/#/pages/landing/index?s=q3Zk8_Lm2xWa',
        scene: 'q3Zk8_Lm2xWa',
        page: 'pages/landing/index',
      },
    ],
  },
);
export type SharePoster = Static<typeof SharePoster>;
