import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { catalogReadCache } from '../../src/modules/catalog/read-cache';
import { products, skus } from '../../src/modules/catalog/tables';
import { groupCampaignSkus } from '../../src/modules/group-buys/tables';
import { buildTestApp } from '../helper';
import { createRunningCampaign, insertGroup } from './group-state-fixtures';

// A fresh database per test: the list is shop-wide, so campaigns from other tests would show.
let app: App;
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  await app.close();
});

const minute = 60_000;
const paid = (nickname: string) => ({ nickname, status: 'paid' as const });

async function running(query = '') {
  // The route reads through the one-second catalog cache; each read here must see the writes before it.
  catalogReadCache(app.db).invalidate();
  return app.inject({ method: 'GET', url: `/api/group-buys/campaigns${query}` });
}

describe("the home page's running group buys", () => {
  it('lists a running campaign with its product, cheapest group price and that SKU’s price, needing no token', async () => {
    const { campaign, productId } = await createRunningCampaign(app);
    const res = await running();
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        campaignId: campaign.id,
        productId,
        title: '三人团',
        productTitle: '测试商品',
        coverUrl: '/media/products/test.png',
        groupSize: 3,
        groupPrice: 1500,
        price: 1990,
        endsAt: campaign.endsAt.toISOString(),
        joinedCount: 0,
        salesCount: 0,
      },
    ]);
  });

  it('leaves out campaigns switched off, not started, ended, or on a product taken off the shelf', async () => {
    await createRunningCampaign(app, { active: false });
    await createRunningCampaign(app, { startsAt: new Date(Date.now() + 60 * minute), endsAt: new Date(Date.now() + 120 * minute) });
    await createRunningCampaign(app, { startsAt: new Date(Date.now() - 120 * minute), endsAt: new Date(Date.now() - 60 * minute) });
    const offShelf = await createRunningCampaign(app);
    await app.db.update(products).set({ onShelf: false }).where(eq(products.id, offShelf.productId));
    expect((await running()).json().items).toEqual([]);
  });

  it('counts only paid seats as joined, and puts the most joined first, then the one ending soonest', async () => {
    const quiet = await createRunningCampaign(app, { endsAt: new Date(Date.now() + 60 * minute) });
    const later = await createRunningCampaign(app, { endsAt: new Date(Date.now() + 120 * minute) });
    const busy = await createRunningCampaign(app);
    await insertGroup(app, busy.campaign, { status: 'open', seats: [paid('甲'), paid('乙'), { nickname: '丙', status: 'reserved' }] });
    await insertGroup(app, busy.campaign, { status: 'succeeded', seats: [paid('丁'), paid('戊'), paid('己')] });
    const items = (await running()).json().items as Array<{ campaignId: string; joinedCount: number }>;
    expect(items.map((i) => [i.campaignId, i.joinedCount])).toEqual([
      [busy.campaign.id, 5],
      [quiet.campaign.id, 0],
      [later.campaign.id, 0],
    ]);
  });

  it('shows the lowest group price when a campaign covers several SKUs', async () => {
    const { campaign, productId } = await createRunningCampaign(app);
    const [cheaper] = await app.db.insert(skus).values({ productId, code: 'T-CHEAPER', specs: { 规格: '小份' }, price: 1200, listPrice: 1500, stock: 10 }).returning({ id: skus.id });
    await app.db.insert(groupCampaignSkus).values({ campaignId: campaign.id, skuId: cheaper!.id, groupPrice: 900 });
    const item = ((await running()).json().items as Array<{ campaignId: string; groupPrice: number }>).find((i) => i.campaignId === campaign.id);
    expect(item).toMatchObject({ groupPrice: 900, price: 1200 });
  });

  it('returns at most `limit` campaigns and refuses a limit above 20', async () => {
    for (let i = 0; i < 3; i += 1) await createRunningCampaign(app);
    expect((await running('?limit=2')).json().items).toHaveLength(2);
    expect((await running('?limit=21')).statusCode).toBe(400);
  });
});
