import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { StaffRole } from './auth';
import { CursorQuery, Id, Page, ShanghaiDay, Timestamp } from './common';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Where a masked secret stood in a stored payload. */
export const maskedSecret = '***';

const staffActionExample = {
  id: '5b1d7c3e-2a4f-4e6b-9c8d-0f1e2d3c4b5a',
  staffId: '4e6f8a0b-2c3d-4e5f-9a6b-7c8d9e0f1a2b',
  username: 'owner',
  displayName: '店主',
  role: 'owner',
  method: 'POST',
  route: '/api/console/staff',
  action: '新增员工',
  targetId: null,
  payload: { username: 'cai.wu', displayName: '财务小周', role: 'finance', password: maskedSecret },
  statusCode: 201,
  errorCode: null,
  ip: '203.0.113.7',
  requestId: '0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c',
  createdAt: '2025-05-10T08:00:00.123Z',
};

/** One entry of the audit log: who did what to which record, when, and how it ended. */
export const StaffAction = Type.Object(
  {
    id: Id,
    /** null for a failed sign-in: nobody was identified */
    staffId: Nullable(Id),
    /** the account's username, or the one typed at a failed sign-in */
    username: Nullable(Type.String()),
    /** the account's display name today; null when there is no such account */
    displayName: Nullable(Type.String()),
    /** the role the request acted in */
    role: Nullable(StaffRole),
    method: Type.String({ examples: ['PATCH'] }),
    route: Type.String({ description: 'the route pattern', examples: ['/api/console/orders/:id/ship'] }),
    action: Type.String({ description: 'the route’s summary', examples: ['发货（快递公司 + 运单号）'] }),
    /** the :id, :userId or :productId the route acted on */
    targetId: Nullable(Type.String()),
    payload: Type.Unknown({ description: `the request body as sent, every password, secret or token replaced by "${maskedSecret}", cut to a few KB; null without a body` }),
    statusCode: Type.Integer({ description: 'the HTTP status answered' }),
    errorCode: Nullable(Type.String({ description: 'the error body’s code when the action failed' })),
    ip: Type.String(),
    requestId: Type.String({ description: 'the x-request-id of the request, to find it in the logs' }),
    createdAt: Timestamp,
  },
  { examples: [staffActionExample] },
);
export type StaffAction = Static<typeof StaffAction>;

export const StaffActionPage = Page(StaffAction);
export type StaffActionPage = Static<typeof StaffActionPage>;

/** The longest action text the log can be searched by. */
export const maxActionFilterLength = 50;

export const StaffActionQuery = Type.Object(
  {
    ...CursorQuery,
    staffId: Type.Optional(Id),
    /** the first day shown, inclusive */
    from: Type.Optional(ShanghaiDay),
    /** the last day shown, inclusive */
    to: Type.Optional(ShanghaiDay),
    /** part of the action's name, e.g. 发货 */
    action: Type.Optional(Type.String({ minLength: 1, maxLength: maxActionFilterLength })),
  },
  { additionalProperties: false, examples: [{ from: '2025-05-01', to: '2025-05-31', action: '员工' }] },
);
export type StaffActionQuery = Static<typeof StaffActionQuery>;
