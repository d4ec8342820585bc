import { allocate } from './allocate';

describe('allocate', () => {
  it('splits in exact proportion when the shares are whole', () => {
    expect(allocate(300, [100, 200])).toEqual([100, 200]);
  });

  it('gives the leftover fen to the largest remainders', () => {
    expect(allocate(100, [333, 333, 334])).toEqual([33, 33, 34]);
  });

  it('breaks equal remainders in favour of the earlier index', () => {
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('always adds up to the total', () => {
    const shares = allocate(997, [13, 7, 101, 1, 59]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(997);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocate(5, [0, 3, 0])).toEqual([0, 5, 0]);
  });

  it('never gives a share above its weight when the total does not exceed the weights', () => {
    const weights = [1, 1, 1, 2, 9];
    const shares = allocate(13, weights);
    shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i] ?? 0));
  });

  it('allocates zero across no weight at all', () => {
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
  });

  it('refuses to allocate a positive total across zero weights', () => {
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
  });

  it('refuses amounts whose products would lose integer precision', () => {
    expect(() => allocate(2 ** 30, [2 ** 30])).toThrow(RangeError);
  });

  it.each([[-1, [1]], [1.5, [1]], [1, [-1]], [1, [0.5]]])('refuses total %p with weights %p', (total, weights) => {
    expect(() => allocate(total, weights)).toThrow(RangeError);
  });
});
