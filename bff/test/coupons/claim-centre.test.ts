import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { issueNewUserGifts } from '../../src/modules/coupons/issue-coupon';
import { couponTemplates } from '../../src/modules/coupons/tables';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';
import { createTemplate } from './coupon-fixtures';

let app: App;
const now = new Date('2026-06-01T08:00:00.000Z');
beforeAll(async () => {
  app = await buildTestApp({}, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});

function claim(headers: Record<string, string>, templateId: string) {
  return app.inject({ method: 'POST', url: `/api/coupons/centre/${templateId}/claim`, headers });
}

const issuedCountOf = async (id: string) =>
  (await app.db.select({ n: couponTemplates.issuedCount }).from(couponTemplates).where(eq(couponTemplates.id, id)))[0]!.n;

describe('claiming a coupon', () => {
  it('issues a coupon valid for the template’s days from now and counts it against the stock', async () => {
    const template = await createTemplate(app, { validDays: 7, totalStock: 5 });
    const shopper = await createShopper(app);
    const res = await claim(shopper.headers, template.id);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      templateId: template.id,
      title: template.title,
      kind: 'amount_off',
      amountOff: 1000,
      status: 'available',
      validFrom: '2026-06-01T08:00:00.000Z',
      validUntil: '2026-06-08T08:00:00.000Z',
    });
    expect(await issuedCountOf(template.id)).toBe(1);
  });

  it('gives a fixed-window coupon the template’s window', async () => {
    const template = await createTemplate(app, { validDays: null, validFrom: new Date('2026-05-01T00:00:00Z'), validUntil: new Date('2026-07-01T00:00:00Z') });
    const shopper = await createShopper(app);
    const res = await claim(shopper.headers, template.id);
    expect(res.json()).toMatchObject({ validFrom: '2026-05-01T00:00:00.000Z', validUntil: '2026-07-01T00:00:00.000Z' });
  });

  it('answers 409 COUPON_OUT_OF_STOCK once the stock is gone', async () => {
    const template = await createTemplate(app, { totalStock: 1 });
    await claim((await createShopper(app)).headers, template.id);
    const res = await claim((await createShopper(app)).headers, template.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COUPON_OUT_OF_STOCK');
    expect(await issuedCountOf(template.id)).toBe(1);
  });

  it('answers 409 COUPON_LIMIT_REACHED when the shopper already holds the per-user limit', async () => {
    const template = await createTemplate(app, { perUserLimit: 2 });
    const shopper = await createShopper(app);
    expect((await claim(shopper.headers, template.id)).statusCode).toBe(201);
    expect((await claim(shopper.headers, template.id)).statusCode).toBe(201);
    const res = await claim(shopper.headers, template.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COUPON_LIMIT_REACHED');
  });

  it.each([
    ['an inactive template', { active: false }],
    ['a template not listed in the claim centre', { claimable: false }],
    ['a template whose window has not started', { validDays: null, validFrom: new Date('2026-06-02T00:00:00Z'), validUntil: new Date('2026-07-01T00:00:00Z') }],
    ['a template whose window has ended', { validDays: null, validFrom: new Date('2026-05-01T00:00:00Z'), validUntil: new Date('2026-06-01T08:00:00Z') }],
  ])('answers 409 COUPON_NOT_AVAILABLE for %s', async (_, input) => {
    const template = await createTemplate(app, input);
    const res = await claim((await createShopper(app)).headers, template.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COUPON_NOT_AVAILABLE');
    expect(await issuedCountOf(template.id)).toBe(0);
  });

  it('answers 404 for a template that does not exist', async () => {
    const res = await claim((await createShopper(app)).headers, '00000000-0000-4000-8000-00000000beef');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('requires a signed-in shopper', async () => {
    const template = await createTemplate(app);
    const res = await app.inject({ method: 'POST', url: `/api/coupons/centre/${template.id}/claim` });
    expect(res.statusCode).toBe(401);
  });
});

describe('the claim centre', () => {
  it('lists what remains and whether I can still claim it, hiding offline and ended templates', async () => {
    const open = await createTemplate(app, { title: '可领', totalStock: 3, perUserLimit: 1 });
    const offline = await createTemplate(app, { title: '下线', active: false });
    const ended = await createTemplate(app, { title: '已结束', validDays: null, validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2026-02-01T00:00:00Z') });
    const me = await createShopper(app);
    const other = await createShopper(app);
    await claim(me.headers, open.id);
    await claim(other.headers, open.id);

    const mine = (await app.inject({ method: 'GET', url: '/api/coupons/centre', headers: me.headers })).json().items;
    const theirs = (await app.inject({ method: 'GET', url: '/api/coupons/centre', headers: (await createShopper(app)).headers })).json().items;

    const ids = mine.map((c: { templateId: string }) => c.templateId);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(offline.id);
    expect(ids).not.toContain(ended.id);
    expect(mine.find((c: { templateId: string }) => c.templateId === open.id)).toMatchObject({ remaining: 1, claimedByMe: 1, canClaim: false });
    expect(theirs.find((c: { templateId: string }) => c.templateId === open.id)).toMatchObject({ remaining: 1, claimedByMe: 0, canClaim: true });
  });

  it('says a template that is out of stock can no longer be claimed', async () => {
    const template = await createTemplate(app, { totalStock: 1 });
    await claim((await createShopper(app)).headers, template.id);
    const shopper = await createShopper(app);
    const items = (await app.inject({ method: 'GET', url: '/api/coupons/centre', headers: shopper.headers })).json().items;
    expect(items.find((c: { templateId: string }) => c.templateId === template.id)).toMatchObject({ remaining: 0, canClaim: false });
  });
});

describe('my coupons', () => {
  it('shows only my own coupons, with the template’s rule and title', async () => {
    const template = await createTemplate(app, { title: '我的券', perUserLimit: 3 });
    const me = await createShopper(app);
    const other = await createShopper(app);
    await claim(me.headers, template.id);
    await claim(other.headers, template.id);
    await claim(other.headers, template.id);

    const res = await app.inject({ method: 'GET', url: '/api/coupons/mine', headers: me.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ templateId: template.id, title: '我的券', kind: 'amount_off', threshold: 10000, amountOff: 1000, scopeKind: 'all', status: 'available' })]);
  });

  it('filters by state and pages through them', async () => {
    const template = await createTemplate(app, { perUserLimit: 3 });
    const me = await createShopper(app);
    for (let i = 0; i < 3; i++) await claim(me.headers, template.id);
    const first = (await app.inject({ method: 'GET', url: '/api/coupons/mine?status=available&limit=2', headers: me.headers })).json();
    const second = (await app.inject({ method: 'GET', url: `/api/coupons/mine?status=available&limit=2&cursor=${first.nextCursor}`, headers: me.headers })).json();
    const used = (await app.inject({ method: 'GET', url: '/api/coupons/mine?status=used', headers: me.headers })).json();
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((c: { id: string }) => c.id)).size).toBe(3);
    expect(used.items).toEqual([]);
  });
});

describe('new-user gifts', () => {
  it('issues every active new-user gift it can and skips the ones it cannot', async () => {
    const gift = await createTemplate(app, { newUserGift: true, claimable: false });
    const soldOut = await createTemplate(app, { newUserGift: true, totalStock: 1, issuedCount: 1 });
    const offline = await createTemplate(app, { newUserGift: true, active: false });
    const shopper = await createShopper(app);

    const issued = await app.db.transaction((tx) => issueNewUserGifts(tx, shopper.userId, now));

    const templates = issued.map((c) => c.templateId);
    expect(templates).toContain(gift.id);
    expect(templates).not.toContain(soldOut.id);
    expect(templates).not.toContain(offline.id);
    expect(issued.every((c) => c.source === 'new_user')).toBe(true);
  });
});
