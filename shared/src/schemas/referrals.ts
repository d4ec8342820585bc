import { Type, type Static } from '@sinclair/typebox';
import { CursorQuery, Id, Page, Timestamp } from './common';

/** what a share points at: a product page, a group to join, or just the shop (an invitation) */
export const shareKinds = ['product', 'group', 'invite'] as const;
/** where the shopper shared it: a chat card, the timeline, a poster, a copied link */
export const shareChannels = ['chat', 'timeline', 'poster', 'link'] as const;
export type ShareKind = (typeof shareKinds)[number];
export type ShareChannel = (typeof shareChannels)[number];

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** A share id is minted by the BFF: 12 url-safe characters, also usable as a wxacode scene. */
export const ShareId = Type.String({ pattern: '^[A-Za-z0-9_-]{10,16}$' });

export const CreateShareBody = Type.Object(
  {
    kind: literals(shareKinds),
    /** the product or group id; omitted for an invitation */
    targetId: Type.Optional(Id),
    channel: literals(shareChannels),
  },
  { additionalProperties: false },
);
export type CreateShareBody = Static<typeof CreateShareBody>;

export const CreatedShare = Type.Object({
  shareId: ShareId,
  /** the mini-program page path carrying the share id, for onShareAppMessage / onShareTimeline */
  path: Type.String(),
  /** the wxacode.getUnlimited scene (≤ 32 characters) */
  scene: Type.String({ maxLength: 32 }),
});
export type CreatedShare = Static<typeof CreatedShare>;

export const ShareOpened = Type.Object({
  kind: literals(shareKinds),
  targetId: Type.Union([Id, Type.Null()]),
  /** masked ('张*'): a visitor never learns who the sharer is beyond that */
  sharerNickname: Type.String(),
});
export type ShareOpened = Static<typeof ShareOpened>;

export const MyReferral = Type.Object({
  inviteCode: Type.String({ maxLength: 8 }),
  inviter: Type.Union([Type.Object({ nickname: Type.String() }), Type.Null()]),
  invitees: Type.Integer({ minimum: 0 }),
});
export type MyReferral = Static<typeof MyReferral>;

export const Invitee = Type.Object({ nickname: Type.String(), boundAt: Timestamp });
export type Invitee = Static<typeof Invitee>;
export const InviteePage = Page(Invitee);
export const InviteesQuery = Type.Object({ ...CursorQuery }, { additionalProperties: false });
