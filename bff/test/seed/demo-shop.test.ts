import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProductDetail, ProductPage } from '@linli/shared/schemas/catalog';
import type { CentreCoupon, CouponTemplate, MyCoupon } from '@linli/shared/schemas/coupons';
import type { GroupCampaign, ProductGroupBuys } from '@linli/shared/schemas/group-buys';
import type { App } from '../../src/app';
import { seedDemoCoupons } from '../../src/modules/coupons/seed-demo-coupons';
import { demoGroupPrice, seedDemoCampaigns } from '../../src/modules/group-buys/seed-demo-campaigns';
import { seedDemoShop } from '../../src/seed';
import { consoleCatalog } from '../catalog/catalog-console-client';
import { bearer, buildTestApp } from '../helper';
import { shopperSession, staffSession } from '../sessions';

const DAY_MS = 86_400_000;
const seededAt = new Date();
let app: App;
let ownerHeaders: Record<string, string>;

beforeAll(async () => {
  app = await buildTestApp({ MEDIA_DIR: await mkdtemp(path.join(tmpdir(), 'linli-seed-shop-')) }, { clock: () => seededAt });
  // The owner's password goes to the terminal on the first seed; keep it out of the test output.
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await seedDemoShop(app);
    await seedDemoShop(app);
  } finally {
    write.mockRestore();
  }
  ownerHeaders = bearer((await staffSession(app, 'owner')).token);
});
afterAll(async () => {
  await app.close();
});

const get = async <T>(url: string, headers: Record<string, string> = {}) => (await app.inject({ method: 'GET', url, headers })).json<T>();

describe('the demo shop’s group buys', () => {
  it('are six campaigns, seeded once however often the shop starts, mixing 2-人团 and 3-人团', async () => {
    const campaigns = (await get<{ items: GroupCampaign[] }>('/api/console/group-campaigns?limit=50', ownerHeaders)).items;

    expect(campaigns).toHaveLength(6);
    expect(new Set(campaigns.map((c) => c.groupSize))).toEqual(new Set([2, 3]));
    expect(await seedDemoCampaigns(app)).toBeNull();
  });

  it('run from now for 30 days, with groups open for 24 hours', async () => {
    const campaigns = (await get<{ items: GroupCampaign[] }>('/api/console/group-campaigns?limit=50', ownerHeaders)).items;

    for (const c of campaigns) {
      expect(new Date(c.startsAt).getTime()).toBeLessThanOrEqual(seededAt.getTime());
      expect(new Date(c.endsAt).getTime()).toBe(seededAt.getTime() + 30 * DAY_MS);
      expect(c.timeLimitMinutes).toBe(24 * 60);
      expect(c.active).toBe(true);
    }
  });

  it('price every SKU under its everyday price, the cheapest group price under the cheapest SKU', async () => {
    const campaigns = (await get<{ items: GroupCampaign[] }>('/api/console/group-campaigns?limit=50', ownerHeaders)).items;

    for (const c of campaigns) {
      const detail = await get<ProductDetail>(`/api/products/${c.productId}`);
      const priceOf = new Map(detail.skus.map((s) => [s.id, s.price]));
      expect(c.skus.map((s) => s.skuId).sort()).toEqual([...priceOf.keys()].sort());
      for (const s of c.skus) expect(s.groupPrice).toBeLessThan(priceOf.get(s.skuId) ?? 0);
      expect(Math.min(...c.skus.map((s) => s.groupPrice))).toBeLessThan(Math.min(...priceOf.values()));
    }
  });

  it('give the first product of the home grid a 2-人团 that shoppers see on its page', async () => {
    const first = (await get<ProductPage>('/api/products?limit=1')).items[0];
    const offers = (await get<ProductGroupBuys>(`/api/products/${first?.id}/group-buys`)).items;

    expect(offers.map((o) => o.groupSize)).toContain(2);
    expect(offers[0]?.skus.every((s) => s.groupPrice < s.price)).toBe(true);
  });
});

describe('the demo shop’s coupons', () => {
  it('fill the claim centre once, in a fixed order, each valid 30 days from claiming', async () => {
    const shopper = await shopperSession(app);
    const centre = (await get<{ items: CentreCoupon[] }>('/api/coupons/centre', bearer(shopper.token))).items;

    expect(centre.map((c) => c.title)).toEqual(['满99减10', '满199减30', '全场9折 最高减20元', '包邮券', '生鲜水果 满59减8']);
    expect(centre.every((c) => c.validDays === 30 && c.canClaim)).toBe(true);
    expect(await seedDemoCoupons(app)).toBeNull();
    expect((await get<{ items: CouponTemplate[] }>('/api/console/coupon-templates?limit=50', ownerHeaders)).items).toHaveLength(6);
  });

  it('can be claimed from the centre', async () => {
    const shopper = await shopperSession(app);
    const [first] = (await get<{ items: CentreCoupon[] }>('/api/coupons/centre', bearer(shopper.token))).items;
    const res = await app.inject({ method: 'POST', url: `/api/coupons/centre/${first?.templateId}/claim`, headers: bearer(shopper.token) });

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: '满99减10', status: 'available' });
  });

  it('include a new-user gift that a shopper holds after first login', async () => {
    const shopper = await shopperSession(app);
    const mine = (await get<{ items: MyCoupon[] }>('/api/coupons/mine', bearer(shopper.token))).items;

    expect(mine.map((c) => c.title)).toEqual(['新人专享 满39减5']);
  });
});

describe('a shop that is not the demo shop', () => {
  it('gets no demo group buys or coupons', async () => {
    const own = await buildTestApp();
    try {
      const shop = consoleCatalog(own, (await staffSession(own, 'owner')).token);
      await shop.createProduct(shop.productBody(await shop.createCategory('自己的类目')));

      expect(await seedDemoCampaigns(own)).toBeNull();
      expect(await seedDemoCoupons(own)).toBeNull();
    } finally {
      await own.close();
    }
  });
});

describe('demoGroupPrice', () => {
  it('rounds down to ¥x.x9-style prices under the SKU’s price', () => {
    expect(demoGroupPrice(2990, 0.85)).toBe(2490);
    expect(demoGroupPrice(5990, 0.75)).toBe(4390);
  });

  it('still undercuts a price too small to round', () => {
    expect(demoGroupPrice(90, 0.85)).toBe(89);
  });
});
