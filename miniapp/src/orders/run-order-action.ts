import Taro from '@tarojs/taro';
import { errorText } from '../api/api-error';
import { cancelOrder, confirmReceipt } from '../api/orders';
import { afterSalePage, groupPage, payPage } from '../routes';
import type { ShopperOrderAction } from './order-actions';

export interface ActionTarget {
  id: string;
  groupId: string | null;
}

function showFailure(error: unknown) {
  const title = errorText(error, '操作失败，请稍后重试');
  void Taro.showToast({ title, icon: 'none', duration: 3000 });
}

async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#e4393c' });
  return confirm;
}

/**
 * Carries out a button on an order. Cancel and confirm receipt change the order, so they ask first
 * and call `changed` afterwards for the page to reload; the others open another page.
 */
export async function runOrderAction(action: ShopperOrderAction, order: ActionTarget, changed: () => void): Promise<void> {
  switch (action) {
    case 'pay':
      await Taro.navigateTo({ url: payPage(order.id) });
      return;
    case 'afterSale':
      await Taro.navigateTo({ url: afterSalePage(order.id) });
      return;
    case 'viewGroup':
      if (order.groupId !== null) await Taro.navigateTo({ url: groupPage(order.groupId) });
      return;
    case 'cancel':
      if (!(await confirmed('取消订单', '确定取消该订单吗？商品库存和优惠券将退回。', '取消订单'))) return;
      try {
        await cancelOrder(order.id);
        void Taro.showToast({ title: '订单已取消', icon: 'success' });
      } catch (error) {
        showFailure(error);
      }
      changed();
      return;
    case 'confirmReceipt':
      if (!(await confirmed('确认收货', '请确认已收到商品，确认后订单完成。', '确认收货'))) return;
      try {
        await confirmReceipt(order.id);
        void Taro.showToast({ title: '已确认收货', icon: 'success' });
      } catch (error) {
        showFailure(error);
      }
      changed();
      return;
  }
}
