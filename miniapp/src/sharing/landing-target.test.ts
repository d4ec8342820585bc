import { landingTarget } from './landing-target';

const productId = '5b1f0c1e-8a53-4c1e-9d0b-2f6a7c3e9a41';
const groupId = '0e6b9d2a-3f41-4c8e-a1d7-6b2c9f0e4d13';

describe('landingTarget', () => {
  it('opens the shared product with the share id for attribution', () => {
    expect(landingTarget('q3Zk8_Lm2xWa', { kind: 'product', targetId: productId, sharerNickname: '张*' })).toBe(
      `/packages/product/detail/index?id=${productId}&s=q3Zk8_Lm2xWa`,
    );
  });

  it('opens the shared group', () => {
    expect(landingTarget('q3Zk8_Lm2xWa', { kind: 'group', targetId: groupId, sharerNickname: '张*' })).toBe(
      `/packages/group/detail/index?id=${groupId}&s=q3Zk8_Lm2xWa`,
    );
  });

  it('goes home for an invitation, an unknown share, or a link without one', () => {
    expect(landingTarget('q3Zk8_Lm2xWa', { kind: 'invite', targetId: null, sharerNickname: '张*' })).toBe('/pages/index/index');
    expect(landingTarget('q3Zk8_Lm2xWa', null)).toBe('/pages/index/index');
    expect(landingTarget(null, null)).toBe('/pages/index/index');
  });
});
