import { formatCountdown, secondsUntil } from './countdown';

describe('group countdown', () => {
  const now = Date.parse('2025-06-02T12:00:00.000Z');

  it('counts whole seconds left until the group expires', () => {
    expect(secondsUntil('2025-06-02T13:02:05.900Z', now)).toBe(3725);
  });

  it('stops at zero once the group has expired', () => {
    expect(secondsUntil('2025-06-02T11:00:00.000Z', now)).toBe(0);
  });

  it('shows hours, minutes and seconds, with days when a day or more is left', () => {
    expect(formatCountdown(3725)).toBe('01:02:05');
    expect(formatCountdown(2 * 86_400 + 3 * 3600)).toBe('2天 03:00:00');
    expect(formatCountdown(0)).toBe('00:00:00');
  });
});
