import type { App } from './app';
import { seedDemoCatalog } from './modules/catalog/seed-demo';
import { ensureDemoOwner } from './modules/staff/ensure-demo-owner';

/**
 * A fresh database gets a demo shop so `pnpm start` shows something real. The owner's password is
 * generated and printed once, to the terminal that started the shop, never to the log.
 */
export async function seedDemoShop(app: App): Promise<void> {
  const catalog = await seedDemoCatalog(app);
  if (catalog) app.log.info(catalog, 'seeded the demo catalog');
  const owner = await ensureDemoOwner(app.db);
  if (owner) {
    process.stdout.write(
      `\n  邻里 demo shop is ready.\n  Console login — username: ${owner.username}  password: ${owner.password}\n` +
        `  (shown once; create another owner with: pnpm create-owner -- --username NAME --password PASSWORD)\n\n`,
    );
  }
}
