import { countdownText, groupStatusTags, initialOf, monitorFilters, secondsLeftAt, seatsText } from './monitor-view';

describe('secondsLeftAt', () => {
  it('counts down from the route’s figure by the time since it answered', () => {
    expect(secondsLeftAt({ secondsLeft: 3600 }, 1_000_000, 1_000_000)).toBe(3600);
    expect(secondsLeftAt({ secondsLeft: 3600 }, 1_000_000, 1_010_900)).toBe(3590);
  });

  it('never counts up when the clock last read is older than the answer', () => {
    expect(secondsLeftAt({ secondsLeft: 3600 }, 1_000_000, 999_000)).toBe(3600);
  });

  it('stops at zero and has nothing to count for a settled group', () => {
    expect(secondsLeftAt({ secondsLeft: 5 }, 0, 60_000)).toBe(0);
    expect(secondsLeftAt({ secondsLeft: null }, 0, 0)).toBeNull();
  });
});

describe('countdownText', () => {
  it('shows hours, minutes and seconds, with days past a day', () => {
    expect(countdownText(3725)).toBe('01:02:05');
    expect(countdownText(86_400 + 59)).toBe('1 天 00:00:59');
  });

  it('says 已到时 at zero', () => {
    expect(countdownText(0)).toBe('已到时');
  });
});

it('says how many are still missing while a group fills', () => {
  expect(seatsText({ status: 'open', size: 3, seatsTaken: 2, seatsPaid: 1 })).toBe('2/3 人 · 还差 2 人');
  expect(seatsText({ status: 'succeeded', size: 3, seatsTaken: 3, seatsPaid: 3 })).toBe('3/3 人');
});

it('filters by 拼团中 first and names every status', () => {
  expect(monitorFilters[0]?.value).toBe('open');
  expect(groupStatusTags.open.label).toBe('拼团中');
  expect(new Set(Object.values(groupStatusTags).map((t) => t.label)).size).toBe(5);
});

it('takes the first character of a nickname, emoji included', () => {
  expect(initialOf(' 王小明')).toBe('王');
  expect(initialOf('🍑桃子')).toBe('🍑');
  expect(initialOf('')).toBe('?');
});
