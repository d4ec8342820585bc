import { and, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { analyticsEvents } from '../../src/modules/analytics/tables';
import { referralProfiles, shareOpens, shares } from '../../src/modules/referrals/tables';
import { createProduct, createShopper } from '../fixtures';
import { createRunningCampaign, insertGroup } from '../group-buys/group-state-fixtures';
import { buildTestApp } from '../helper';
import { createShare, inviteCodeOf, openTimelineShare } from './referral-fixtures';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const timelineSharesOf = (sharerId: string) =>
  app.db.select({ id: shares.id, kind: shares.kind, targetId: shares.targetId }).from(shares).where(and(eq(shares.sharerId, sharerId), eq(shares.channel, 'timeline')));
const createdEventsOf = (shareId: string) =>
  app.db.select({ id: analyticsEvents.id }).from(analyticsEvents).where(and(eq(analyticsEvents.shareId, shareId), eq(analyticsEvents.name, 'share_created')));
const inviterOf = async (userId: string) =>
  (await app.db.select({ inviterId: referralProfiles.inviterId }).from(referralProfiles).where(eq(referralProfiles.userId, userId)))[0]?.inviterId ?? null;

async function productPostedBy(nickname = '王小明') {
  const sharer = await createShopper(app, nickname);
  const { productId } = await createProduct(app);
  return { sharer, productId, inviteCode: await inviteCodeOf(app, sharer.headers) };
}

describe('opening a page shared to the timeline', () => {
  it('mints the sharer’s timeline share on the first open and answers it with the target and the masked sharer', async () => {
    const { sharer, productId, inviteCode } = await productPostedBy('王小明');
    expect(await timelineSharesOf(sharer.userId)).toEqual([]);

    const res = await openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId });

    expect(res.statusCode).toBe(200);
    const [share] = await timelineSharesOf(sharer.userId);
    expect(res.json()).toEqual({ shareId: share!.id, kind: 'product', targetId: productId, sharerNickname: '王*' });
    expect(await createdEventsOf(share!.id)).toHaveLength(1);
  });

  it('mints one share however often the post is opened, and records every open', async () => {
    const { sharer, productId, inviteCode } = await productPostedBy();
    const visitor = await createShopper(app);

    const ids = [];
    for (const headers of [{}, visitor.headers, {}, sharer.headers]) {
      ids.push((await openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId }, headers)).json().shareId);
    }

    expect(new Set(ids).size).toBe(1);
    expect(await timelineSharesOf(sharer.userId)).toHaveLength(1);
    expect(await createdEventsOf(ids[0])).toHaveLength(1);
    expect(await app.db.select().from(shareOpens).where(eq(shareOpens.shareId, ids[0]))).toHaveLength(4);
  });

  it('answers the same share to the sharer’s own share button for the timeline', async () => {
    const { sharer, productId, inviteCode } = await productPostedBy();
    const opened = (await openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId })).json();
    const minted = (await createShare(app, sharer.headers, { kind: 'product', targetId: productId, channel: 'timeline' })).json();
    expect(minted.shareId).toBe(opened.shareId);
  });

  it('keeps one share per target: another product or a group of the same sharer gets its own', async () => {
    const { sharer, productId, inviteCode } = await productPostedBy();
    const { productId: otherProductId } = await createProduct(app);
    const { campaign } = await createRunningCampaign(app);
    const { group } = await insertGroup(app, campaign, { status: 'open', seats: [{ nickname: '团长', status: 'paid' }] });

    await openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId });
    await openTimelineShare(app, { inviteCode, kind: 'product', targetId: otherProductId });
    const groupOpen = await openTimelineShare(app, { inviteCode, kind: 'group', targetId: group.id });

    expect(groupOpen.json()).toMatchObject({ kind: 'group', targetId: group.id });
    expect((await timelineSharesOf(sharer.userId)).map((s) => s.targetId).sort()).toEqual([productId, otherProductId, group.id].sort());
  });

  it('leaves chat shares as they were: one per act of sharing', async () => {
    const { sharer, productId } = await productPostedBy();
    const body = { kind: 'product', targetId: productId, channel: 'chat' };
    const [first, second] = [(await createShare(app, sharer.headers, body)).json(), (await createShare(app, sharer.headers, body)).json()];
    expect(first.shareId).not.toBe(second.shareId);
  });

  it('binds a new signed-in visitor to the sharer', async () => {
    const { sharer, productId, inviteCode } = await productPostedBy();
    const visitor = await createShopper(app);
    await openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId }, visitor.headers);
    expect(await inviterOf(visitor.userId)).toBe(sharer.userId);
  });

  it('never binds the sharer opening their own post', async () => {
    const { sharer, productId, inviteCode } = await productPostedBy();
    const res = await openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId }, sharer.headers);
    expect(res.statusCode).toBe(200);
    expect(await inviterOf(sharer.userId)).toBeNull();
  });

  it('records an anonymous open (单页模式 has no login) without binding or minting for anyone else', async () => {
    const { sharer, productId, inviteCode } = await productPostedBy();
    const { shareId } = (await openTimelineShare(app, { inviteCode, kind: 'product', targetId: productId })).json();
    expect(await app.db.select({ viewerId: shareOpens.viewerId }).from(shareOpens).where(eq(shareOpens.shareId, shareId))).toEqual([{ viewerId: null }]);
    expect(await app.db.select().from(referralProfiles).where(eq(referralProfiles.inviterId, sharer.userId))).toEqual([]);
  });

  it('answers 404 for an invite code nobody has, minting nothing', async () => {
    const { productId } = await createProduct(app);
    const res = await openTimelineShare(app, { inviteCode: 'ZZZZZZZZ', kind: 'product', targetId: productId });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for a product off shelf and a group that does not exist, minting nothing', async () => {
    const { sharer, inviteCode } = await productPostedBy();
    const { productId: offShelf } = await createProduct(app, { onShelf: false });
    const product = await openTimelineShare(app, { inviteCode, kind: 'product', targetId: offShelf });
    const group = await openTimelineShare(app, { inviteCode, kind: 'group', targetId: '00000000-0000-4000-8000-000000000000' });
    expect([product.statusCode, group.statusCode]).toEqual([404, 404]);
    expect(group.json().error.code).toBe('NOT_FOUND');
    expect(await timelineSharesOf(sharer.userId)).toEqual([]);
  });

  it('answers 400 for an invitation, which has no page to post, and for a malformed invite code', async () => {
    const { productId, inviteCode } = await productPostedBy();
    expect((await openTimelineShare(app, { inviteCode, kind: 'invite', targetId: productId })).statusCode).toBe(400);
    expect((await openTimelineShare(app, { inviteCode: 'not-a-code', kind: 'product', targetId: productId })).statusCode).toBe(400);
  });
});
