// Test helper (imported by tests only, as `@ceasefire/runtime/auth-probe`): the property that no
// route needing a token answers without it, whatever the request target looks like on the wire.
import { connect, type AddressInfo } from 'node:net';
import fc from 'fast-check';

/** Starts `app` on a free loopback port and gives the port, for {@link rawRequest}. */
export async function listenOnLoopback(app: {
  listen(options: { host: string; port: number }): Promise<unknown>;
  server: { address(): unknown };
}): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/** What a raw request got back: the status of the first response line (0 when none came). */
export interface RawAnswer {
  status: number;
}

/**
 * Sends `head` as it is (request line and headers, no normalisation by a client) and reads the
 * status line, then drops the connection: a live stream that opened would never end by itself.
 */
export function rawRequest(port: number, head: string, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = (status: number) => {
      socket.destroy();
      resolve({ status });
    };
    socket.setTimeout(5_000, () => done(0));
    socket.on('connect', () => socket.write(head + body));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const line = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (line) done(Number(line[1]));
    });
    socket.on('end', () => done(0));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? done(0) : reject(e)));
  });
}

const hex = (c: string, upper: boolean) =>
  [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}`).join('');

/** `''` three times in four, else one of `values`: each trick alone must also be tried. */
const sometimes = (...values: string[]) => fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: fc.constantFrom(...values), weight: 1 });

/** One way of writing a path on the wire that a lenient router might still match. */
const pathSpelling = (path: string): fc.Arbitrary<string> =>
  fc
    .record({
      // Which characters are percent-encoded (any of them, the slashes included: about one in five), in which case.
      encoded: fc.array(fc.nat({ max: 4 }).map((n) => n === 0), { minLength: path.length, maxLength: path.length }),
      upperHex: fc.boolean(),
      doubleSlash: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: path.length }), weight: 1 }),
      dotSegment: sometimes('/.', '/v1/..', '/x/..', '/%2e', '/%2E%2E/v1'),
      upperCase: fc.nat({ max: 4 }).map((n) => n === 0),
      trailing: sometimes('/', '//', '?', '?x=1', '#f', '%20', '%00', ';x', '/.'),
      absolute: sometimes('http://x', 'http://127.0.0.1', 'HTTP://X:1', '//x', 'https://x'),
    })
    .map(({ encoded, upperHex, doubleSlash, dotSegment, upperCase, trailing, absolute }) => {
      let p = [...path].map((c, i) => (encoded[i] ? hex(c, upperHex) : c)).join('');
      if (upperCase) p = p.toUpperCase();
      if (doubleSlash > 0) p = `${p.slice(0, doubleSlash)}/${p.slice(doubleSlash)}`;
      return `${absolute}${dotSegment}${p}${trailing}`;
    });

/** Headers that do not authenticate: none, a wrong or malformed token, spoofing attempts. */
const badCredentials = (token: string): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.option(
        fc.constantFrom(
          'Authorization: Bearer wrong-token-0123456789',
          `Authorization: Bearer ${token}x`,
          `Authorization: Bearer ${token.slice(0, -1)}`,
          `Authorization: ${token}`,
          `Authorization: Basic ${Buffer.from(`x:${token}`).toString('base64')}`,
          'Authorization: Bearer',
          `Authorization: Bearer ${token} ${token}`,
        ),
        { nil: undefined },
      ),
      fc.subarray([
        'X-Forwarded-For: 127.0.0.1',
        'X-Original-URL: /openapi.json',
        'X-Rewrite-URL: /',
        'X-HTTP-Method-Override: GET',
        'X-Forwarded-Proto: https',
      ]),
    )
    .map(([authorization, rest]) => (authorization ? [authorization, ...rest] : rest));

/** A request with a route needing the token in its target, sent without a valid token. */
export function unauthenticatedRequest(paths: readonly string[], token: string): fc.Arbitrary<{ head: string; body: string }> {
  return fc
    .record({
      path: fc.constantFrom(...paths).chain(pathSpelling),
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'get', 'Post'),
      headers: badCredentials(token),
      json: fc.boolean(),
    })
    .map(({ path, method, headers, json }) => {
      const body = json ? '{"by":"probe","text":"x"}' : '';
      const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...headers, 'Connection: close'];
      if (json) lines.push('Content-Type: application/json', `Content-Length: ${body.length}`);
      return { head: `${lines.join('\r\n')}\r\n\r\n`, body };
    });
}

/**
 * Whether an answer to a request without a valid token is a refusal: 401, 404 (no route
 * matched), 400/405/414/431 (the parser or router refused the target), or no answer. A 2xx or
 * 3xx is a bypass; a 5xx means a handler ran (the probes' stores are unreachable).
 */
export const isRefusal = (status: number): boolean => [0, 400, 401, 404, 405, 414, 431].includes(status);
