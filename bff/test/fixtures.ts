import { randomUUID } from 'node:crypto';
import type { App } from '../src/app';
import { categories, products, skus } from '../src/modules/catalog/tables';
import { couponTemplates, userCoupons } from '../src/modules/coupons/tables';
import { staff, type StaffRole } from '../src/modules/staff/tables';
import { users } from '../src/modules/users/tables';

/** A shopper row and an access token for it, without going through a login flow. */
export async function createShopper(app: App, nickname = 'shopper'): Promise<{ userId: string; token: string; headers: { authorization: string } }> {
  const [user] = await app.db.insert(users).values({ nickname, devLogin: `${nickname}-${randomUUID()}` }).returning({ id: users.id });
  const token = app.signShopperToken(user!.id);
  return { userId: user!.id, token, headers: { authorization: `Bearer ${token}` } };
}

export async function createStaffMember(app: App, role: StaffRole): Promise<{ staffId: string; headers: { authorization: string } }> {
  const [member] = await app.db
    .insert(staff)
    .values({ username: `${role}-${randomUUID().slice(0, 8)}`, displayName: role, passwordHash: 'unused-in-this-test', role })
    .returning({ id: staff.id });
  return { staffId: member!.id, headers: { authorization: `Bearer ${app.signStaffToken(member!.id, role)}` } };
}

/** A product on shelf with one SKU per entry of `skuSpecs` (price in fen). */
export async function createProduct(
  app: App,
  input: { title?: string; stock?: number; price?: number; skuCount?: number; onShelf?: boolean } = {},
): Promise<{ productId: string; skuIds: string[] }> {
  const [category] = await app.db
    .insert(categories)
    .values({ name: `类目-${randomUUID().slice(0, 8)}` })
    .returning({ id: categories.id });
  const count = input.skuCount ?? 1;
  const [product] = await app.db
    .insert(products)
    .values({
      categoryId: category!.id,
      title: input.title ?? '测试商品',
      images: ['/media/products/test.png'],
      specs: [{ name: '规格', values: Array.from({ length: count }, (_, i) => `款${i + 1}`) }],
      onShelf: input.onShelf ?? true,
    })
    .returning({ id: products.id });
  const rows = await app.db
    .insert(skus)
    .values(
      Array.from({ length: count }, (_, i) => ({
        productId: product!.id,
        code: `T-${randomUUID().slice(0, 12)}`,
        specs: { 规格: `款${i + 1}` },
        price: input.price ?? 1990,
        listPrice: (input.price ?? 1990) + 1000,
        stock: input.stock ?? 100,
      })),
    )
    .returning({ id: skus.id });
  return { productId: product!.id, skuIds: rows.map((r) => r.id) };
}

export const address = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' };

let keyCounter = 0;
export function idempotencyKey(): string {
  keyCounter += 1;
  return `test-${keyCounter}-${randomUUID()}`;
}

/** A coupon in the shopper's wallet, issued directly (claim rules are tested in test/coupons). */
export async function giveCoupon(
  app: App,
  userId: string,
  rule: Partial<typeof couponTemplates.$inferInsert> = {},
  validity: { from?: Date; until?: Date } = {},
): Promise<string> {
  const from = validity.from ?? new Date(Date.now() - 86_400_000);
  const until = validity.until ?? new Date(Date.now() + 7 * 86_400_000);
  const [template] = await app.db
    .insert(couponTemplates)
    .values({ title: '满50减10', kind: 'amount_off', threshold: 5000, amountOff: 1000, validFrom: from, validUntil: until, ...rule })
    .returning({ id: couponTemplates.id });
  const [coupon] = await app.db
    .insert(userCoupons)
    .values({ userId, templateId: template!.id, source: 'push', validFrom: from, validUntil: until })
    .returning({ id: userCoupons.id });
  return coupon!.id;
}
