import { Text, View } from '@tarojs/components';
import { formatFen } from '@linli/shared/money';
import type { Quote } from '@linli/shared/schemas/order';
import { shanghaiDate } from '@linli/shared/shanghai-time';

interface CouponSheetProps {
  options: Quote['couponOptions'];
  appliedId: string | null;
  onChoose: (userCouponId: string | null) => void;
  onClose: () => void;
}

/** My coupons for this order: the ones that apply with their saving, the others greyed with the reason. */
export function CouponSheet({ options, appliedId, onChoose, onClose }: CouponSheetProps) {
  return (
    <View className='coupon-sheet'>
      <View className='coupon-sheet__mask' onClick={onClose} />
      <View className='coupon-sheet__panel'>
        <View className='coupon-sheet__header'>
          <Text>选择优惠券</Text>
          <Text className='coupon-sheet__close' onClick={onClose}>
            ×
          </Text>
        </View>
        <View className='coupon-sheet__list'>
          {options.length === 0 && <Text className='coupon-sheet__empty'>暂无可用的优惠券</Text>}
          {options.map((option) => {
            const selected = option.id === appliedId;
            const modifier = option.applicable ? (selected ? ' coupon-option--selected' : '') : ' coupon-option--unavailable';
            return (
              <View key={option.id} className={`coupon-option${modifier}`} onClick={() => option.applicable && onChoose(option.id)}>
                <View className='coupon-option__body'>
                  <Text className='coupon-option__title'>{option.title}</Text>
                  <Text className='coupon-option__valid'>有效期至 {shanghaiDate(option.validUntil)}</Text>
                  {option.reason !== null && <Text className='coupon-option__reason'>{option.reason}</Text>}
                </View>
                {option.applicable && <Text className='coupon-option__saving'>-{formatFen(option.saving)}</Text>}
                {option.applicable && <View className={`coupon-option__check${selected ? ' coupon-option__check--on' : ''}`} />}
              </View>
            );
          })}
          <View className={`coupon-option coupon-option--none${appliedId === null ? ' coupon-option--selected' : ''}`} onClick={() => onChoose(null)}>
            <Text className='coupon-option__title'>不使用优惠券</Text>
            <View className={`coupon-option__check${appliedId === null ? ' coupon-option__check--on' : ''}`} />
          </View>
        </View>
      </View>
    </View>
  );
}
