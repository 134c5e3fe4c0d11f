/**
 * The sync server as its own process for the crash test (crash.test.ts), which kills it with
 * SIGKILL: the real app on a SQLite file given by the test, the test accounts created on the
 * first start only. Prints `ready` once it listens.
 */
import { createApp } from '../../../sync-server/src/app';
import { openSqliteStorage } from '../../../sync-server/src/storage/sqlite';
import { createTestAccounts } from '../../support/accounts';

const file = process.env.RELAIS_CRASH_FILE;
const port = Number(process.env.RELAIS_CRASH_PORT);
if (!file || !Number.isInteger(port)) throw new Error('RELAIS_CRASH_FILE and RELAIS_CRASH_PORT');

const storage = openSqliteStorage(file);
if ((await storage.listAccounts()).length === 0) await createTestAccounts(storage);
const { app } = await createApp({ storage });
await app.listen({ port, host: '127.0.0.1' });
console.log('ready');
