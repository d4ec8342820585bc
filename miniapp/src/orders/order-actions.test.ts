import type { OrderStatus } from '@linli/shared/schemas/order';
import { actionsFor } from './order-actions';

const now = Date.parse('2025-05-10T00:00:00Z');
const plain = (status: OrderStatus) => ({ status, groupId: null });

describe('actionsFor', () => {
  it('offers pay and cancel on an unpaid order, pay last as the primary button', () => {
    expect(actionsFor(plain('pending_payment'), now)).toEqual(['cancel', 'pay']);
  });

  it('offers after-sales and confirm receipt once shipped', () => {
    expect(actionsFor(plain('shipped'), now)).toEqual(['afterSale', 'confirmReceipt']);
  });

  it('offers nothing on a cancelled or refunded order', () => {
    expect(actionsFor(plain('cancelled'), now)).toEqual([]);
    expect(actionsFor(plain('refunded'), now)).toEqual([]);
  });

  it('links a group order to its group, except once cancelled', () => {
    expect(actionsFor({ status: 'awaiting_group', groupId: 'g1' }, now)).toEqual(['viewGroup', 'afterSale']);
    expect(actionsFor({ status: 'cancelled', groupId: 'g1' }, now)).toEqual([]);
  });

  it('closes after-sales seven days after receipt', () => {
    const day = 86_400_000;
    expect(actionsFor({ ...plain('completed'), completedAt: new Date(now - 6 * day).toISOString() }, now)).toEqual(['afterSale']);
    expect(actionsFor({ ...plain('completed'), completedAt: new Date(now - 8 * day).toISOString() }, now)).toEqual([]);
  });

  it('does not offer after-sales when every unit is already refunded', () => {
    expect(actionsFor({ ...plain('to_ship'), refundableUnits: 0 }, now)).toEqual([]);
  });
});
