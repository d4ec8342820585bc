import { View } from '@tarojs/components';
import './index.scss';

const PLACEHOLDER_CARDS = 6;

/** Grey cards in the grid's own shape while the first page loads. */
export function ProductGridSkeleton() {
  return (
    <View className='product-grid'>
      {Array.from({ length: PLACEHOLDER_CARDS }, (_, index) => (
        <View key={index} className='product-grid__cell skeleton-card'>
          <View className='skeleton-card__cover' />
          <View className='skeleton-card__line' />
          <View className='skeleton-card__line skeleton-card__line--short' />
          <View className='skeleton-card__price' />
        </View>
      ))}
    </View>
  );
}
