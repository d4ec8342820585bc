import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { createOwner, ownerInputProblem, type OwnerInput } from '../modules/staff/create-owner';

const usage = `Creates a console owner account.

  OWNER_PASSWORD='…' pnpm create-owner -- --username boss [--display-name 张三]
  pnpm create-owner -- --username boss --password '…'

The password may come from OWNER_PASSWORD (it then stays out of shell history) or --password;
OWNER_USERNAME and OWNER_DISPLAY_NAME may replace the flags. An existing username is left untouched.`;

function readInput(argv: string[], env: NodeJS.ProcessEnv): OwnerInput | null {
  // pnpm passes its own `--` separator through; to parseArgs it would end the options.
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const username = values.username ?? env['OWNER_USERNAME'];
  const password = values.password ?? env['OWNER_PASSWORD'];
  if (values.help || !username || password === undefined) return null;
  const displayName = values['display-name'] ?? env['OWNER_DISPLAY_NAME'];
  return { username, password, ...(displayName ? { displayName } : {}) };
}

async function main(): Promise<number> {
  let input: OwnerInput | null;
  try {
    input = readInput(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (!input) {
    console.error(usage);
    return 2;
  }
  // Checked before anything opens the database: a weak password never gets near it.
  const problem = ownerInputProblem(input);
  if (problem) {
    console.error(problem);
    return 1;
  }

  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const result = await createOwner(database.db, input);
    if (!result.ok) {
      console.error(result.problem);
      return 1;
    }
    console.log(`已创建店主账号 ${result.owner.username}（${result.owner.displayName}）`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exitCode = 1;
  },
);
