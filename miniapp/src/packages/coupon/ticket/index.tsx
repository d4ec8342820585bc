import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MyCoupon } from '@linli/shared/schemas/coupons';
import { couponFaceText, couponKindLabels, couponRuleText, couponScopeText } from '@linli/shared/coupons/coupon-text';
import './index.scss';

type Coupon = Pick<MyCoupon, 'title' | 'kind' | 'threshold' | 'amountOff' | 'percentOff' | 'cap' | 'scopeKind' | 'stacksWithGroupPrice'>;

export interface CouponTicketProps {
  coupon: Coupon;
  /** the BEM block the e2e knows this card by ('centre-coupon', 'my-coupon'); its __title and __rule are set here */
  block: string;
  /** extra classes on the card, e.g. a state modifier */
  modifiers?: string[];
  /** a greyed ticket: used, expired, sold out */
  muted?: boolean;
  /** small print under the rule: validity, stock */
  notes: string[];
  /** the right-hand side: a button or a stamp */
  children: ReactNode;
}

/** A coupon drawn as a ticket: the value on the left, the rule in the middle, the action on the right. */
export function CouponTicket({ coupon, block, modifiers = [], muted = false, notes, children }: CouponTicketProps) {
  const classes = ['coupon-ticket', block, ...modifiers, muted ? 'coupon-ticket--muted' : ''].filter((c) => c !== '');
  return (
    <View className={classes.join(' ')}>
      <View className='coupon-ticket__face'>
        <Text className='coupon-ticket__value'>{couponFaceText(coupon)}</Text>
        <Text className='coupon-ticket__kind'>{couponKindLabels[coupon.kind]}</Text>
      </View>
      <View className='coupon-ticket__body'>
        <Text className={`coupon-ticket__title ${block}__title`}>{coupon.title}</Text>
        <Text className={`coupon-ticket__rule ${block}__rule`}>{couponRuleText(coupon)}</Text>
        <Text className='coupon-ticket__note'>{couponScopeText(coupon)}</Text>
        {notes.map((note) => (
          <Text key={note} className='coupon-ticket__note'>
            {note}
          </Text>
        ))}
      </View>
      <View className='coupon-ticket__side'>{children}</View>
    </View>
  );
}
