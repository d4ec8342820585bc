import { payPhaseOf, paymentSettled } from './pay-phase';

const now = Date.parse('2026-11-22T12:00:00Z');
const later = '2026-11-22T12:10:00.000Z';
const earlier = '2026-11-22T11:59:59.000Z';

describe('payPhaseOf', () => {
  it('asks for payment while the window is open', () => {
    expect(payPhaseOf({ status: 'pending_payment', expiresAt: later }, now)).toBe('awaiting_payment');
  });

  it('stops taking payment once the window closed, before the BFF has cancelled it', () => {
    expect(payPhaseOf({ status: 'pending_payment', expiresAt: earlier }, now)).toBe('expired');
  });

  it.each(['paid', 'awaiting_group', 'to_ship', 'shipped', 'completed'] as const)('counts %s as paid', (status) => {
    expect(payPhaseOf({ status, expiresAt: null }, now)).toBe('paid');
  });

  it.each(['cancelled', 'refunded'] as const)('counts %s as closed', (status) => {
    expect(payPhaseOf({ status, expiresAt: later }, now)).toBe('closed');
  });
});

describe('paymentSettled', () => {
  it('waits while the order is pending payment', () => {
    expect(paymentSettled({ status: 'pending_payment' })).toBe(false);
    expect(paymentSettled({ status: 'awaiting_group' })).toBe(true);
  });
});
