import { timelineArrival, timelineQuery } from './timeline';

const productId = '5b1f0c1e-8a53-4c1e-9d0b-2f6a7c3e9a41';

describe('timelineQuery', () => {
  it('carries the target and the sharer’s invite code', () => {
    expect(timelineQuery(productId, '7KQ2M9XD')).toBe(`id=${productId}&tc=7KQ2M9XD`);
  });

  it('carries just the target when the sharer is not signed in', () => {
    expect(timelineQuery(productId, null)).toBe(`id=${productId}`);
  });
});

describe('timelineArrival', () => {
  it('reads the sharer’s invite code from a timeline post', () => {
    expect(timelineArrival({ id: productId, tc: '7KQ2M9XD' })).toBe('7KQ2M9XD');
  });

  it('reads what timelineQuery wrote', () => {
    const params = Object.fromEntries(timelineQuery(productId, '7KQ2M9XD').split('&').map((pair) => pair.split('=')));
    expect(timelineArrival(params)).toBe('7KQ2M9XD');
  });

  it('leaves a visit through a share id to that share', () => {
    expect(timelineArrival({ id: productId, s: 'q3Zk8_Lm2xWa', tc: '7KQ2M9XD' })).toBeNull();
  });

  it('is null without a code, or with one no shopper could have', () => {
    expect(timelineArrival({ id: productId })).toBeNull();
    expect(timelineArrival({ id: productId, tc: '' })).toBeNull();
    expect(timelineArrival({ id: productId, tc: 'not-a-code' })).toBeNull();
    expect(timelineArrival({ id: productId, tc: '7KQ2M9XD0' })).toBeNull();
  });
});
