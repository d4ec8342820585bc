import type { Journey } from '../journey';
import { openHome } from '../pages/home';
import { screenshotSettled } from '../screens';
import { watchForErrors } from '../watch-errors';

export const browseHome: Journey = {
  name: 'a shopper opens /h5/ and sees the product grid',
  async run({ phone, screenshotPath, metric }) {
    const page = await phone();
    const errors = watchForErrors(page);
    metric('first product render', await openHome(page));
    await screenshotSettled(page, screenshotPath('home'));
    errors.assertNone();
  },
};
