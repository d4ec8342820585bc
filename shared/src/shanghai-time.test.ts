import { shanghaiDate, shanghaiDateTime, shanghaiDayStart, shanghaiTimestamp } from './shanghai-time';

describe('Shanghai time', () => {
  it('shows UTC instants in Beijing time, across midnight and the new year', () => {
    expect(shanghaiDateTime('2025-05-01T02:03:00.000Z')).toBe('2025-05-01 10:03');
    expect(shanghaiDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30');
    expect(shanghaiTimestamp('2025-12-31T16:30:05Z')).toBe('2026-01-01 00:30:05');
  });

  it('gives the day in Shanghai, which starts eight hours before UTC midnight', () => {
    expect(shanghaiDate('2026-11-30T15:59:59Z')).toBe('2026-11-30');
    expect(shanghaiDate('2026-11-30T16:00:00Z')).toBe('2026-12-01');
  });

  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    expect(shanghaiDayStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(shanghaiDate(shanghaiDayStart('2026-01-01').toISOString())).toBe('2026-01-01');
  });
});
