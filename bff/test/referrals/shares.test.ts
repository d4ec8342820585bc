import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { referralProfiles, shareOpens } from '../../src/modules/referrals/tables';
import { createProduct, createShopper } from '../fixtures';
import { createRunningCampaign, insertGroup } from '../group-buys/group-state-fixtures';
import { bearer, buildTestApp } from '../helper';
import { createShare, inviteShareOf, openShare } from './referral-fixtures';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const opensOf = (shareId: string) => app.db.select({ viewerId: shareOpens.viewerId }).from(shareOpens).where(eq(shareOpens.shareId, shareId));

describe('minting a share', () => {
  it('gives a product share a page path and a scene that carry the minted share id', async () => {
    const sharer = await createShopper(app);
    const { productId } = await createProduct(app);
    const res = await createShare(app, sharer.headers, { kind: 'product', targetId: productId, channel: 'chat' });
    expect(res.statusCode).toBe(201);
    const { shareId, path, scene } = res.json();
    expect(path).toBe(`pages/landing/index?s=${shareId}`);
    expect(scene).toBe(shareId);
  });

  it('mints share ids of 10 to 16 random url-safe characters, never the same twice', async () => {
    const sharer = await createShopper(app);
    const ids = await Promise.all(Array.from({ length: 30 }, () => inviteShareOf(app, sharer.headers)));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{10,16}$/);
    expect(new Set(ids).size).toBe(30);
    expect(ids.some((id) => id.includes(sharer.userId))).toBe(false);
  });

  it('gives a group share the group page and an invitation the home page', async () => {
    const sharer = await createShopper(app);
    const { campaign } = await createRunningCampaign(app);
    const { group } = await insertGroup(app, campaign, { status: 'open', seats: [{ nickname: '团长', status: 'paid' }] });
    const groupShare = (await createShare(app, sharer.headers, { kind: 'group', targetId: group.id, channel: 'timeline' })).json();
    expect(groupShare.path).toBe(`pages/landing/index?s=${groupShare.shareId}`);
    const invite = (await createShare(app, sharer.headers, { kind: 'invite', channel: 'poster' })).json();
    expect(invite.path).toBe(`pages/landing/index?s=${invite.shareId}`);
  });

  it('answers 404 for a product that is off shelf', async () => {
    const sharer = await createShopper(app);
    const { productId } = await createProduct(app, { onShelf: false });
    const res = await createShare(app, sharer.headers, { kind: 'product', targetId: productId, channel: 'chat' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for a group that does not exist', async () => {
    const sharer = await createShopper(app);
    const res = await createShare(app, sharer.headers, { kind: 'group', targetId: '00000000-0000-4000-8000-000000000000', channel: 'chat' });
    expect(res.statusCode).toBe(404);
  });

  it('answers 400 SHARE_TARGET_INVALID for a product share without a product', async () => {
    const sharer = await createShopper(app);
    const res = await createShare(app, sharer.headers, { kind: 'product', channel: 'chat' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SHARE_TARGET_INVALID');
  });

  it('refuses a body that tries to name the sharer', async () => {
    const sharer = await createShopper(app);
    const other = await createShopper(app);
    const res = await createShare(app, sharer.headers, { kind: 'invite', channel: 'chat', sharerId: other.userId });
    expect(res.statusCode).toBe(400);
  });

  it('answers 401 without a token', async () => {
    const res = await createShare(app, {}, { kind: 'invite', channel: 'chat' });
    expect(res.statusCode).toBe(401);
  });
});

describe('opening a share', () => {
  it('records an anonymous open and shows the target and the masked sharer', async () => {
    const sharer = await createShopper(app, '王小明');
    const { productId } = await createProduct(app);
    const { shareId } = (await createShare(app, sharer.headers, { kind: 'product', targetId: productId, channel: 'chat' })).json();
    const res = await openShare(app, shareId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'product', targetId: productId, sharerNickname: '王*' });
    expect(await opensOf(shareId)).toEqual([{ viewerId: null }]);
  });

  it('records the signed-in viewer of an open', async () => {
    const sharer = await createShopper(app);
    const viewer = await createShopper(app);
    const shareId = await inviteShareOf(app, sharer.headers);
    expect((await openShare(app, shareId, viewer.headers)).statusCode).toBe(200);
    expect(await opensOf(shareId)).toEqual([{ viewerId: viewer.userId }]);
  });

  it('answers 404 for an unknown share', async () => {
    const res = await openShare(app, 'NoSuchShare1');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 401 for a present but invalid token instead of treating it as anonymous', async () => {
    const sharer = await createShopper(app);
    const shareId = await inviteShareOf(app, sharer.headers);
    const res = await openShare(app, shareId, bearer('not-a-token'));
    expect(res.statusCode).toBe(401);
    expect(await opensOf(shareId)).toEqual([]);
  });

  it('answers 401 for a staff token', async () => {
    const sharer = await createShopper(app);
    const shareId = await inviteShareOf(app, sharer.headers);
    const res = await openShare(app, shareId, bearer(app.signStaffToken('00000000-0000-4000-8000-000000000000', 'owner')));
    expect(res.statusCode).toBe(401);
  });

  it('does not bind anyone on an anonymous open', async () => {
    const sharer = await createShopper(app);
    const shareId = await inviteShareOf(app, sharer.headers);
    await openShare(app, shareId);
    expect(await app.db.select().from(referralProfiles).where(eq(referralProfiles.inviterId, sharer.userId))).toEqual([]);
  });
});
