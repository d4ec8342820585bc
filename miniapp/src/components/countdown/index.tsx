import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { formatCountdown, secondsUntil } from '../../group-buy/countdown';

/** Ticks every second until `expiresAt`, then shows `ended` instead. */
export function Countdown({ expiresAt, className, ended = '已结束' }: { expiresAt: string; className?: string; ended?: string }) {
  const [seconds, setSeconds] = useState(() => secondsUntil(expiresAt, Date.now()));
  useEffect(() => {
    const tick = () => setSeconds(secondsUntil(expiresAt, Date.now()));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return <Text className={className}>{seconds > 0 ? formatCountdown(seconds) : ended}</Text>;
}
