import type { Journey } from '../journey';
import { openHome } from '../pages/home';
import { openFirstProduct, productPageBuilt } from '../pages/product';
import { screenshotSettled } from '../screens';
import { watchForErrors } from '../watch-errors';

export const openProduct: Journey = {
  name: 'a shopper opens a product from the home grid',
  async run({ phone, screenshotPath }) {
    if (!productPageBuilt()) return 'skipped';
    const page = await phone();
    const errors = watchForErrors(page);
    await openHome(page);
    await openFirstProduct(page);
    await page.waitForLoadState('networkidle');
    await screenshotSettled(page, screenshotPath('product'));
    errors.assertNone();
  },
};
