import { shanghaiDate } from '@linli/shared/shanghai-time';
import type { OrderDetail, ShippingAddress } from '@linli/shared/schemas/order';
import { shopApi, type ShopApi } from '../api';
import type { Journey } from '../journey';
import { agreeToPrivacy } from '../pages/landing';
import { orderPageUrl, waitForOrderStatus } from '../pages/order';
import { desktopContext, signInToConsole } from '../pages/console-desktop';
import {
  batchRow,
  chooseStatusTab,
  errorUnder,
  exportCsv,
  filterPlacedToday,
  openOrder,
  orderRow,
  selectRows,
  submitBatch,
  submitShipForm,
} from '../pages/console-orders';
import { visible } from '../pages/visible';
import { waitUntilTrue } from '../screens';
import { expectEqual, step } from '../step';
import { watchForErrors } from '../watch-errors';

interface Shopper {
  /** the dev-login name, which is also the nickname and the h5 device's name */
  name: string;
  token: string;
  address: ShippingAddress;
}

const addressFor = (name: string, phone: string, detail: string): ShippingAddress => ({ name, phone, province: '浙江省', city: '杭州市', district: '西湖区', detail });

/** A paid order of one piece of the first product in stock, through the shopper's API and the sandbox payment. */
async function paidOrder(api: ShopApi, shopper: Shopper, productIndex: number): Promise<OrderDetail> {
  const cards = (await api.products(20)).items;
  const card = cards[productIndex % cards.length];
  if (!card) throw new Error('the demo shop lists no products (is it seeded?)');
  const product = await api.product(card.id);
  const sku = product.skus.find((s) => s.stock > 0);
  if (!sku) throw new Error(`${product.title} has no SKU in stock`);
  const order = await api.placeOrder(shopper.token, { lines: [{ skuId: sku.id, quantity: 1 }], address: shopper.address });
  const paid = await api.payInSandbox(shopper.token, order.id);
  expectEqual(`${order.orderNo} after paying`, paid.status, 'to_ship');
  return paid;
}

/**
 * 订单管理 end to end: shoppers pay orders through the API; the owner finds them under 待发货 with
 * today's date, ships one from its drawer (a bad tracking no. first: refused next to the field,
 * nothing shipped), ships two more with 批量发货 (one typed, one pasted; a third with an open refund
 * request is refused and stays), and exports the day's orders as CSV. The shopper sees the parcel.
 */
export const consoleOrders: Journey = {
  name: 'the owner filters, ships (single and batch) and exports orders in the console',
  timeoutMs: 240_000,
  async run({ browser, origin, consoleOwner, phone, screenshotPath, metric }) {
    const served = await fetch(`${origin}/console/`);
    if (!served.ok) throw new Error(`the BFF does not serve the console build: GET /console/ → ${served.status} (run \`pnpm build\`)`);
    const api = shopApi(origin);

    const shoppers: Shopper[] = await step('three shoppers sign in', null, () =>
      Promise.all(
        [
          ['小满爱吃橙', '林小满', '13800138001', '文三路 100 号 1 幢 101 室'],
          ['一一', '周一一', '13900139002', '湖墅南路 8 号 2 单元 302 室'],
          ['阿晓', '陈晓', '13700137003', '教工路 18 号 5 幢 601 室'],
        ].map(async ([nickname, recipient, phoneNo, detail]) => ({
          name: nickname!,
          token: await api.devLogin(nickname!),
          address: addressFor(recipient!, phoneNo!, detail!),
        })),
      ),
    );
    const [xiaoman, yiyi, chenxiao] = shoppers as [Shopper, Shopper, Shopper];
    const { single, typed, pasted, withRefund } = await step('the shoppers place and pay four orders', null, async () => ({
      single: await paidOrder(api, xiaoman, 0),
      typed: await paidOrder(api, yiyi, 1),
      pasted: await paidOrder(api, chenxiao, 2),
      withRefund: await paidOrder(api, xiaoman, 3),
    }));
    await step('one shopper asks for a refund before shipping', null, () => api.requestAfterSale(xiaoman.token, withRefund.id, { reason: '拍错了规格' }));
    await step('another leaves an order unpaid', null, () => api.placeOrder(chenxiao.token, { lines: single.lines.map((l) => ({ skuId: l.skuId, quantity: 1 })), address: chenxiao.address }));

    const desk = await desktopContext(browser, origin);
    try {
      const page = await desk.newPage();
      const errors = watchForErrors(page);
      await step('the owner signs in and opens 订单管理', page, async () => {
        await signInToConsole(page, consoleOwner);
        await page.goto('/console/orders');
        await page.locator('.orders-table').waitFor({ state: 'visible', timeout: 20_000 });
      });

      const today = shanghaiDate(new Date().toISOString());
      await step('待发货 with today’s date lists the paid orders', page, async () => {
        await chooseStatusTab(page, '待发货');
        const { query, page: answer } = await filterPlacedToday(page);
        expectEqual('from', query.get('from'), today);
        expectEqual('to', query.get('to'), today);
        expectEqual('status', query.get('status'), 'to_ship');
        for (const order of [single, typed, pasted, withRefund]) {
          if (!answer.items.some((item) => item.id === order.id)) throw new Error(`${order.orderNo} is not in the 待发货 list of ${today}`);
          await orderRow(page, order.orderNo).waitFor({ state: 'visible', timeout: 10_000 });
        }
        await selectRows(page, [typed.orderNo, pasted.orderNo, withRefund.orderNo]);
        await page.mouse.move(0, 0);
        // A ticked box fades in; the shot waits until it stands still.
        await waitUntilTrue(page, "document.getAnimations().every((a) => a.playState !== 'running')", 5_000);
        await page.screenshot({ path: screenshotPath('console-orders') });
      });

      const drawer = await step(`the owner opens ${single.orderNo}`, page, () => openOrder(page, single.orderNo));
      await step('a bad tracking no. is refused next to its field and ships nothing', page, async () => {
        await submitShipForm(drawer, '顺丰速运', 'SF#1234');
        expectEqual('error under 运单号', await errorUnder(drawer.locator('.ship-form__tracking')), '运单号只能包含字母、数字和“-”');
        expectEqual('the order after the refusal', (await api.order(xiaoman.token, single.id)).status, 'to_ship');
        expectEqual('what the form kept', await drawer.locator('.ship-form__tracking').inputValue(), 'SF#1234');
      });
      const shippedAt = Date.now();
      await step('a valid tracking no. ships it, and the log says so', page, async () => {
        await submitShipForm(drawer, '顺丰速运', 'SF1234567890');
        await drawer.locator('.order-drawer__status', { hasText: '待收货' }).waitFor({ timeout: 20_000 });
        await drawer.locator('.order-events tr', { hasText: '顺丰速运 SF1234567890' }).waitFor({ timeout: 10_000 });
        // The 已发货 toast covers the drawer's title; the screenshot waits until it has gone.
        await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });
        await page.screenshot({ path: screenshotPath('console-order-detail') });
      });
      metric('ship from the drawer until the order reads 待收货', Date.now() - shippedAt);
      await step('the shopper’s order is shipped with the carrier and the tracking no.', null, async () => {
        const mine = await api.order(xiaoman.token, single.id);
        expectEqual('status', mine.status, 'shipped');
        expectEqual('carrier', mine.carrier, '顺丰速运');
        expectEqual('tracking no.', mine.trackingNo, 'SF1234567890');
      });
      const shopperPhone = await phone();
      await step('the shopper’s phone shows the parcel on the order page', shopperPhone, async () => {
        // The h5 build signs a browser in by the device name it keeps (Taro storage): this phone is 林小满's.
        await shopperPhone.context().addInitScript(`localStorage.setItem('linli.deviceName', ${JSON.stringify(JSON.stringify({ data: xiaoman.name }))})`);
        await shopperPhone.goto(orderPageUrl(single.id));
        await visible(shopperPhone, '.order-detail, .privacy-notice').waitFor({ timeout: 30_000 });
        await agreeToPrivacy(shopperPhone, 1_500);
        await waitForOrderStatus(shopperPhone, single.id, '待收货');
        const tracking = await visible(shopperPhone, '.order-tracking').innerText();
        if (!tracking.includes('顺丰速运') || !tracking.includes('SF1234567890')) throw new Error(`the order page shows "${tracking}" for the parcel`);
      });
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden', timeout: 10_000 });

      const dialog = page.locator('.batch-ship');
      await step('批量发货 opens one row per selected order', page, async () => {
        await page.locator('.orders-batch-ship').click();
        await dialog.waitFor({ state: 'visible', timeout: 10_000 });
        for (const order of [typed, pasted, withRefund]) await batchRow(dialog, order.id).waitFor({ timeout: 5_000 });
      });
      await step('the carrier once for all, a tracking no. typed, another pasted', page, async () => {
        await dialog.locator('.batch-ship__carrier-all input').fill('中通快递');
        await dialog.locator('.batch-ship__carrier-all input').press('Tab');
        await batchRow(dialog, typed.id).locator('.batch-ship__tracking').fill('73100000000101');
        await batchRow(dialog, withRefund.id).locator('.batch-ship__tracking').fill('73100000000103');
        await dialog.locator('.batch-ship__paste').fill(`订单号,快递公司,运单号\n${pasted.orderNo},圆通速递,YT9000000102\nL2099010100000000000009,中通快递,73100000000199`);
        await dialog.locator('.batch-ship__read-paste').click();
        const report = await dialog.locator('.batch-ship__paste-result').innerText();
        if (!report.includes('已填入 1 单') || !report.includes('第 3 行') || !report.includes('不是已选的订单')) throw new Error(`the paste report says: ${report}`);
        expectEqual('pasted carrier', await batchRow(dialog, pasted.id).locator('.batch-ship__carrier input').inputValue(), '圆通速递');
        expectEqual('pasted tracking no.', await batchRow(dialog, pasted.id).locator('.batch-ship__tracking').inputValue(), 'YT9000000102');
        await page.screenshot({ path: screenshotPath('console-orders-batch-ship') });
      });
      await step('确认发货 ships the two; the one with a refund request stays with the reason', page, async () => {
        const answer = await submitBatch(page, dialog);
        const outcomes = new Map(answer.results.map((r) => [r.orderId, r.outcome]));
        expectEqual('results', [typed, pasted, withRefund].map((o) => outcomes.get(o.id)).join(' '), 'shipped shipped failed');
        await batchRow(dialog, typed.id).waitFor({ state: 'detached', timeout: 10_000 });
        const failure = await batchRow(dialog, withRefund.id).locator('.batch-ship__failure').innerText();
        if (!failure.includes('AFTER_SALE_OPEN')) throw new Error(`the refused row says: ${failure}`);
        await orderRow(page, typed.orderNo).waitFor({ state: 'detached', timeout: 10_000 });
        await orderRow(page, pasted.orderNo).waitFor({ state: 'detached', timeout: 10_000 });
        await orderRow(page, withRefund.orderNo).waitFor({ state: 'visible', timeout: 5_000 });
      });
      await step('the shoppers’ orders are shipped with their carriers', null, async () => {
        for (const [shopper, order, carrier, trackingNo] of [
          [yiyi, typed, '中通快递', '73100000000101'],
          [chenxiao, pasted, '圆通速递', 'YT9000000102'],
        ] as const) {
          const mine = await api.order(shopper.token, order.id);
          expectEqual(`${order.orderNo}`, `${mine.status} ${mine.carrier} ${mine.trackingNo}`, `shipped ${carrier} ${trackingNo}`);
        }
        expectEqual('the order with a refund request', (await api.order(xiaoman.token, withRefund.id)).status, 'to_ship');
      });
      await dialog.locator('.ant-modal-close').click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });

      await step('导出 CSV of today’s orders downloads a file with them', page, async () => {
        await chooseStatusTab(page, '全部');
        const file = await exportCsv(page);
        expectEqual('file name', file.name, `订单-${today.replace(/-/g, '')}.csv`);
        if (!file.text.startsWith('\uFEFF订单号,下单时间,')) throw new Error(`the file starts with ${JSON.stringify(file.text.slice(0, 40))}`);
        for (const order of [single, typed, pasted, withRefund]) {
          if (!file.text.includes(order.orderNo)) throw new Error(`the export has no record of ${order.orderNo}`);
        }
        if (!file.text.includes('SF1234567890') || !file.text.includes('YT9000000102')) throw new Error('the export lacks the tracking numbers just entered');
      });
      errors.assertNone();
    } finally {
      await desk.close();
    }
  },
};
