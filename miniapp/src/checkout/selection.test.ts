import { checkoutPage } from '../routes';
import { checkoutOrderOf } from './selection';

/** The query of a page URL as the router hands it to the page. */
function paramsOf(url: string): Record<string, string> {
  const query = url.split('?')[1] ?? '';
  return Object.fromEntries(query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
}

describe('checkoutOrderOf', () => {
  it('buys one SKU alone, attributed to the share the shopper came through', () => {
    const url = checkoutPage({ mode: 'single', skuId: 's1', quantity: 2, shareId: 'q3Zk8_Lm2xWa' });
    expect(checkoutOrderOf(paramsOf(url))).toEqual({ mode: 'single', lines: [{ skuId: 's1', quantity: 2 }], shareId: 'q3Zk8_Lm2xWa', fromCart: false });
  });

  it('drops a share id the BFF would refuse rather than fail the order', () => {
    expect(checkoutOrderOf({ mode: 'single', skuId: 's1', quantity: '1', shareId: 'not a share' })?.shareId).toBeUndefined();
  });

  it('opens a group on the campaign, or joins the given group', () => {
    expect(checkoutOrderOf(paramsOf(checkoutPage({ mode: 'open-group', skuId: 's1', quantity: 1, campaignId: 'c1' })))).toMatchObject({
      groupBuy: { campaignId: 'c1' },
    });
    expect(checkoutOrderOf(paramsOf(checkoutPage({ mode: 'join-group', skuId: 's1', quantity: 1, campaignId: 'c1', groupId: 'g1' })))).toMatchObject({
      groupBuy: { campaignId: 'c1', groupId: 'g1' },
    });
  });

  it('settles every cart line and takes them out of the cart', () => {
    const url = checkoutPage({ mode: 'cart', lines: [{ skuId: 's1', quantity: 2 }, { skuId: 's2', quantity: 1 }] });
    expect(checkoutOrderOf(paramsOf(url))).toEqual({ mode: 'cart', lines: [{ skuId: 's1', quantity: 2 }, { skuId: 's2', quantity: 1 }], fromCart: true });
  });

  it('reads parameters a runtime left percent-encoded', () => {
    expect(checkoutOrderOf({ mode: 'cart', lines: 's1*2%2Cs2*1' })?.lines).toEqual([{ skuId: 's1', quantity: 2 }, { skuId: 's2', quantity: 1 }]);
  });

  it.each<Record<string, string>>([
    {},
    { mode: 'single' },
    { mode: 'single', skuId: 's1', quantity: '0' },
    { mode: 'single', skuId: 's1', quantity: '100' },
    { mode: 'single', skuId: 's1', quantity: '1.5' },
    { mode: 'open-group', skuId: 's1', quantity: '1' },
    { mode: 'join-group', skuId: 's1', quantity: '1', campaignId: 'c1' },
    { mode: 'cart', lines: '' },
    { mode: 'cart', lines: 's1*2,s2' },
    { mode: 'wholesale', skuId: 's1', quantity: '1' },
  ])('finds nothing to buy in the broken link %p', (params) => {
    expect(checkoutOrderOf(params)).toBeNull();
  });
});
