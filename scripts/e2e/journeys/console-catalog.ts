import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Journey } from '../journey';
import { renderProductImage } from '../../../bff/src/modules/catalog/demo/product-image';
import { shopApi } from '../api';
import {
  adjustStockElsewhere,
  consoleProducts,
  fillProductForm,
  openProductsPage,
  saveNewProduct,
  scrollFormTo,
  skuRow,
  type ProductInput,
} from '../pages/console-catalog';
import { consoleStaffApi, desktopContext, signInToConsole } from '../pages/console-desktop';
import { expectEqual, step } from '../step';
import { watchForErrors } from '../watch-errors';

const badPrice = '12.345';

/**
 * 商品管理 in the console: the owner creates a mug in two colours × two sizes in the browser (typed
 * prices, an uploaded picture), is stopped by a price with three decimals at that very cell with
 * nothing saved, fixes it, saves, and puts the mug on shelf from the list. A stock removal that
 * another hand made impossible is refused in the dialog; a restock shows the BFF's new stock.
 * Shoppers then see 4 SKUs at exactly the fen typed. An edit adds a size (two new SKUs) and
 * reprices one. Finance opens the same page read-only.
 */
export const consoleCatalog: Journey = {
  name: 'the owner creates a product with SKUs in the console, puts it on shelf and shoppers see its prices',
  timeoutMs: 240_000,
  async run({ browser, origin, consoleOwner, screenshotPath }) {
    const tag = randomBytes(3).toString('hex');
    const scratch = await mkdtemp(path.join(tmpdir(), 'linli-catalog-'));
    const imagePath = path.join(scratch, 'mug.png');
    await writeFile(imagePath, renderProductImage({ hue: 200, motif: 'circle', variant: 0, size: 480 }));
    const mug: ProductInput = {
      title: `釉下彩陶瓷马克杯 ${tag}`,
      category: '家居日用',
      detail: '景德镇釉下彩，可进微波炉和洗碗机。',
      imagePath,
      specs: [
        { name: '颜色', values: ['米白', '雾蓝'] },
        { name: '容量', values: ['350ml', '500ml'] },
      ],
      skus: [
        { values: ['米白', '350ml'], price: '39.9', listPrice: '59', stock: '30' },
        { values: ['米白', '500ml'], price: '45.50', listPrice: '59', stock: '20' },
        { values: ['雾蓝', '350ml'], price: '42', listPrice: '', stock: '25' },
        { values: ['雾蓝', '500ml'], price: badPrice, listPrice: '69.9', stock: '15' },
      ],
    };
    // The fen each typed price must arrive as (a blank list price is the price itself).
    const expected = new Map([
      ['米白/350ml', { price: 3990, listPrice: 5900 }],
      ['米白/500ml', { price: 4550, listPrice: 5900 }],
      ['雾蓝/350ml', { price: 4200, listPrice: 4200 }],
      ['雾蓝/500ml', { price: 4880, listPrice: 6990 }],
    ]);

    const staff = consoleStaffApi(origin);
    const owner = await staff.logIn(consoleOwner);
    const desk = await desktopContext(browser, origin);
    let productId = '';
    try {
      const page = await desk.newPage();
      const errors = watchForErrors(page);
      await step('the owner signs in and opens 商品管理', page, async () => {
        await signInToConsole(page, consoleOwner);
        await openProductsPage(page);
      });
      await step('the list shows the demo shop with covers, price ranges and shelf switches', page, async () => {
        const rows = page.locator('.products-table .product-row');
        if ((await rows.count()) < 10) throw new Error(`only ${await rows.count()} products listed`);
        await page.locator('.products-table .product-cell__cover').first().evaluate((img) => (img as { decode(): Promise<void> }).decode());
      });
      await page.screenshot({ path: screenshotPath('console-products') });

      await step('the owner fills the new product form: picture, two specs, four SKU rows', page, async () => {
        await page.locator('.products-create').click();
        await fillProductForm(page, mug);
        expectEqual('SKU rows', await page.locator('.product-editor .sku-row').count(), 4);
      });

      await step('a price with three decimals is refused at its own cell and nothing is sent', page, async () => {
        let posted = false;
        page.on('request', (req) => {
          if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/console/products') posted = true;
        });
        await page.locator('.product-form__save').click();
        const cell = skuRow(page, ['雾蓝', '500ml']).locator('.sku-cell:has(input.sku-row__price) .ant-form-item-explain-error');
        await cell.waitFor({ state: 'visible', timeout: 5_000 });
        expectEqual('error under the price', (await cell.innerText()).trim(), '请输入金额，最多两位小数');
        expectEqual('the typed price is kept', await skuRow(page, ['雾蓝', '500ml']).locator('input.sku-row__price').inputValue(), badPrice);
        expectEqual('errors in other rows', await page.locator('.product-editor .sku-row .ant-form-item-explain-error').count(), 1);
        expectEqual('a create request was sent', posted, false);
        expectEqual('products with this title in the BFF', (await consoleProducts(origin, owner.accessToken, mug.title)).items.length, 0);
      });

      await step('the owner corrects the price; the form with its SKU grid is ready to save', page, async () => {
        await skuRow(page, ['雾蓝', '500ml']).locator('input.sku-row__price').fill('48.8');
        await page.locator('.product-editor .sku-cell .ant-form-item-explain-error').waitFor({ state: 'detached', timeout: 5_000 });
        await skuRow(page, ['雾蓝', '500ml']).locator('input.sku-row__price').blur();
        await scrollFormTo(page, '.product-form__images');
        await page.locator('.product-editor .image-uploader img').first().evaluate((img) => (img as { decode(): Promise<void> }).decode());
      });
      await page.screenshot({ path: screenshotPath('console-product-edit') });

      const created = await step('the owner saves, and the new product heads the list, off shelf', page, async () => {
        const product = await saveNewProduct(page);
        const row = page.locator(`.products-table .product-row[data-product-id="${product.id}"]`);
        await row.waitFor({ state: 'visible', timeout: 5_000 });
        expectEqual('the new row’s price range', (await row.locator('td').nth(2).innerText()).trim(), '¥39.90 – ¥48.80');
        expectEqual('its shelf switch', await row.locator('.product-shelf').getAttribute('aria-checked'), 'false');
        return product;
      });
      productId = created.id;

      await step('the owner puts it on shelf from the list, after confirming', page, async () => {
        const row = page.locator(`.products-table .product-row[data-product-id="${productId}"]`);
        await row.locator('.product-shelf').click();
        await page.locator('.ant-popconfirm:visible .product-shelf__confirm').click();
        await row.locator('.product-shelf[aria-checked="true"]').waitFor({ timeout: 10_000 });
      });

      await step('a stock removal the BFF refuses (another hand took stock meanwhile) says so in the dialog', page, async () => {
        await page.locator(`.products-table .product-row[data-product-id="${productId}"] .product-row__open`).click();
        await skuRow(page, ['米白', '350ml']).locator('.sku-row__adjust').click();
        const dialog = page.locator('.stock-dialog');
        await dialog.locator('.stock-dialog__direction label').filter({ hasText: '出库' }).click();
        await dialog.locator('.stock-dialog__quantity input').fill('31');
        await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '出库数量不能超过当前库存（30）' }).waitFor({ timeout: 5_000 });
        const whiteSmall = created.skus.find((s) => s.specs['颜色'] === '米白' && s.specs['容量'] === '350ml');
        if (!whiteSmall) throw new Error('the saved product has no 米白/350ml SKU');
        expectEqual('stock after the other removal', await adjustStockElsewhere(origin, owner.accessToken, whiteSmall.id, -27), 3);
        await dialog.locator('.stock-dialog__quantity input').fill('5');
        await dialog.locator('.stock-dialog__submit').click();
        await dialog.locator('.stock-dialog__refusal').filter({ hasText: 'STOCK_WOULD_GO_NEGATIVE' }).waitFor({ timeout: 10_000 });
        await dialog.locator('.stock-dialog__current').filter({ hasText: /^3$/ }).waitFor({ timeout: 10_000 });
      });

      await step('the owner stocks 22 in; the BFF’s new stock shows in the message and the grid', page, async () => {
        const dialog = page.locator('.stock-dialog');
        await dialog.locator('.stock-dialog__direction label').filter({ hasText: '入库' }).click();
        await dialog.locator('.stock-dialog__quantity input').fill('22');
        await dialog.locator('.stock-dialog__submit').click();
        await page.locator('.ant-message-notice').filter({ hasText: '库存已调整为 25' }).waitFor({ timeout: 10_000 });
        await skuRow(page, ['米白', '350ml']).locator('.sku-row__saved-stock').filter({ hasText: /^25$/ }).waitFor({ timeout: 5_000 });
        await page.locator('.product-editor .ant-drawer-close').click();
      });

      await step('shoppers see the product on sale with 4 SKUs at exactly the fen typed', null, async () => {
        const product = await shopApi(origin).product(productId);
        expectEqual('on shelf', product.onShelf, true);
        expectEqual('SKUs', product.skus.length, 4);
        expectEqual('cover from the upload', /^\/media\/uploads\//.test(product.coverUrl), true);
        for (const sku of product.skus) {
          const key = `${sku.specs['颜色']}/${sku.specs['容量']}`;
          const want = expected.get(key);
          if (!want) throw new Error(`unexpected SKU ${key}`);
          expectEqual(`${key} price`, sku.price, want.price);
          expectEqual(`${key} list price`, sku.listPrice, want.listPrice);
        }
        expectEqual('米白/350ml stock after both adjustments', product.skus.find((s) => s.specs['颜色'] === '米白' && s.specs['容量'] === '350ml')?.stock, 25);
      });

      await step('the owner adds a 750ml size and reprices one SKU; the BFF then holds 6 SKUs', page, async () => {
        await page.locator(`.products-table .product-row[data-product-id="${productId}"] .product-row__open`).click();
        const sizes = page.locator('.product-editor .spec-editor__row[data-spec-index="1"] .spec-editor__values input');
        await sizes.fill('750ml');
        await sizes.press('Enter');
        for (const colour of ['米白', '雾蓝']) {
          await skuRow(page, [colour, '750ml']).locator('input.sku-row__price').fill('55');
          await skuRow(page, [colour, '750ml']).locator('input.sku-row__stock').fill('10');
        }
        await skuRow(page, ['米白', '350ml']).locator('input.sku-row__price').fill('35.5');
        await page.locator('.product-form__save').click();
        await page.locator('.product-editor .product-form').waitFor({ state: 'detached', timeout: 20_000 });
        const row = page.locator(`.products-table .product-row[data-product-id="${productId}"]`);
        expectEqual('the row’s price range', (await row.locator('td').nth(2).innerText()).trim(), '¥35.50 – ¥55.00');
        const [saved] = (await consoleProducts(origin, owner.accessToken, mug.title)).items;
        expectEqual('SKUs in the BFF', saved?.skuCount, 6);
        expectEqual('lowest price in the BFF', saved?.price, 3550);
        expectEqual('total stock in the BFF', saved?.totalStock, 25 + 20 + 25 + 15 + 10 + 10);
      });
      errors.assertNone();
    } finally {
      await desk.close();
    }

    const finance = { username: `e2e-finance-${tag}`, password: randomBytes(12).toString('base64url') };
    await staff.createStaff(owner.accessToken, { ...finance, displayName: '财务小周', role: 'finance' });
    const financeDesk = await desktopContext(browser, origin);
    try {
      const page = await financeDesk.newPage();
      const errors = watchForErrors(page);
      await step('finance reads 商品管理 without create, shelf or stock controls', page, async () => {
        await signInToConsole(page, finance);
        await openProductsPage(page);
        expectEqual('新建商品 buttons', await page.locator('.products-create').count(), 0);
        expectEqual('shelf switches', await page.locator('.product-shelf').count(), 0);
        await page.locator(`.products-table .product-row[data-product-id="${productId}"] .product-row__open`).click();
        await skuRow(page, ['米白', '350ml']).waitFor({ timeout: 10_000 });
        expectEqual('save buttons', await page.locator('.product-form__save').count(), 0);
        expectEqual('stock buttons', await page.locator('.sku-row__adjust').count(), 0);
      });
      errors.assertNone();
    } finally {
      await financeDesk.close();
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
