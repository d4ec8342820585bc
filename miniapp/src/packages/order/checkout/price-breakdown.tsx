import { Text, View } from '@tarojs/components';
import { formatFen } from '@linli/shared/money';
import type { Quote } from '@linli/shared/schemas/order';

const minus = (fen: number) => (fen > 0 ? `-${formatFen(fen)}` : formatFen(0));

/** Every amount the BFF priced, so the shopper can see how 实付款 comes about. */
export function PriceBreakdown({ quote }: { quote: Quote }) {
  const rows: Array<[string, string, string]> = [
    ['subtotal', '商品金额', formatFen(quote.itemsTotal)],
    ['group-discount', '拼团优惠', minus(quote.groupDiscount)],
    ['coupon', '优惠券', minus(quote.couponDiscount)],
    ['shipping', '运费', formatFen(quote.shippingFee)],
    ['shipping-discount', '运费减免', minus(quote.shippingDiscount)],
  ];
  return (
    <View className='price-breakdown'>
      {rows.map(([key, label, amount]) => (
        <View key={key} className={`price-row price-row--${key}`}>
          <Text className='price-row__label'>{label}</Text>
          <Text className='price-row__amount'>{amount}</Text>
        </View>
      ))}
      <View className='price-row price-row--payable'>
        <Text className='price-row__label'>实付款</Text>
        <Text className='price-row__amount'>{formatFen(quote.payable)}</Text>
      </View>
    </View>
  );
}
