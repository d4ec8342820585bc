import postgres from 'postgres';

type AdminTransaction = postgres.TransactionSql;

/**
 * Kills the app's database connection in the middle of a transaction, at a point the test chooses.
 *
 * An admin session on the suite's own database takes a row lock the app's transaction will need
 * later (`hold`); the test then starts the app's work, this waits until an app backend queues behind
 * exactly that lock (pg_blocking_pids names the admin session), and terminates that backend alone.
 * The app's transaction has done its earlier writes by then, so the fault lands inside it, every time.
 */
export interface BackendKiller {
  duringLockWait<T>(hold: (tx: AdminTransaction) => Promise<unknown>, work: () => Promise<T>): Promise<{ result: T; terminated: number }>;
  close(): Promise<void>;
}

export function backendKiller(databaseUrl: string): BackendKiller {
  const admin = postgres(databaseUrl, { max: 2, onnotice: () => {}, connection: { application_name: 'linli-fault-injector' } });
  return {
    async duringLockWait(hold, work) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: (pid: number) => void;
      const holderPid = new Promise<number>((resolve) => (holding = resolve));
      const holder = admin.begin(async (tx) => {
        const [me] = await tx<Array<{ pid: number }>>`select pg_backend_pid() as pid`;
        await hold(tx);
        holding(me!.pid);
        await released;
      });
      const pid = await holderPid;
      const running = work();
      // Settled or not, the work's outcome is read below; this only keeps an early rejection handled.
      running.catch(() => undefined);
      let terminated = 0;
      try {
        for (let waited = 0; waited < 10_000 && terminated === 0; waited += 10) {
          const [victims] = await admin<Array<{ terminated: number }>>`
            select count(*) filter (where pg_terminate_backend(pid))::int as terminated from pg_stat_activity
            where datname = current_database() and ${pid} = any(pg_blocking_pids(pid))`;
          terminated = victims!.terminated;
          if (terminated === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } finally {
        release();
        await holder;
      }
      if (terminated === 0) throw new Error('the app never waited on the held lock: the fault point is not on its path');
      return { result: await running, terminated };
    },
    close: () => admin.end({ timeout: 5 }),
  };
}
