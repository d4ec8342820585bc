/**
 * The privacy notice as a gate in front of sign-in. A shopper's acceptance is kept with the
 * notice's version, so publishing a new version asks everyone again. Declining is not kept: the
 * next action that needs a sign-in asks again.
 */

export interface ConsentRecord {
  version: string;
  /** ISO instant the shopper tapped 同意并继续 */
  acceptedAt: string;
}

/** Where the acceptance is kept (Taro storage in the app, memory in tests). */
export interface ConsentStorage {
  read(): unknown;
  write(record: ConsentRecord): void;
}

/** Told whenever the notice should open (true) or close (false). */
export type NoticeListener = (open: boolean) => void;

function isConsentRecord(value: unknown): value is ConsentRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    typeof value.version === 'string' &&
    'acceptedAt' in value &&
    typeof value.acceptedAt === 'string'
  );
}

export function createConsentGate(deps: { storage: ConsentStorage; version: string; now?: () => Date }) {
  const { storage, version, now = () => new Date() } = deps;
  let pending: { answer: Promise<boolean>; settle: (accepted: boolean) => void } | null = null;
  const listeners = new Set<NoticeListener>();

  function notify(open: boolean) {
    for (const listener of listeners) listener(open);
  }

  function hasConsent(): boolean {
    const record = storage.read();
    return isConsentRecord(record) && record.version === version;
  }

  /** Shows the notice (once, however many callers wait) and resolves with the shopper's answer. */
  function ask(): Promise<boolean> {
    if (pending !== null) return pending.answer;
    let settle: (accepted: boolean) => void = () => undefined;
    const answer = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    pending = { answer, settle };
    notify(true);
    return answer;
  }

  function answer(accepted: boolean) {
    const current = pending;
    if (current === null) return;
    pending = null;
    if (accepted) storage.write({ version, acceptedAt: now().toISOString() });
    notify(false);
    current.settle(accepted);
  }

  return {
    hasConsent,
    /** Before a sign-in: true at once when this version was accepted, otherwise the shopper's answer. */
    request: (): Promise<boolean> => (hasConsent() ? Promise.resolve(true) : ask()),
    /**
     * Always shows the notice. WeChat's own privacy check needs a fresh tap on the agree button
     * even from a shopper who accepted earlier (its record is per device and per version too).
     */
    ask,
    isAsking: (): boolean => pending !== null,
    accept: () => answer(true),
    decline: () => answer(false),
    /** Returns the unsubscribe function. */
    subscribe(listener: NoticeListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type ConsentGate = ReturnType<typeof createConsentGate>;
