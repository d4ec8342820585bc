import { h5LandingUrl, publicUrl, shareCodeUrl } from '../../src/modules/referrals/share-links';

describe('share links', () => {
  it('points the fallback QR code at the h5 landing page with the share id in `s`', () => {
    expect(h5LandingUrl('https://shop.example.com', 'q3Zk8_Lm2xWa')).toBe('https://shop.example.com/h5/#/pages/landing/index?s=q3Zk8_Lm2xWa');
  });

  it('does not double the slash when PUBLIC_BASE_URL ends in one', () => {
    expect(h5LandingUrl('https://shop.example.com/', 'q3Zk8_Lm2xWa')).toBe('https://shop.example.com/h5/#/pages/landing/index?s=q3Zk8_Lm2xWa');
    expect(shareCodeUrl('https://shop.example.com/', 'q3Zk8_Lm2xWa')).toBe('https://shop.example.com/api/shares/q3Zk8_Lm2xWa/code.png');
  });

  it('keeps a path under a PUBLIC_BASE_URL that has one', () => {
    expect(publicUrl('https://example.com/linli', '/media/products/a.png')).toBe('https://example.com/linli/media/products/a.png');
  });

  it('leaves paths as stored when PUBLIC_BASE_URL is not set', () => {
    expect(h5LandingUrl(null, 'q3Zk8_Lm2xWa')).toBe('/h5/#/pages/landing/index?s=q3Zk8_Lm2xWa');
    expect(shareCodeUrl(null, 'q3Zk8_Lm2xWa')).toBe('/api/shares/q3Zk8_Lm2xWa/code.png');
  });

  it('never rewrites a URL that is already absolute', () => {
    expect(publicUrl('https://shop.example.com', 'https://thirdwx.qlogo.cn/mmopen/a/132')).toBe('https://thirdwx.qlogo.cn/mmopen/a/132');
  });
});
