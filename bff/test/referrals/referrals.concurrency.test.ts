import { and, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { analyticsEvents } from '../../src/modules/analytics/tables';
import { bindViewerToSharer } from '../../src/modules/referrals/inviter-binding';
import { referralProfiles, shareOpens, shares } from '../../src/modules/referrals/tables';
import { createProduct, createShopper } from '../fixtures';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { inviteCodeOf, inviteShareOf, openShare, openTimelineShare } from './referral-fixtures';

describeOnPostgres('referral binding under concurrency on a real PostgreSQL server', () => {
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase());
  });
  afterAll(async () => {
    await close?.();
  });

  it('binds a new shopper opening 10 sharers’ shares at the same moment to exactly one of them', async () => {
    const sharers = await Promise.all(Array.from({ length: 10 }, (_, i) => createShopper(app, `sharer${i}`)));
    const shareIds = await Promise.all(sharers.map((s) => inviteShareOf(app, s.headers)));
    const viewer = await createShopper(app, 'newcomer');

    const results = await Promise.all(shareIds.map((id) => openShare(app, id, viewer.headers)));

    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const rows = await app.db.select({ inviterId: referralProfiles.inviterId }).from(referralProfiles).where(eq(referralProfiles.userId, viewer.userId));
    expect(rows).toHaveLength(1);
    expect(sharers.map((s) => s.userId)).toContain(rows[0]!.inviterId);
    const opens = await app.db.select().from(shareOpens).where(eq(shareOpens.viewerId, viewer.userId));
    expect(opens).toHaveLength(10);
  });

  it('lets exactly one of 10 simultaneous binding attempts for one new shopper succeed', async () => {
    const sharers = await Promise.all(Array.from({ length: 10 }, (_, i) => createShopper(app, `racer${i}`)));
    const viewer = await createShopper(app, 'contested');

    const outcomes = await Promise.all(sharers.map((s) => bindViewerToSharer(app, viewer.userId, s.userId)));

    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const winner = sharers[outcomes.indexOf(true)]!;
    const [row] = await app.db.select({ inviterId: referralProfiles.inviterId }).from(referralProfiles).where(eq(referralProfiles.userId, viewer.userId));
    expect(row!.inviterId).toBe(winner.userId);
  });

  it('never binds two shoppers to each other when each opens the other’s share at the same moment', async () => {
    const a = await createShopper(app, 'A');
    const b = await createShopper(app, 'B');
    const [aShare, bShare] = await Promise.all([inviteShareOf(app, a.headers), inviteShareOf(app, b.headers)]);

    await Promise.all([openShare(app, bShare, a.headers), openShare(app, aShare, b.headers)]);

    const inviters = await Promise.all(
      [a, b].map(async (s) => (await app.db.select({ inviterId: referralProfiles.inviterId }).from(referralProfiles).where(eq(referralProfiles.userId, s.userId)))[0]?.inviterId ?? null),
    );
    expect(inviters.filter((i) => i !== null)).toHaveLength(1);
  });

  it('mints one timeline share when 10 visitors open the same post at the same moment', async () => {
    const sharer = await createShopper(app, 'poster');
    const { productId } = await createProduct(app);
    const inviteCode = await inviteCodeOf(app, sharer.headers);
    const visitors = await Promise.all(Array.from({ length: 10 }, (_, i) => createShopper(app, `visitor${i}`)));

    const results = await Promise.all(visitors.map((v) => openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId }, v.headers)));

    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const minted = await app.db.select({ id: shares.id }).from(shares).where(eq(shares.sharerId, sharer.userId));
    expect(minted).toHaveLength(1);
    expect(new Set(results.map((r) => r.json<{ shareId: string }>().shareId))).toEqual(new Set([minted[0]!.id]));
    const created = await app.db.select().from(analyticsEvents).where(and(eq(analyticsEvents.name, 'share_created'), eq(analyticsEvents.userId, sharer.userId)));
    expect(created).toHaveLength(1);
    expect(await app.db.select().from(shareOpens).where(eq(shareOpens.shareId, minted[0]!.id))).toHaveLength(10);
  });
});
