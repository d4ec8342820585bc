import { shanghaiDate, shanghaiDateTime, shanghaiDayBounds, shanghaiTimestamp, shanghaiWallTimeToIso } from './shanghai-time';

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

  it('reads a time picked on a Shanghai clock back as the UTC instant it names', () => {
    expect(shanghaiWallTimeToIso('2025-05-01 10:03')).toBe('2025-05-01T02:03:00.000Z');
    expect(shanghaiWallTimeToIso('2026-01-01 00:30')).toBe('2025-12-31T16:30:00.000Z');
    expect(shanghaiDateTime(shanghaiWallTimeToIso('2025-06-30 23:59') ?? '')).toBe('2025-06-30 23:59');
  });

  it('refuses text that is not a real Shanghai date and time', () => {
    expect(shanghaiWallTimeToIso('2025-02-30 10:00')).toBeNull();
    expect(shanghaiWallTimeToIso('2025-05-01 24:00')).toBeNull();
    expect(shanghaiWallTimeToIso('2025-05-01T10:00')).toBeNull();
  });
});

describe('shanghaiDayBounds', () => {
  it('spans a Shanghai day from 16:00 UTC the day before to 16:00 UTC that day', () => {
    const { start, end } = shanghaiDayBounds('2026-12-01');
    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('puts the last millisecond of a Beijing day inside it and the next midnight outside', () => {
    const { start, end } = shanghaiDayBounds('2026-01-01');
    const lastMoment = new Date('2026-01-01T15:59:59.999Z');
    expect(lastMoment >= start && lastMoment < end).toBe(true);
    expect(shanghaiDate(end.toISOString())).toBe('2026-01-02');
  });

  it('refuses days that do not exist rather than rolling them over', () => {
    expect(() => shanghaiDayBounds('2026-02-30')).toThrow(RangeError);
    expect(() => shanghaiDayBounds('2026-1-5')).toThrow(RangeError);
    expect(shanghaiDayBounds('2028-02-29').start.toISOString()).toBe('2028-02-28T16:00:00.000Z');
  });
});
