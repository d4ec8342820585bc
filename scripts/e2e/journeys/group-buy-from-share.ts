import { commissionForLine } from '@linli/shared/commissions/rules';
import { formatFen } from '@linli/shared/money';
import { priceOrder, type PricingLine, type ShippingRule } from '@linli/shared/pricing';
import type { ProductDetail, Sku } from '@linli/shared/schemas/catalog';
import type { CentreCoupon } from '@linli/shared/schemas/coupons';
import type { ProductGroupBuy } from '@linli/shared/schemas/group-buys';
import type { OrderDetail } from '@linli/shared/schemas/order';
import { referralSettings } from '../../../bff/src/modules/commissions/tables';
import { shopApi, type ShopApi } from '../api';
import { centreCouponForPricing, heldCouponForPricing } from '../coupon-for-pricing';
import { routesBuilt } from '../h5-build';
import type { Journey } from '../journey';
import { screenshotSettled } from '../screens';
import { chooseCoupon, fillAddressIfAsked, shownCoupon, shownPayable, submitOrder, waitForCheckout, type ShippingAddressInput } from '../pages/checkout';
import { claimCoupon, openCouponCentre } from '../pages/coupons';
import { inviteFriend, tapJoinOnGroupPage, waitForGroupStatus } from '../pages/group';
import { openShareLink } from '../pages/landing';
import { waitForOrderStatus } from '../pages/order';
import { goToGroupAfterPaying, payAndWaitForSuccess } from '../pages/pay';
import { chooseSku, productPageUrl, productRoute, tapBuyAlone, tapJoinGroup, tapOpenGroup, waitForProduct } from '../pages/product';
import { openEarnings, openPromoterCentre } from '../pages/promoter';
import { checkoutRoute, couponCentreRoute, earningsRoute, groupRoute, orderRoute, payRoute, promoterCentreRoute } from '../pages/routes';
import { expectEqual, expectEventually, step } from '../step';
import { watchForErrors } from '../watch-errors';

/** Every page the journey passes through; until the h5 build has them all it is skipped. */
const journeyRoutes = [productRoute, groupRoute, checkoutRoute, payRoute, orderRoute, couponCentreRoute, promoterCentreRoute, earningsRoute];

const addressOfA: ShippingAddressInput = { name: '林小满', phone: '13800138001', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号 1 幢 101 室' };
const addressOfB: ShippingAddressInput = { name: '周一一', phone: '13900139002', province: '浙江省', city: '杭州市', district: '拱墅区', detail: '湖墅南路 8 号 2 单元 302 室' };

/** The level-1 rate a fresh shop pays (the referral settings row's default); the demo sets no per-product rate. */
function defaultLevel1RateBp(): number {
  const rate = referralSettings.level1RateBp.default;
  if (typeof rate !== 'number') throw new Error('referral_settings.level1_rate_bp has no numeric default');
  return rate;
}

interface GroupBuyScene {
  product: ProductDetail;
  campaign: ProductGroupBuy;
  /** the SKU A opens the group on: the campaign's first in stock */
  sku: Sku;
}

/** The first product of the home grid whose page offers a 2-人团 (the page shows the first campaign only). */
async function findTwoPersonGroupBuy(api: ShopApi): Promise<GroupBuyScene> {
  for (const card of (await api.products(20)).items) {
    const campaign = (await api.groupBuys(card.id)).items[0];
    if (campaign?.groupSize !== 2) continue;
    const product = await api.product(card.id);
    const sku = product.skus.find((s) => s.stock > 0 && campaign.skus.some((c) => c.skuId === s.id));
    if (sku) return { product, campaign, sku };
  }
  throw new Error('no product on the first page of the home grid has a 2-人团 on a SKU in stock (is the demo shop seeded?)');
}

function lineFor(product: ProductDetail, sku: Sku): PricingLine {
  return { skuId: sku.id, productId: product.id, categoryId: product.categoryId, unitPrice: sku.price, quantity: 1, groupUnitPrice: null };
}

/** The centre coupon and SKU of `product` where claiming saves A the most, as the shared pricing foresees it. */
function bestCouponToClaim(centre: CentreCoupon[], product: ProductDetail, shipping: ShippingRule, now: Date): { coupon: CentreCoupon; sku: Sku } {
  let best: { coupon: CentreCoupon; sku: Sku; saving: number } | null = null;
  for (const coupon of centre.filter((c) => c.canClaim)) {
    for (const sku of product.skus.filter((s) => s.stock > 0)) {
      const quote = priceOrder({ lines: [lineFor(product, sku)], coupon: centreCouponForPricing(coupon, now), shipping, now: now.toISOString() });
      if (quote.coupon?.applied && quote.coupon.saving > (best?.saving ?? 0)) best = { coupon, sku, saving: quote.coupon.saving };
    }
  }
  if (!best) throw new Error(`none of the centre's claimable coupons (${centre.map((c) => c.title).join('、') || 'none listed'}) lowers the price of ${product.title}`);
  return best;
}

export const groupBuyFromShare: Journey = {
  name: 'two friends complete a group buy from a share link',
  timeoutMs: 300_000,
  async run({ origin, shipping, phone, screenshotPath, metric }) {
    if (!routesBuilt(journeyRoutes)) return 'skipped';
    const api = shopApi(origin);

    // 1. A sharer, made through the API, shares the product with a 2-人团.
    const { product, campaign, sku } = await step('find a product with a 2-人团', null, () => findTwoPersonGroupBuy(api));
    const productShare = await step('the sharer mints a product link', null, async () =>
      api.mintShare(await api.devLogin('分享达人'), { kind: 'product', targetId: product.id, channel: 'link' }),
    );

    // 2. A opens the link, opens a group, pays, and invites a friend.
    const a = await phone();
    await a.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const errorsOfA = watchForErrors(a);
    const tapped = Date.now();
    await step('A opens the share link and lands on the product', a, async () => {
      await openShareLink(a, productShare.shareId, '.product-page');
      await waitForProduct(a, product.title);
    });
    metric('share link to product page', Date.now() - tapped);
    await screenshotSettled(a, screenshotPath('product-share'));

    const orderOfA = await step(`A opens a ${campaign.title}`, a, async () => {
      await chooseSku(a, sku.specs);
      await tapOpenGroup(a);
      await waitForCheckout(a);
      await fillAddressIfAsked(a, addressOfA);
      await screenshotSettled(a, screenshotPath('checkout'));
      return submitOrder(a);
    });
    const groupId = orderOfA.groupId;
    if (groupId === null) throw new Error(`A's order ${orderOfA.orderNo} opened no group`);
    await step('A pays', a, async () => {
      await payAndWaitForSuccess(a);
      await screenshotSettled(a, screenshotPath('pay-success'));
    });
    await step('A sees the group open', a, async () => {
      await goToGroupAfterPaying(a);
      await waitForGroupStatus(a, groupId, 'open');
    });
    const groupShare = await step('A invites a friend', a, () => inviteFriend(a));

    // 3. B opens A's link and joins.
    const b = await phone();
    await b.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const errorsOfB = watchForErrors(b);
    await step("B opens A's invitation and joins from the group page", b, async () => {
      await openShareLink(b, groupShare, '.group-page');
      await tapJoinOnGroupPage(b);
    });
    const orderOfB: OrderDetail = await step('B joins the group at checkout', b, async () => {
      await tapJoinGroup(b);
      await waitForCheckout(b);
      await fillAddressIfAsked(b, addressOfB);
      return submitOrder(b);
    });
    expectEqual("B's order's group", orderOfB.groupId, groupId);
    await step('B pays', b, () => payAndWaitForSuccess(b));

    // 4. The group succeeded; both orders wait to ship.
    await step('B sees the group succeed', b, async () => {
      await goToGroupAfterPaying(b);
      await waitForGroupStatus(b, groupId, 'succeeded');
      await screenshotSettled(b, screenshotPath('group-succeeded'));
    });
    await step('A sees the group succeed', a, () => waitForGroupStatus(a, groupId, 'succeeded'));
    await step("B's order waits to ship", b, () => waitForOrderStatus(b, orderOfB.id, '待发货'));
    await step("A's order waits to ship", a, async () => {
      await waitForOrderStatus(a, orderOfA.id, '待发货');
      await screenshotSettled(a, screenshotPath('order-to-ship'));
    });

    // 5. A claims a coupon and checkout prices the product with it as the shared rules say.
    const centre = await step('A opens the coupon centre', a, () => openCouponCentre(a));
    const pick = bestCouponToClaim(centre, product, shipping, new Date());
    const claimed = await step(`A claims ${pick.coupon.title}`, a, async () => {
      const coupon = await claimCoupon(a, pick.coupon);
      await screenshotSettled(a, screenshotPath('coupon-centre'));
      return coupon;
    });
    await step(`A buys ${product.title} alone with ${claimed.title}`, a, async () => {
      await a.goto(productPageUrl(product.id));
      await waitForProduct(a, product.title);
      await chooseSku(a, pick.sku.specs);
      await tapBuyAlone(a);
      await waitForCheckout(a);
      await fillAddressIfAsked(a, addressOfA);
      await chooseCoupon(a, claimed.title);
      const expected = priceOrder({ lines: [lineFor(product, pick.sku)], coupon: heldCouponForPricing(claimed), shipping, now: new Date().toISOString() });
      if (!expected.coupon?.applied) throw new Error(`${claimed.title} no longer applies to ${product.title}`);
      await expectEventually(`.checkout-payable with ${claimed.title}`, () => shownPayable(a), expected.payable);
      const couponRow = await shownCoupon(a);
      if (!couponRow.includes(claimed.title)) throw new Error(`.checkout-coupon shows "${couponRow}", not ${claimed.title}`);
    });

    // 6. B's purchase earns A a commission, pending until the order completes.
    const commission = orderOfB.lines.reduce((sum, line) => sum + commissionForLine(line.payable, defaultLevel1RateBp()), 0);
    await step("A sees B's commission pending in the promoter centre", a, async () => {
      await expectEventually('pending balance', () => openPromoterCentre(a), commission, 20_000);
      await screenshotSettled(a, screenshotPath('promoter-centre'));
      const items = await openEarnings(a);
      const item = items.filter({ has: a.locator('.commission-item__amount', { hasText: formatFen(commission) }) }).first();
      await item.waitFor({ timeout: 10_000 }).catch(async () => {
        throw new Error(`no commission item of ${formatFen(commission)}; the list shows: ${(await items.allInnerTexts()).join(' | ')}`);
      });
      const status = (await item.locator('.commission-item__status').innerText()).trim();
      if (!status.includes('待结算')) throw new Error(`the commission of ${formatFen(commission)} is "${status}", not 待结算`);
    });

    errorsOfA.assertNone();
    errorsOfB.assertNone();
  },
};
