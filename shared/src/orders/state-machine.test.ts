import { orderStatuses } from '../schemas/order';
import { canTransition, orderTransitions, returnWindowDays, withinReturnWindow, type OrderAction } from './state-machine';

describe('order state machine', () => {
  it('lets only the payment provider mark an order paid', () => {
    expect(canTransition('pay', 'pending_payment', 'provider')).toBe(true);
    expect(canTransition('pay', 'pending_payment', 'shopper')).toBe(false);
    expect(canTransition('pay', 'pending_payment', 'staff')).toBe(false);
  });

  it('never cancels an order that has been paid', () => {
    for (const status of orderStatuses.filter((s) => s !== 'pending_payment')) {
      expect(canTransition('cancel', status, 'shopper')).toBe(false);
      expect(canTransition('expire', status, 'system')).toBe(false);
    }
  });

  it('ships only orders waiting for shipment, and only by staff', () => {
    expect(canTransition('ship', 'to_ship', 'staff')).toBe(true);
    expect(canTransition('ship', 'awaiting_group', 'staff')).toBe(false);
    expect(canTransition('ship', 'to_ship', 'shopper')).toBe(false);
  });

  it('has no way out of cancelled or refunded', () => {
    for (const action of Object.keys(orderTransitions) as OrderAction[]) {
      for (const actor of ['shopper', 'staff', 'system', 'provider'] as const) {
        expect(canTransition(action, 'cancelled', actor)).toBe(false);
        expect(canTransition(action, 'refunded', actor)).toBe(false);
      }
    }
  });

  it('reaches every status from pending_payment', () => {
    const reached = new Set<string>(['pending_payment']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of Object.values(orderTransitions)) {
        if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...orderStatuses].sort());
  });
});

describe('return window', () => {
  const receivedAt = new Date('2026-05-01T10:00:00Z');
  const after = (ms: number) => new Date(receivedAt.getTime() + ms);

  it('stays open to the last millisecond of the seventh day after receipt and closes after it', () => {
    expect(withinReturnWindow(receivedAt, after(returnWindowDays * 86_400_000))).toBe(true);
    expect(withinReturnWindow(receivedAt, after(returnWindowDays * 86_400_000 + 1))).toBe(false);
  });

  it('is open while the receipt time is unknown', () => {
    expect(withinReturnWindow(null, after(30 * 86_400_000))).toBe(true);
  });
});
