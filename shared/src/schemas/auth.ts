import { Type, type Static } from '@sinclair/typebox';
import { displayNamePolicy, passwordPolicy, usernamePolicy } from '../staff-accounts';
import { Id, Timestamp } from './common';

// ---- tokens -------------------------------------------------------------------------------------

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

const tokenFields = {
  accessToken: Type.String({ description: 'JWT for the Authorization: Bearer header' }),
  refreshToken: Type.String({ description: 'single use: each refresh returns its successor' }),
  expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
};

export const TokenPair = Type.Object(tokenFields);
export type TokenPair = Static<typeof TokenPair>;

// ---- shoppers -----------------------------------------------------------------------------------

/** Printable text: no control characters, no leading or trailing blanks. */
const printable = '^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$';

export const WechatLoginBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'the code from wx.login' }) },
  { additionalProperties: false },
);
export type WechatLoginBody = Static<typeof WechatLoginBody>;

export const DevLoginBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 32, pattern: printable }) },
  { additionalProperties: false },
);
export type DevLoginBody = Static<typeof DevLoginBody>;

export const Me = Type.Object({
  id: Id,
  nickname: Type.String(),
  avatarUrl: Type.String(),
  phoneMasked: Type.Union([Type.String({ examples: ['138****8000'] }), Type.Null()]),
});
export type Me = Static<typeof Me>;

export const ShopperSession = Type.Object({ ...tokenFields, user: Me });
export type ShopperSession = Static<typeof ShopperSession>;

export const UpdateMeBody = Type.Object(
  {
    nickname: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: printable })),
    /** An uploaded image: an https URL or a path on this BFF (e.g. /media/...). */
    avatarUrl: Type.Optional(Type.String({ maxLength: 512, pattern: '^(https?://|/)[^\\s]+$' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const BindPhoneBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'the code from the getPhoneNumber button' }) },
  { additionalProperties: false },
);
export type BindPhoneBody = Static<typeof BindPhoneBody>;

// ---- staff --------------------------------------------------------------------------------------

export const staffRoleNames = ['owner', 'operator', 'service', 'finance'] as const;
export const StaffRole = Type.Union(staffRoleNames.map((r) => Type.Literal(r)));
export type StaffRole = Static<typeof StaffRole>;

export const NewPassword = Type.String({ ...passwordPolicy, description: `at least ${passwordPolicy.minLength} characters` });

export const Username = Type.String({ ...usernamePolicy, description: 'lower-case letters, digits, _ . -' });

const DisplayName = Type.String({ ...displayNamePolicy, pattern: printable });

export const StaffLoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: passwordPolicy.maxLength }),
  },
  { additionalProperties: false },
);
export type StaffLoginBody = Static<typeof StaffLoginBody>;

export const StaffProfile = Type.Object({ id: Id, username: Type.String(), displayName: Type.String(), role: StaffRole });
export type StaffProfile = Static<typeof StaffProfile>;

export const StaffSession = Type.Object({ ...tokenFields, staff: StaffProfile });
export type StaffSession = Static<typeof StaffSession>;

export const StaffMember = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRole,
  active: Type.Boolean(),
  createdAt: Timestamp,
});
export type StaffMember = Static<typeof StaffMember>;

/** A member in the owner's staff list: with when they last signed in, which the audit log knows. */
export const StaffListItem = Type.Composite([
  StaffMember,
  Type.Object({ lastSignInAt: Type.Union([Timestamp, Type.Null()], { description: 'the last successful console sign-in; null: never' }) }),
]);
export type StaffListItem = Static<typeof StaffListItem>;

export const StaffList = Type.Object({ items: Type.Array(StaffListItem) });
export type StaffList = Static<typeof StaffList>;

export const CreateStaffBody = Type.Object(
  { username: Username, displayName: DisplayName, role: StaffRole, password: NewPassword },
  { additionalProperties: false },
);
export type CreateStaffBody = Static<typeof CreateStaffBody>;

export const UpdateStaffBody = Type.Object(
  { displayName: Type.Optional(DisplayName), role: Type.Optional(StaffRole), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStaffBody = Static<typeof UpdateStaffBody>;

export const StaffIdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: passwordPolicy.maxLength }), newPassword: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
