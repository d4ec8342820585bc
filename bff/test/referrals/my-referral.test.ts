import type { App } from '../../src/app';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';
import { inviteShareOf, openShare } from './referral-fixtures';

let app: App;
// Each reading of the clock is a second later, so bindings made one after another never share a moment.
let tick = Date.now();
beforeAll(async () => {
  app = await buildTestApp({}, { clock: () => new Date((tick += 1000)) });
});
afterAll(async () => {
  await app.close();
});

const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/referrals/me', headers });
const invitees = (headers: Record<string, string>, query = '') => app.inject({ method: 'GET', url: `/api/referrals/invitees${query}`, headers });

describe('my referral summary', () => {
  it('shows a new shopper their invite code, no inviter and no invitees', async () => {
    const shopper = await createShopper(app);
    const res = await me(shopper.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ inviteCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{1,8}$/), inviter: null, invitees: 0 });
  });

  it('shows the same invite code on every visit', async () => {
    const shopper = await createShopper(app);
    const first = (await me(shopper.headers)).json().inviteCode;
    expect((await me(shopper.headers)).json().inviteCode).toBe(first);
  });

  it('shows the inviter masked and counts the shoppers brought in', async () => {
    const inviter = await createShopper(app, '李雷');
    const shareId = await inviteShareOf(app, inviter.headers);
    const friend = await createShopper(app, '韩梅梅');
    await openShare(app, shareId, friend.headers);
    await openShare(app, shareId, (await createShopper(app, '小明')).headers);
    expect((await me(friend.headers)).json().inviter).toEqual({ nickname: '李*' });
    expect((await me(inviter.headers)).json().invitees).toBe(2);
  });

  it('answers 401 without a token', async () => {
    expect((await me({})).statusCode).toBe(401);
  });
});

describe('my invitees', () => {
  it('lists the shoppers I brought in, masked, latest first, page by page', async () => {
    const inviter = await createShopper(app);
    const shareId = await inviteShareOf(app, inviter.headers);
    for (const name of ['甲一', '乙二', '丙三']) await openShare(app, shareId, (await createShopper(app, name)).headers);
    const first = (await invitees(inviter.headers, '?limit=2')).json();
    expect(first.items.map((i: { nickname: string }) => i.nickname)).toEqual(['丙*', '乙*']);
    expect(first.items[0]).toEqual({ nickname: '丙*', boundAt: expect.any(String) });
    const second = (await invitees(inviter.headers, `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [{ nickname: '甲*', boundAt: expect.any(String) }], nextCursor: null });
  });

  it('never shows another shopper’s invitees', async () => {
    const inviter = await createShopper(app);
    await openShare(app, await inviteShareOf(app, inviter.headers), (await createShopper(app, '某人')).headers);
    const stranger = await createShopper(app);
    expect((await invitees(stranger.headers)).json()).toEqual({ items: [], nextCursor: null });
    expect((await me(stranger.headers)).json().invitees).toBe(0);
  });
});
