import { formatShanghaiTime } from './shanghai-time';

describe('formatShanghaiTime', () => {
  it('shows UTC times in Beijing time, across midnight', () => {
    expect(formatShanghaiTime('2025-05-01T02:03:00.000Z')).toBe('2025-05-01 10:03');
    expect(formatShanghaiTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30');
  });
});
