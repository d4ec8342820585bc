import { Button, Text, View } from '@tarojs/components';
import './index.scss';

export interface StatusViewProps {
  tone: 'empty' | 'error';
  title: string;
  description: string;
  action?: { label: string; onTap: () => void };
}

/** A whole-page message in place of content: nothing to show yet, or it could not be loaded. */
export function StatusView({ tone, title, description, action }: StatusViewProps) {
  return (
    <View className={`status-view status-view--${tone}`}>
      {/* drawn in CSS: no image to download when the network is the problem */}
      <View className='status-view__icon'>
        {tone === 'error' ? <Text className='status-view__mark'>!</Text> : <View className='status-view__box' />}
      </View>
      <Text className='status-view__title'>{title}</Text>
      <Text className='status-view__description'>{description}</Text>
      {action && (
        <Button className='status-view__action' onClick={action.onTap}>
          {action.label}
        </Button>
      )}
    </View>
  );
}
