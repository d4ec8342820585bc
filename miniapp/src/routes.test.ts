import { checkoutPage, groupPage, productPage } from './routes';

describe('page URLs', () => {
  it('carries the share id and the group to join on to the product page', () => {
    expect(productPage('p1', { shareId: 'q3Zk8_Lm2xWa', joinGroupId: 'g1' })).toBe('/packages/product/detail/index?id=p1&s=q3Zk8_Lm2xWa&join=g1');
    expect(productPage('p1')).toBe('/packages/product/detail/index?id=p1');
    expect(groupPage('g1')).toBe('/packages/group/detail/index?id=g1');
  });

  it('hands checkout the buying mode, SKU, group and the share the shopper came through', () => {
    expect(checkoutPage({ mode: 'join-group', skuId: 's1', quantity: 1, campaignId: 'c1', groupId: 'g1', shareId: 'q3Zk8_Lm2xWa' })).toBe(
      '/packages/order/checkout/index?mode=join-group&skuId=s1&quantity=1&campaignId=c1&groupId=g1&shareId=q3Zk8_Lm2xWa',
    );
  });

  it('hands checkout every cart line with its quantity', () => {
    expect(checkoutPage({ mode: 'cart', lines: [{ skuId: 's1', quantity: 2 }, { skuId: 's2', quantity: 1 }] })).toBe(
      '/packages/order/checkout/index?mode=cart&lines=s1*2%2Cs2*1',
    );
  });
});
