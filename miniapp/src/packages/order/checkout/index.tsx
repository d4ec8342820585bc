import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import './index.scss';

const modeText: Record<string, string> = { single: '单独购买', 'open-group': '发起拼团', 'join-group': '参与拼团' };

/** Reserved for checkout (quote, coupon, create order, pay). For now it shows what was chosen. */
export default function CheckoutPage() {
  const { params } = useRouter<Record<string, string | undefined>>();
  return (
    <View className='checkout-page'>
      <Text className='checkout-mode'>{modeText[params.mode ?? ''] ?? '购买'}</Text>
      <Text className='checkout-sku'>规格：{params.skuId ?? '—'}</Text>
      <Text className='checkout-quantity'>数量：{params.quantity ?? '1'}</Text>
      {params.groupId !== undefined && <Text className='checkout-group'>拼团：{params.groupId}</Text>}
      <Text className='checkout-pending'>下单功能即将上线</Text>
    </View>
  );
}
