import { maskNickname } from '../../src/modules/group-buys/mask-nickname';

describe('masking a shopper name for other shoppers', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧*'],
    ['Alice', 'A*'],
    ['😀smile', '😀*'],
    ['', '*'],
  ])('shows %j as %j', (nickname, masked) => {
    expect(maskNickname(nickname)).toBe(masked);
  });
});
