import { timelineOf } from './timeline';

const event = (action: string, toStatus: string, at: string, extra: { note?: string; actorKind?: string } = {}) => ({
  fromStatus: null,
  toStatus,
  action,
  actorKind: extra.actorKind ?? 'system',
  note: extra.note ?? '',
  at,
});

describe('timelineOf', () => {
  it('tells the order story in Chinese, newest first, in Beijing time', () => {
    const entries = timelineOf([
      event('place', 'pending_payment', '2025-05-01T02:00:00.000Z', { actorKind: 'shopper' }),
      event('pay', 'paid', '2025-05-01T02:01:00.000Z', { actorKind: 'provider' }),
      event('releaseToShip', 'to_ship', '2025-05-01T02:01:00.500Z'),
      event('ship', 'shipped', '2025-05-02T01:00:00.000Z', { actorKind: 'staff' }),
    ]);
    expect(entries.map((e) => e.title)).toEqual(['商家已发货', '等待商家发货', '支付成功', '提交订单']);
    expect(entries[3]?.time).toBe('2025-05-01 10:00');
  });

  it('puts the later of two events logged in the same millisecond on top', () => {
    const entries = timelineOf([event('pay', 'paid', '2025-05-01T02:01:00.000Z'), event('releaseToShip', 'to_ship', '2025-05-01T02:01:00.000Z')]);
    expect(entries.map((e) => e.title)).toEqual(['等待商家发货', '支付成功']);
  });

  it('says a group succeeded, and who cancelled', () => {
    expect(timelineOf([event('releaseToShip', 'to_ship', '2025-05-01T00:00:00Z', { note: '拼团成功' })])[0]).toMatchObject({
      title: '拼团成功，等待商家发货',
      note: '',
    });
    expect(timelineOf([event('cancel', 'cancelled', '2025-05-01T00:00:00Z', { actorKind: 'staff' })])[0]?.title).toBe('商家取消了订单');
    expect(timelineOf([event('cancel', 'cancelled', '2025-05-01T00:00:00Z', { actorKind: 'shopper' })])[0]?.title).toBe('您取消了订单');
  });

  it('keeps the note that says why an order closed', () => {
    expect(timelineOf([event('expire', 'cancelled', '2025-05-01T00:00:00Z', { note: '超时未支付' })])[0]).toMatchObject({
      title: '订单已关闭',
      note: '超时未支付',
    });
  });

  it('falls back to the status label for an action it does not know', () => {
    expect(timelineOf([event('somethingNew', 'to_ship', '2025-05-01T00:00:00Z')])[0]?.title).toBe('待发货');
    expect(timelineOf([event('somethingNew', 'on_the_moon', '2025-05-01T00:00:00Z')])[0]?.title).toBe('on_the_moon');
  });
});
