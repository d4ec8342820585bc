import { desc, eq, sql } from 'drizzle-orm';
import type { CouponTemplate, CouponTemplateUsage, CreateCouponTemplateBody, UpdateCouponTemplateBody } from '@linli/shared/schemas/coupons';
import type { App } from '../../app';
import type { Database, Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { AppError, notFound } from '../../plugins/errors';
import { templateProblems } from '@linli/shared/coupons/template-rules';
import { toCouponTemplate } from './template-views';
import { userCouponStatuses } from '@linli/shared/schemas/coupons';
import { couponTemplates, userCoupons } from './tables';

export async function createTemplate(db: Executor, body: CreateCouponTemplateBody): Promise<CouponTemplate> {
  const problems = templateProblems(body);
  if (problems.length > 0) throw new AppError(400, 'INVALID_COUPON_TEMPLATE', '优惠券设置不合法', problems);
  const [row] = await db
    .insert(couponTemplates)
    .values({
      title: body.title,
      kind: body.kind,
      threshold: body.threshold ?? 0,
      amountOff: body.amountOff ?? null,
      percentOff: body.percentOff ?? null,
      cap: body.cap ?? null,
      scopeKind: body.scopeKind ?? 'all',
      scopeIds: body.scopeIds ?? [],
      stacksWithGroupPrice: body.stacksWithGroupPrice ?? false,
      validFrom: body.validFrom ? new Date(body.validFrom) : null,
      validUntil: body.validUntil ? new Date(body.validUntil) : null,
      validDays: body.validDays ?? null,
      totalStock: body.totalStock ?? null,
      perUserLimit: body.perUserLimit ?? 1,
      claimable: body.claimable ?? true,
      newUserGift: body.newUserGift ?? false,
      referralReward: body.referralReward ?? false,
      active: body.active ?? true,
    })
    .returning();
  return toCouponTemplate(row!);
}

/**
 * Title and switches change freely. Stock may only grow (or become unlimited), so a coupon already
 * promised is never taken back; the template row is locked so no issue lands between check and write.
 */
export async function updateTemplate(app: App, id: string, body: UpdateCouponTemplateBody): Promise<CouponTemplate> {
  return app.db.transaction(async (tx) => {
    const [current] = await tx.select().from(couponTemplates).where(eq(couponTemplates.id, id)).for('update');
    if (!current) throw notFound('优惠券');
    if (body.totalStock !== undefined && body.totalStock !== null) {
      const floor = Math.max(current.totalStock ?? Number.POSITIVE_INFINITY, current.issuedCount);
      if (body.totalStock < floor) {
        throw new AppError(409, 'COUPON_STOCK_CANNOT_SHRINK', current.totalStock === null ? '不限量的优惠券不能改为限量' : `库存只能增加，当前为 ${current.totalStock}`);
      }
    }
    const [row] = await tx
      .update(couponTemplates)
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        ...(body.claimable !== undefined ? { claimable: body.claimable } : {}),
        ...(body.totalStock !== undefined ? { totalStock: body.totalStock } : {}),
        updatedAt: app.clock(),
      })
      .where(eq(couponTemplates.id, id))
      .returning();
    return toCouponTemplate(row!);
  });
}

export async function listTemplates(db: Database, query: { cursor?: string; limit: number }): Promise<{ items: CouponTemplate[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({ template: couponTemplates, createdMicros: createdMicrosOf(couponTemplates.createdAt) })
    .from(couponTemplates)
    .where(after ? afterCursor(couponTemplates.createdAt, couponTemplates.id, after) : undefined)
    .orderBy(desc(couponTemplates.createdAt), desc(couponTemplates.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.template.id }));
  return {
    items: page.map((r) => toCouponTemplate(r.template)),
    nextCursor,
  };
}

export async function templateUsage(db: Database, id: string): Promise<CouponTemplateUsage> {
  const [template] = await db.select({ issuedCount: couponTemplates.issuedCount }).from(couponTemplates).where(eq(couponTemplates.id, id));
  if (!template) throw notFound('优惠券');
  const rows = await db
    .select({ status: userCoupons.status, n: sql<number>`count(*)::int` })
    .from(userCoupons)
    .where(eq(userCoupons.templateId, id))
    .groupBy(userCoupons.status);
  const byStatus = Object.fromEntries(userCouponStatuses.map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0])) as Record<(typeof userCouponStatuses)[number], number>;
  return { templateId: id, issued: template.issuedCount, ...byStatus };
}
