import { Text, View } from '@tarojs/components';
import { formatFen } from '@linli/shared/money';
import type { Quote } from '@linli/shared/schemas/order';

const minus = (fen: number) => (fen > 0 ? `-${formatFen(fen)}` : formatFen(0));

/** Every amount the BFF priced, so the shopper can see how 实付款 comes about. */
export function PriceBreakdown({ quote }: { quote: Quote }) {
  // [modifier, label, amount, whether it is a saving the shopper gets]
  const rows: Array<[string, string, string, boolean]> = [
    ['subtotal', '商品金额', formatFen(quote.itemsTotal), false],
    ['group-discount', '拼团优惠', minus(quote.groupDiscount), quote.groupDiscount > 0],
    ['coupon', '优惠券', minus(quote.couponDiscount), quote.couponDiscount > 0],
    ['shipping', '运费', formatFen(quote.shippingFee), false],
    ['shipping-discount', '运费减免', minus(quote.shippingDiscount), quote.shippingDiscount > 0],
  ];
  return (
    <View className='price-breakdown'>
      {rows.map(([key, label, amount, saving]) => (
        <View key={key} className={`price-row price-row--${key}`}>
          <Text className='price-row__label'>{label}</Text>
          <Text className={`price-row__amount${saving ? ' price-row__amount--saving' : ''}`}>{amount}</Text>
        </View>
      ))}
      <View className='price-row price-row--payable'>
        <Text className='price-row__label'>实付款</Text>
        <Text className='price-row__amount'>{formatFen(quote.payable)}</Text>
      </View>
    </View>
  );
}
