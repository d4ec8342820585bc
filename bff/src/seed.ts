import type { App } from './app';
import { seedDemoCatalog } from './modules/catalog/seed-demo';
import { seedDemoCoupons } from './modules/coupons/seed-demo-coupons';
import { seedDemoCampaigns } from './modules/group-buys/seed-demo-campaigns';
import { ensureDemoOwner } from './modules/staff/ensure-demo-owner';

/**
 * A fresh database gets a demo shop so `pnpm start` shows something real: the catalog, group buys on
 * some of it and coupons in the claim centre. Each step adds nothing to a shop that already has its
 * kind of data (or is not the demo shop), so this runs on every start. The owner's password is
 * generated and printed once, to the terminal that started the shop, never to the log.
 */
export async function seedDemoShop(app: App): Promise<void> {
  const catalog = await seedDemoCatalog(app);
  if (catalog) app.log.info(catalog, 'seeded the demo catalog');
  const campaigns = await seedDemoCampaigns(app);
  if (campaigns) app.log.info(campaigns, 'seeded the demo group buys');
  const coupons = await seedDemoCoupons(app);
  if (coupons) app.log.info(coupons, 'seeded the demo coupons');
  const owner = await ensureDemoOwner(app.db);
  if (owner) {
    process.stdout.write(
      `\n  邻里 demo shop is ready.\n  Console login — username: ${owner.username}  password: ${owner.password}\n` +
        `  (shown once; create another owner with: pnpm create-owner -- --username NAME --password PASSWORD)\n\n`,
    );
  }
}
