import type { Journey } from '../journey';
import { openHome, waitForVisibleImages } from '../pages/home';
import { watchForErrors } from '../watch-errors';

export const browseHome: Journey = {
  name: 'a shopper opens /h5/ and sees the product grid',
  async run({ phone, screenshotPath, metric }) {
    const page = await phone();
    const errors = watchForErrors(page);
    metric('first product render', await openHome(page));
    await waitForVisibleImages(page);
    await page.screenshot({ path: screenshotPath('home') });
    errors.assertNone();
  },
};
