import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { users } from '../../src/modules/users/tables';

type Headers = Record<string, string>;

export function createShare(app: App, headers: Headers, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/shares', headers, payload: body });
}

/** A share id minted for an invitation by the shopper behind `headers`. */
export async function inviteShareOf(app: App, headers: Headers): Promise<string> {
  const res = await createShare(app, headers, { kind: 'invite', channel: 'chat' });
  if (res.statusCode !== 201) throw new Error(`share not created: ${res.body}`);
  return res.json<{ shareId: string }>().shareId;
}

export function openShare(app: App, shareId: string, headers: Headers = {}) {
  return app.inject({ method: 'POST', url: `/api/shares/${shareId}/open`, headers });
}

/** Makes the shopper's account `days` old. */
export async function ageAccount(app: App, userId: string, days: number): Promise<void> {
  await app.db.update(users).set({ createdAt: new Date(Date.now() - days * 86_400_000) }).where(eq(users.id, userId));
}

export function openTimelineShare(app: App, body: Record<string, unknown>, headers: Headers = {}) {
  return app.inject({ method: 'POST', url: '/api/shares/timeline-open', headers, payload: body });
}

/** The invite code of the shopper behind `headers`, as their timeline posts carry it. */
export async function inviteCodeOf(app: App, headers: Headers): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/referrals/me', headers });
  if (res.statusCode !== 200) throw new Error(`no invite code: ${res.body}`);
  return res.json<{ inviteCode: string }>().inviteCode;
}
