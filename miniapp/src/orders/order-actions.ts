import { afterSaleOpenStatuses, canTransition, withinReturnWindow } from '@linli/shared/orders/state-machine';
import type { OrderStatus } from '@linli/shared/schemas/order';

/** What a shopper can do with an order from the list or the detail page. */
export type ShopperOrderAction = 'pay' | 'cancel' | 'confirmReceipt' | 'viewGroup' | 'afterSale';

export interface ActionableOrder {
  status: OrderStatus;
  groupId: string | null;
  /** known on the detail page; the list does not have it and leaves the window to the BFF */
  completedAt?: string | null;
  /** units still refundable, when the lines are known */
  refundableUnits?: number;
}

/** The actions to offer, in the order the buttons appear (the last one is the primary one). */
export function actionsFor(order: ActionableOrder, now: number): ShopperOrderAction[] {
  const actions: ShopperOrderAction[] = [];
  if (order.groupId !== null && order.status !== 'cancelled') actions.push('viewGroup');
  if (canTransition('cancel', order.status, 'shopper')) actions.push('cancel');
  if (
    afterSaleOpenStatuses.includes(order.status) &&
    (order.refundableUnits === undefined || order.refundableUnits > 0) &&
    (order.status !== 'completed' || withinReturnWindow(order.completedAt ? new Date(order.completedAt) : null, new Date(now)))
  ) {
    actions.push('afterSale');
  }
  if (canTransition('confirmReceipt', order.status, 'shopper')) actions.push('confirmReceipt');
  // The shopper starts a payment; the provider's notify is what moves the order.
  if (canTransition('pay', order.status, 'provider')) actions.push('pay');
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
