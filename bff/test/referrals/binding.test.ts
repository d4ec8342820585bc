import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { referralProfiles } from '../../src/modules/referrals/tables';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';
import { ageAccount, inviteShareOf, openShare } from './referral-fixtures';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const inviterOf = async (userId: string) =>
  (await app.db.select({ inviterId: referralProfiles.inviterId }).from(referralProfiles).where(eq(referralProfiles.userId, userId)))[0]?.inviterId ?? null;

describe('binding a shopper to the sharer who brought them in', () => {
  it('binds a new shopper who opens a share to its sharer', async () => {
    const sharer = await createShopper(app);
    const viewer = await createShopper(app);
    await openShare(app, await inviteShareOf(app, sharer.headers), viewer.headers);
    expect(await inviterOf(viewer.userId)).toBe(sharer.userId);
  });

  it('keeps the first inviter when the shopper later opens another sharer’s share', async () => {
    const first = await createShopper(app);
    const second = await createShopper(app);
    const viewer = await createShopper(app);
    await openShare(app, await inviteShareOf(app, first.headers), viewer.headers);
    await openShare(app, await inviteShareOf(app, second.headers), viewer.headers);
    expect(await inviterOf(viewer.userId)).toBe(first.userId);
  });

  it('never binds a shopper who opens their own share', async () => {
    const sharer = await createShopper(app);
    const res = await openShare(app, await inviteShareOf(app, sharer.headers), sharer.headers);
    expect(res.statusCode).toBe(200);
    expect(await inviterOf(sharer.userId)).toBeNull();
  });

  it('does not close a cycle: when A brought B in, A opening B’s share leaves A unbound', async () => {
    const a = await createShopper(app, 'A');
    const b = await createShopper(app, 'B');
    await openShare(app, await inviteShareOf(app, a.headers), b.headers);
    await openShare(app, await inviteShareOf(app, b.headers), a.headers);
    expect(await inviterOf(b.userId)).toBe(a.userId);
    expect(await inviterOf(a.userId)).toBeNull();
  });

  it('does not close a longer cycle: A → B → C, A opening C’s share leaves A unbound', async () => {
    const a = await createShopper(app, 'A');
    const b = await createShopper(app, 'B');
    const c = await createShopper(app, 'C');
    await openShare(app, await inviteShareOf(app, a.headers), b.headers);
    await openShare(app, await inviteShareOf(app, b.headers), c.headers);
    await openShare(app, await inviteShareOf(app, c.headers), a.headers);
    expect(await inviterOf(c.userId)).toBe(b.userId);
    expect(await inviterOf(a.userId)).toBeNull();
  });

  it('does not bind an established shopper whose account is older than the binding window', async () => {
    const sharer = await createShopper(app);
    const viewer = await createShopper(app);
    await ageAccount(app, viewer.userId, 31);
    await openShare(app, await inviteShareOf(app, sharer.headers), viewer.headers);
    expect(await inviterOf(viewer.userId)).toBeNull();
  });

  it('follows REFERRAL_BINDING_DAYS: a 10-day-old account is not brought in with a 7-day window', async () => {
    const shortWindow = await buildTestApp({ REFERRAL_BINDING_DAYS: '7' });
    try {
      const sharer = await createShopper(shortWindow);
      const viewer = await createShopper(shortWindow);
      await ageAccount(shortWindow, viewer.userId, 10);
      await openShare(shortWindow, await inviteShareOf(shortWindow, sharer.headers), viewer.headers);
      const [row] = await shortWindow.db.select({ inviterId: referralProfiles.inviterId }).from(referralProfiles).where(eq(referralProfiles.userId, viewer.userId));
      expect(row?.inviterId ?? null).toBeNull();
    } finally {
      await shortWindow.close();
    }
  });
});
