import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { PRIVACY_AGREE_BUTTON_ID, privacyGate } from '../../privacy/gate';
import { privacyNotice } from '../../privacy/notice';
import './index.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

function accept() {
  privacyGate.accept();
}

function decline() {
  privacyGate.decline();
}

/**
 * The privacy notice as a modal, shown while a sign-in (or WeChat's own privacy check) waits for the
 * shopper's answer. Every page that can sign in mounts one; only the page in front shows it, since
 * earlier pages stay mounted underneath.
 */
export function PrivacyNotice() {
  const [asking, setAsking] = useState(privacyGate.isAsking());
  const [inFront, setInFront] = useState(true);

  useEffect(() => {
    setAsking(privacyGate.isAsking());
    return privacyGate.subscribe(setAsking);
  }, []);
  useDidShow(() => setInFront(true));
  useDidHide(() => setInFront(false));

  if (!asking || !inFront) return null;
  // WeChat continues a pending privacy-sensitive API only after a tap on a button of this open-type.
  const agree = isWeapp ? { openType: 'agreePrivacyAuthorization' as const, onAgreePrivacyAuthorization: accept } : { onClick: accept };
  return (
    <View className='privacy-notice' catchMove>
      <View className='privacy-notice__panel'>
        <Text className='privacy-notice__title'>{privacyNotice.title}</Text>
        <ScrollView className='privacy-notice__body' scrollY>
          <Text className='privacy-notice__intro'>{privacyNotice.intro}</Text>
          {privacyNotice.sections.map((section) => (
            <View key={section.heading} className='privacy-notice__section'>
              <Text className='privacy-notice__heading'>{section.heading}</Text>
              <Text className='privacy-notice__text'>{section.body}</Text>
            </View>
          ))}
          {isWeapp && (
            <Text className='privacy-notice__contract' onClick={() => Taro.openPrivacyContract()}>
              查看完整《小程序隐私保护指引》
            </Text>
          )}
        </ScrollView>
        <View className='privacy-notice__actions'>
          <Button className='privacy-notice__decline' onClick={decline}>
            不同意
          </Button>
          <Button id={PRIVACY_AGREE_BUTTON_ID} className='privacy-notice__agree' {...agree}>
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
