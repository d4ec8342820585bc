import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app';
import { seedDemoCatalog } from '../../src/modules/catalog/seed-demo';
import { seedDemoCoupons } from '../../src/modules/coupons/seed-demo-coupons';
import { couponTemplates } from '../../src/modules/coupons/tables';
import { demoCampaigns, seedDemoCampaigns } from '../../src/modules/group-buys/seed-demo-campaigns';
import { groupCampaigns } from '../../src/modules/group-buys/tables';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';

describeOnPostgres('the demo group buys and coupons on a real PostgreSQL server', () => {
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase({ MEDIA_DIR: await mkdtemp(path.join(tmpdir(), 'linli-seed-')) }));
    await seedDemoCatalog(app);
  });
  afterAll(async () => {
    await close?.();
  });

  it('are seeded exactly once when two instances start together', async () => {
    const [campaigns, coupons] = await Promise.all([
      Promise.all([seedDemoCampaigns(app), seedDemoCampaigns(app)]),
      Promise.all([seedDemoCoupons(app), seedDemoCoupons(app)]),
    ]);

    expect(campaigns.filter((r) => r !== null)).toEqual([{ campaigns: demoCampaigns.length }]);
    expect(coupons.filter((r) => r !== null)).toHaveLength(1);
    expect(await app.db.$count(groupCampaigns)).toBe(demoCampaigns.length);
    expect(await app.db.$count(couponTemplates)).toBe(coupons.find((r) => r !== null)?.templates);
  });
});
