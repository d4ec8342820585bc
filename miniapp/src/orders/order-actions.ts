import type { OrderStatus } from '@linli/shared/schemas/order';

/** What a shopper can do with an order from the list or the detail page. */
export type ShopperOrderAction = 'pay' | 'cancel' | 'confirmReceipt' | 'viewGroup' | 'afterSale';

/**
 * The statuses from which the BFF lets a shopper act (bff/src/modules/orders/state-machine.ts:
 * `cancel` and `pay` leave pending_payment, `confirmReceipt` leaves shipped, after-sales are open
 * while paid and not closed). order-actions.test.ts holds these to that table.
 */
export const payableStatuses: readonly OrderStatus[] = ['pending_payment'];
export const cancellableStatuses: readonly OrderStatus[] = ['pending_payment'];
export const receivableStatuses: readonly OrderStatus[] = ['shipped'];
export const afterSaleOpenStatuses: readonly OrderStatus[] = ['paid', 'awaiting_group', 'to_ship', 'shipped', 'completed'];

/** The 7-day no-reason return window (七天无理由), counted from receipt; the BFF enforces the same. */
export const returnWindowDays = 7;

export interface ActionableOrder {
  status: OrderStatus;
  groupId: string | null;
  /** known on the detail page; the list does not have it and leaves the window to the BFF */
  completedAt?: string | null;
  /** units still refundable, when the lines are known */
  refundableUnits?: number;
}

/** True while a completed order is still inside the return window (or its receipt time is unknown). */
export function withinReturnWindow(completedAt: string | null | undefined, now: number): boolean {
  if (completedAt === null || completedAt === undefined) return true;
  return now - Date.parse(completedAt) <= returnWindowDays * 86_400_000;
}

/** The actions to offer, in the order the buttons appear (the last one is the primary one). */
export function actionsFor(order: ActionableOrder, now: number): ShopperOrderAction[] {
  const actions: ShopperOrderAction[] = [];
  if (order.groupId !== null && order.status !== 'cancelled') actions.push('viewGroup');
  if (cancellableStatuses.includes(order.status)) actions.push('cancel');
  if (
    afterSaleOpenStatuses.includes(order.status) &&
    (order.refundableUnits === undefined || order.refundableUnits > 0) &&
    (order.status !== 'completed' || withinReturnWindow(order.completedAt, now))
  ) {
    actions.push('afterSale');
  }
  if (receivableStatuses.includes(order.status)) actions.push('confirmReceipt');
  if (payableStatuses.includes(order.status)) actions.push('pay');
  return actions;
}

export const actionLabels: Record<ShopperOrderAction, string> = {
  pay: '去支付',
  cancel: '取消订单',
  confirmReceipt: '确认收货',
  viewGroup: '查看拼团',
  afterSale: '申请售后',
};

/** The stable class names the end-to-end test finds the buttons by. */
export const actionClassNames: Record<ShopperOrderAction, string> = {
  pay: 'order-pay',
  cancel: 'order-cancel',
  confirmReceipt: 'order-confirm',
  viewGroup: 'order-view-group',
  afterSale: 'order-after-sale',
};

/** The primary action of a state gets the filled button. */
export function isPrimaryAction(action: ShopperOrderAction): boolean {
  return action === 'pay' || action === 'confirmReceipt';
}
