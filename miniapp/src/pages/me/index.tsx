import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Avatar } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Me } from '@linli/shared/schemas/auth';
import { mediaUrl } from '../../api/client';
import { getMe } from '../../api/me';
import { StatusView } from '../../components/status-view';
import './index.scss';

type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; me: Me };

export default function MePage() {
  const [state, setState] = useState<State>({ phase: 'loading' });

  async function load() {
    try {
      setState({ phase: 'ready', me: await getMe() });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : '加载失败' });
    }
  }

  useDidShow(() => {
    void load();
  });

  if (state.phase === 'loading') return <View className='me-loading'>加载中…</View>;
  if (state.phase === 'error') {
    return <StatusView tone='error' title='登录失败' description={state.message} action={{ label: '重试', onTap: () => void load() }} />;
  }
  const { me } = state;
  return (
    <View className='me-page'>
      <View className='me-profile'>
        <Avatar className='me-avatar' size='large' src={me.avatarUrl === '' ? '' : mediaUrl(me.avatarUrl)} />
        <View className='me-profile__text'>
          <Text className='me-nickname'>{me.nickname === '' ? '邻里用户' : me.nickname}</Text>
          {me.phoneMasked !== null && <Text className='me-phone'>{me.phoneMasked}</Text>}
        </View>
      </View>
    </View>
  );
}
