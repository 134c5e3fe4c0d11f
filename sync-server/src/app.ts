/**
 * The sync server's app factory: everything but `listen`, so tests start it on a random port
 * with a temporary database (and `main.ts` starts it for real).
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock, type Clock } from '../../src/domain/time';
import { LoginThrottle } from './auth/throttle';
import { authenticate } from './http/caller';
import { registerCompression } from './http/compression';
import { SERVER_TIMEOUTS, timeoutOptions, type ServerTimeouts } from './http/connection-limits';
import { envelope, errorHandler, frameworkErrorHandler } from './http/errors';
import { registerDeviceAccessRoutes } from './http/device-access-routes';
import { registerDeviceRoutes } from './http/device-routes';
import { registerDossierRightsRoutes } from './http/dossier-rights-routes';
import { registerHandoverRoutes } from './http/handover-routes';
import { registerImiloRoutes } from './http/imilo-routes';
import { registerReviewRoutes } from './http/review-routes';
import { registerSessionRoutes } from './http/session-routes';
import { registerSettingsRoutes } from './http/settings-routes';
import { registerStatisticsRoutes } from './http/statistics-routes';
import { addSecurityHeaders, registerStatic } from './http/static';
import { StreamGuards } from './http/stream-guard';
import { registerSyncRoutes } from './http/sync-routes';
import { registerJsonBodyParser } from './http/json-body';
import { refuseUnstorableText } from './http/unstorable-text-guard';
import { DEMO_SETTING } from './demo/demo-setting';
import { startCommitPublisher, type CommitPublisher } from './replication/commit-fanout';
import { ChangeHub } from './replication/hub';
import type { Storage } from './storage/storage';
import { migrateVocabulary } from './vocabulary/migrate';
import { migrateMobility } from './mobility/startup';

/** Large enough for a push batch of MAX_PUSH_ROWS full dossiers. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface AppOptions {
  storage: Storage;
  clock?: Clock;
  /** Folder of the built PWA to serve, if any. */
  staticDir?: string;
  /** Forces `Secure` on the session cookie; by default it is set except for loopback clients. */
  secureCookies?: boolean;
  /**
   * Behind a reverse proxy doing TLS: whose X-Forwarded-* headers to trust (config.ts): `true`
   * or `loopback` for a proxy on this machine, or its addresses / CIDR ranges.
   */
  trustProxy?: boolean | string;
  logger?: boolean;
  /** How long a client may take to send a request (tests shorten them). */
  timeouts?: Partial<ServerTimeouts>;
}

export interface RelaisApp {
  app: FastifyInstance;
  hub: ChangeHub;
  /** Where the server's own jobs (main.ts) publish what they wrote, for the open streams. */
  commits: CommitPublisher;
}

export async function createApp(options: AppOptions): Promise<RelaisApp> {
  const clock = options.clock ?? systemClock;
  const { storage } = options;
  // Stored documents in the current vocabulary before any device is served (issue 18).
  await migrateVocabulary(storage, clock);
  // The fleet the whole Mission Locale's, and each vehicle's calendar (mobility v1, issue 16).
  await migrateMobility(storage, clock);
  const hub = new ChangeHub({
    borrowers: async () => new Set((await storage.listBorrowers()).map((row) => row.id)),
  });
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // Never `true` for Fastify (every hop trusted): the client could then forge its address.
    trustProxy: options.trustProxy === true ? 'loopback' : (options.trustProxy ?? false),
    ...timeoutOptions({ ...SERVER_TIMEOUTS, ...options.timeouts }),
    frameworkErrors: frameworkErrorHandler,
  });
  // On PostgreSQL, the hub hears every process's commits (replication/commit-fanout.ts).
  const commits = await startCommitPublisher(storage, hub);
  app.addHook('onClose', () => commits.close());
  app.setErrorHandler(errorHandler);
  registerJsonBodyParser(app);
  await app.register(fastifyCookie);
  await registerCompression(app);
  addSecurityHeaders(app);
  refuseUnstorableText(app);

  const requireSession = authenticate(storage, clock);
  // Open streams check their session again; revoke and logout here make them check at once.
  const guards = new StreamGuards(clock);
  const accessRevoked = () => guards.accessRevoked();
  // One throttle for password logins and device tokens: both guess at a secret.
  const throttle = new LoginThrottle(clock);
  registerSessionRoutes(app, {
    storage,
    clock,
    throttle,
    secureCookies: options.secureCookies,
    requireSession,
    accessRevoked,
  });
  registerSyncRoutes(app, { storage, clock, hub, guards, commits, requireSession });
  registerReviewRoutes(app, { storage, clock, commits, requireSession });
  registerDeviceRoutes(app, { storage, clock, requireSession, accessRevoked });
  registerDeviceAccessRoutes(app, {
    storage,
    clock,
    throttle,
    commits,
    secureCookies: options.secureCookies,
    requireSession,
    accessRevoked,
  });
  registerSettingsRoutes(app, { storage, clock, requireSession });
  registerDossierRightsRoutes(app, { storage, clock, commits, requireSession });
  registerHandoverRoutes(app, { storage, clock, commits, requireSession });
  registerImiloRoutes(app, { storage, clock, requireSession });
  registerStatisticsRoutes(app, { storage, requireSession });
  // Public: the login page reads `demo` to say the data is fictional (and its passwords known).
  app.get('/api/v1/health', async () => ({
    ok: true,
    storage: storage.kind,
    demo: (await storage.getSetting(DEMO_SETTING)) === true,
  }));

  const serving = options.staticDir ? await registerStatic(app, options.staticDir) : false;
  app.setNotFoundHandler((request, reply) => {
    if (serving && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .send(envelope('NOT_FOUND', `Aucune route ${request.method} ${request.url.split('?')[0]}.`));
  });
  return { app, hub, commits };
}
