import { Button, Input, Text, View } from '@tarojs/components';
import type { ShippingAddress } from '@linli/shared/schemas/order';
import { addressFields, addressLabels, addressLine, type AddressDraft, type AddressErrors, type AddressField } from '../../../checkout/address-form';

const placeholders: Record<AddressField, string> = {
  name: '收货人姓名',
  phone: '手机号码',
  province: '如：广东省',
  city: '如：深圳市',
  district: '如：南山区',
  detail: '街道、楼栋、门牌号',
};

export function AddressCard({ address, onTap }: { address: ShippingAddress; onTap: () => void }) {
  return (
    <View className='checkout-address' onClick={onTap}>
      <View className='checkout-address__body'>
        <View className='checkout-address__who'>
          <Text className='checkout-address__name'>{address.name}</Text>
          <Text className='checkout-address__phone'>{address.phone}</Text>
        </View>
        <Text className='checkout-address__line'>{addressLine(address)}</Text>
      </View>
      <Text className='checkout-cell__arrow'>›</Text>
    </View>
  );
}

interface AddressFormProps {
  draft: AddressDraft;
  errors: AddressErrors;
  onChange: (field: AddressField, value: string) => void;
  onSave: () => void;
  /** absent when there is no address to go back to */
  onCancel?: () => void;
}

/** The address typed in by hand: in the browser, and in WeChat when the shopper will not share theirs. */
export function AddressForm({ draft, errors, onChange, onSave, onCancel }: AddressFormProps) {
  return (
    <View className='address-form'>
      <Text className='address-form__title'>收货地址</Text>
      {addressFields.map((field) => (
        <View key={field} className='address-form__row'>
          <View className='address-form__field'>
            <Text className='address-form__label'>{addressLabels[field]}</Text>
            <Input
              className={`address-form__input address-form__${field}`}
              type={field === 'phone' ? 'number' : 'text'}
              value={draft[field]}
              placeholder={field === 'district' ? `${placeholders[field]}（选填）` : placeholders[field]}
              onInput={(event) => onChange(field, event.detail.value)}
            />
          </View>
          {errors[field] !== undefined && <Text className='address-form__error'>{errors[field]}</Text>}
        </View>
      ))}
      <View className='address-form__actions'>
        {onCancel && (
          <Button className='address-form__cancel' onClick={onCancel}>
            取消
          </Button>
        )}
        <Button className='address-form__save' onClick={onSave}>
          保存地址
        </Button>
      </View>
    </View>
  );
}
