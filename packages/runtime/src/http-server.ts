import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from 'helmet';

/** How long an HTTP API waits for a client, in milliseconds. */
export interface HttpTimeouts {
  /** From connection (or the end of the previous request) to the end of the request's headers. */
  headersMs: number;
  /** From connection to the end of the request's body: a body dripped slower is cut with 408. */
  requestMs: number;
  /** A connection with no byte either way for this long is closed (live streams heartbeat well within it). */
  idleMs: number;
  /** At shutdown, how long requests in flight may finish before every connection is closed. */
  drainMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  idleMs: 60_000,
  drainMs: 2_000,
};

/**
 * Fastify options of an API facing clients that may be slow or hostile: header, body and idle
 * deadlines (Node checks the first two once a second instead of every 30 s). Node's defaults
 * let a body dripped a byte at a time hold a connection for five minutes, past any shutdown
 * deadline.
 */
export function httpServerOptions(timeouts: Partial<HttpTimeouts> = {}): Pick<
  FastifyServerOptions,
  'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'
> & {
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  const t = { ...DEFAULT_HTTP_TIMEOUTS, ...timeouts };
  return {
    connectionTimeout: t.idleMs,
    keepAliveTimeout: Math.min(5_000, t.idleMs),
    requestTimeout: t.requestMs,
    http: {
      headersTimeout: Math.min(t.headersMs, t.requestMs),
      requestTimeout: t.requestMs,
      connectionsCheckingInterval: 1_000,
    },
  };
}

/**
 * A Fastify app on the HTTP APIs' common ground: {@link httpServerOptions}' deadlines under
 * `options`, {@link closeConnectionsOnClose} and {@link securityHeaders}. `beforeDrain` runs at
 * close before the drain (preClose hooks run in the order they are added): it ends what never
 * ends by itself, such as live streams, so that the drain waits only for ordinary requests.
 */
export function createHttpApp(options: FastifyServerOptions, timeouts: Partial<HttpTimeouts> = {}, beforeDrain?: () => void): FastifyInstance {
  const app = Fastify({ ...httpServerOptions(timeouts), ...options });
  if (beforeDrain) app.addHook('preClose', async () => beforeDrain());
  closeConnectionsOnClose(app, timeouts.drainMs);
  securityHeaders(app);
  return app;
}

/**
 * Makes `app.close()` quick whatever its clients do: idle keep-alive connections close at once,
 * requests in flight get `drainMs` to finish, then every connection left (a slow upload, a live
 * stream) is closed. Without it close() waits for each of them, and a worker's shutdown for its
 * deadline.
 */
export function closeConnectionsOnClose(app: FastifyInstance, drainMs = DEFAULT_HTTP_TIMEOUTS.drainMs): void {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  app.addHook('onRequest', async () => void inFlight++);
  app.addHook('onResponse', async () => {
    inFlight--;
    if (inFlight <= 0) drained?.();
  });
  app.addHook('preClose', async () => {
    app.server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, drainMs).unref();
      });
    }
    app.server.closeAllConnections();
  });
}

/**
 * Security headers on every answer (helmet): a Content-Security-Policy allowing the
 * page's own scripts, styles and requests only, no framing (CSP frame-ancestors and
 * X-Frame-Options), `nosniff`, `Referrer-Policy: no-referrer`. No HSTS and no
 * upgrade-insecure-requests: the APIs listen on plain HTTP on a private address by default, and
 * a browser told to upgrade would fail to load the dashboard there.
 * The middleware is built once: @fastify/helmet built it again for every request (parsing the
 * policy each time), about 5% of the ingester's CPU under single POSTs.
 */
export function securityHeaders(app: FastifyInstance): void {
  const apply = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    apply(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
}
