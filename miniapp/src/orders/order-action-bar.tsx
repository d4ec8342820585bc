import { Button, View } from '@tarojs/components';
import { useRef } from 'react';
import { actionClassNames, actionLabels, isPrimaryAction, type ShopperOrderAction } from './order-actions';
import { runOrderAction, type ActionTarget } from './run-order-action';
import './order-action-bar.scss';

/** The buttons an order offers in its state; used on the list cards and the detail page. */
export function OrderActionBar({ order, actions, changed, className = '' }: { order: ActionTarget; actions: ShopperOrderAction[]; changed: () => void; className?: string }) {
  // One tap at a time: a second tap while a modal or request is open would cancel twice.
  const busy = useRef(false);
  if (actions.length === 0) return null;
  const tap = (action: ShopperOrderAction) => {
    if (busy.current) return;
    busy.current = true;
    void runOrderAction(action, order, changed).finally(() => {
      busy.current = false;
    });
  };
  return (
    <View className={`order-actions ${className}`} onClick={(e) => e.stopPropagation()}>
      {actions.map((action) => (
        <Button
          key={action}
          className={`order-action ${actionClassNames[action]} ${isPrimaryAction(action) ? 'order-action--primary' : ''}`}
          onClick={(e) => {
            e.stopPropagation();
            tap(action);
          }}
        >
          {actionLabels[action]}
        </Button>
      ))}
    </View>
  );
}
