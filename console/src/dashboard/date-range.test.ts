import { maxMetricDays } from '@linli/shared/schemas/analytics';
import { addDays, daysIn, isDayDisabled, lastDays, shanghaiToday } from './date-range';

describe('the dashboard date range', () => {
  it('takes today from Shanghai: 23:30 UTC is already the next day there', () => {
    expect(shanghaiToday(new Date('2025-05-01T23:30:00Z'))).toBe('2025-05-02');
    expect(shanghaiToday(new Date('2025-05-01T15:59:59Z'))).toBe('2025-05-01');
  });

  it('defaults to the last 7 Shanghai days, today included', () => {
    expect(lastDays(new Date('2025-05-01T23:30:00Z'))).toEqual({ from: '2025-04-26', to: '2025-05-02' });
  });

  it('counts both ends and crosses months and leap days', () => {
    expect(daysIn({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('greys out the future', () => {
    expect(isDayDisabled('2025-05-03', '2025-05-02', null)).toBe(true);
    expect(isDayDisabled('2025-05-02', '2025-05-02', null)).toBe(false);
  });

  it(`allows at most ${maxMetricDays} days from the end already picked, either way`, () => {
    const end = '2025-05-31';
    expect(isDayDisabled(addDays(end, -(maxMetricDays - 1)), end, end)).toBe(false);
    expect(isDayDisabled(addDays(end, -maxMetricDays), end, end)).toBe(true);
    const start = '2025-01-01';
    expect(isDayDisabled(addDays(start, maxMetricDays - 1), '2025-12-31', start)).toBe(false);
    expect(isDayDisabled(addDays(start, maxMetricDays), '2025-12-31', start)).toBe(true);
  });
});
