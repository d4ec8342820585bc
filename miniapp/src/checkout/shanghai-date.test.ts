import { shanghaiDate } from './shanghai-date';

describe('shanghaiDate', () => {
  it('gives the day in Shanghai, which starts eight hours before UTC midnight', () => {
    expect(shanghaiDate('2026-11-30T15:59:59Z')).toBe('2026-11-30');
    expect(shanghaiDate('2026-11-30T16:00:00Z')).toBe('2026-12-01');
  });
});
