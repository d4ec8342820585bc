import { useState } from 'react';
import { App } from 'antd';
import { errorText } from '../api/api-error';
import { replaceRow } from './keyset-list';

/**
 * A change to one row of a list (a switch flipped): its button spins until the BFF answers, the saved
 * record then takes the row's place; a refusal says why and leaves the row as it was.
 */
export function useRowSave<T extends { id: string }>(updateItems: (change: (items: T[]) => T[]) => void) {
  const { message } = App.useApp();
  const [savingId, setSavingId] = useState<string | null>(null);

  async function save(id: string, request: () => Promise<T>, done: string) {
    setSavingId(id);
    try {
      updateItems(replaceRow(await request()));
      void message.success(done);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSavingId(null);
    }
  }

  return { save, savingId };
}
