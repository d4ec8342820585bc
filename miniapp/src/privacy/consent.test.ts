import { createConsentGate, type ConsentRecord, type ConsentStorage } from './consent';

function memoryStorage(initial: unknown = null): ConsentStorage & { value: unknown } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(record: ConsentRecord) {
      this.value = record;
    },
  };
}

const at = new Date('2026-11-22T08:00:00.000Z');

function setUp(stored: unknown = null) {
  const storage = memoryStorage(stored);
  const gate = createConsentGate({ storage, version: '2026-11', now: () => at });
  const shown: boolean[] = [];
  gate.subscribe((open) => shown.push(open));
  return { storage, gate, shown };
}

describe('createConsentGate', () => {
  it('lets a shopper who accepted this version through without showing the notice', async () => {
    const { gate, shown } = setUp({ version: '2026-11', acceptedAt: '2026-11-01T00:00:00.000Z' });
    await expect(gate.request()).resolves.toBe(true);
    expect(shown).toEqual([]);
  });

  it('shows the notice and waits for the answer when nothing was accepted', async () => {
    const { gate, shown } = setUp();
    let answered: boolean | null = null;
    const waiting = gate.request().then((accepted) => {
      answered = accepted;
    });
    await Promise.resolve();
    expect(shown).toEqual([true]);
    expect(answered).toBeNull();
    gate.accept();
    await waiting;
    expect(answered).toBe(true);
    expect(shown).toEqual([true, false]);
  });

  it('remembers the acceptance with the notice version', async () => {
    const { gate, storage } = setUp();
    const waiting = gate.request();
    gate.accept();
    await waiting;
    expect(storage.value).toEqual({ version: '2026-11', acceptedAt: at.toISOString() });
    expect(gate.hasConsent()).toBe(true);
  });

  it('asks again when the accepted notice was an earlier version', async () => {
    const { gate, shown } = setUp({ version: '2026-01', acceptedAt: '2026-01-05T00:00:00.000Z' });
    expect(gate.hasConsent()).toBe(false);
    void gate.request();
    expect(shown).toEqual([true]);
  });

  it('resolves false on decline, keeps nothing, and asks again next time', async () => {
    const { gate, storage, shown } = setUp();
    const first = gate.request();
    gate.decline();
    await expect(first).resolves.toBe(false);
    expect(storage.value).toBeNull();
    void gate.request();
    expect(shown).toEqual([true, false, true]);
  });

  it('shows one notice for callers that wait at the same time', async () => {
    const { gate, shown } = setUp();
    const answers = Promise.all([gate.request(), gate.request(), gate.ask()]);
    gate.accept();
    await expect(answers).resolves.toEqual([true, true, true]);
    expect(shown).toEqual([true, false]);
  });

  it('ask shows the notice even after acceptance, for WeChat’s own privacy check', async () => {
    const { gate, shown } = setUp({ version: '2026-11', acceptedAt: '2026-11-01T00:00:00.000Z' });
    const waiting = gate.ask();
    expect(gate.isAsking()).toBe(true);
    gate.accept();
    await expect(waiting).resolves.toBe(true);
    expect(shown).toEqual([true, false]);
  });

  it('ignores a stray answer when nothing is being asked', () => {
    const { gate, storage, shown } = setUp();
    gate.accept();
    expect(storage.value).toBeNull();
    expect(shown).toEqual([]);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const { gate, shown } = setUp();
    const also: boolean[] = [];
    const unsubscribe = gate.subscribe((open) => also.push(open));
    unsubscribe();
    void gate.request();
    expect(also).toEqual([]);
    expect(shown).toEqual([true]);
  });
});
