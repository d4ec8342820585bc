import { campaignPhase, groupFigures, phaseTags, specText, timeLimitText } from './campaign-view';

const now = new Date('2025-06-10T00:00:00.000Z');
const window = { startsAt: '2025-06-01T00:00:00.000Z', endsAt: '2025-06-30T16:00:00.000Z' };

describe('campaignPhase', () => {
  it('reads 进行中 inside the window and 未开始 before it', () => {
    expect(phaseTags[campaignPhase({ ...window, active: true }, now)].label).toBe('进行中');
    expect(phaseTags[campaignPhase({ ...window, active: true }, new Date('2025-05-31T23:59:59.000Z'))].label).toBe('未开始');
  });

  it('reads 已停用 for a switched-off campaign that has not ended', () => {
    expect(campaignPhase({ ...window, active: false }, now)).toBe('off');
  });

  it('reads 已结束 from the end on, switched off or not', () => {
    const end = new Date(window.endsAt);
    expect(campaignPhase({ ...window, active: true }, end)).toBe('ended');
    expect(campaignPhase({ ...window, active: false }, end)).toBe('ended');
  });
});

it('says the time limit in hours when it is whole hours, else in minutes', () => {
  expect(timeLimitText(1440)).toBe('24 小时');
  expect(timeLimitText(90)).toBe('90 分钟');
});

it('joins spec values and names a SKU without specs', () => {
  expect(specText({ 规格: '6 只装', 颜色: '红' })).toBe('6 只装 / 红');
  expect(specText({})).toBe('默认规格');
});

describe('groupFigures', () => {
  it('counts groups whose leader paid as opened, and the success rate over settled groups', () => {
    expect(groupFigures({ pending: 1, open: 4, succeeded: 27, failed: 3, abandoned: 2 })).toEqual({
      opened: 34,
      open: 4,
      succeeded: 27,
      failed: 3,
      successRate: '90.0%',
    });
  });

  it('shows no rate before any group settled', () => {
    expect(groupFigures({ pending: 0, open: 2, succeeded: 0, failed: 0, abandoned: 0 }).successRate).toBe('—');
  });
});
