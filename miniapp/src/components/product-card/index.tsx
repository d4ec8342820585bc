import { Image, Text, View } from '@tarojs/components';
import type { ProductCard as ProductCardData } from '@linli/shared/schemas/catalog';
import { formatFen } from '@linli/shared/money';
import { mediaUrl } from '../../api/client';
import './index.scss';

export function ProductCard({ product }: { product: ProductCardData }) {
  const { title, coverUrl, price, listPrice, salesCount, soldOut } = product;
  return (
    <View className={`product-card${soldOut ? ' product-card--sold-out' : ''}`}>
      <View className='product-card__cover'>
        <Image className='product-card__image' src={mediaUrl(coverUrl)} mode='aspectFill' lazyLoad />
        {soldOut && (
          <View className='product-card__sold-out'>
            <Text>已售罄</Text>
          </View>
        )}
      </View>
      <View className='product-card__body'>
        <Text className='product-card__title'>{title}</Text>
        <View className='product-card__prices'>
          <Text className='product-card__price'>{formatFen(price)}</Text>
          {listPrice > price && <Text className='product-card__list-price'>{formatFen(listPrice)}</Text>}
        </View>
        {salesCount > 0 && <Text className='product-card__sales'>已售 {salesCount}</Text>}
      </View>
    </View>
  );
}
