// What the read API's routes share: request parsing (every problem named, a 400), paging
// cursors, the OpenAPI fragments and what a route module is handed.
import type { Keyset } from '@ceasefire/db';
import { nulProblems } from '@ceasefire/runtime';
import { z } from 'zod';
import { decodeCursor } from '../cursor.ts';
import { ErrorJson, IdParams, openapi } from '../schemas.ts';
import type { ConflictProfile } from '@ceasefire/extraction';
import type { Knex } from 'knex';

/** What a route module is handed by buildApiApp. */
export interface RouteDeps {
  db: Knex;
  clock: () => Date;
  profiles: readonly ConflictProfile[];
  /** Profile of /v1/gazetteer when the request names none. */
  defaultProfile: string;
}

/** Thrown by the handlers for a bad query, path or body: the error handler answers 400 with it. */
export class BadRequest extends Error {
  constructor(readonly problems: string[]) {
    super('the request is invalid');
  }
}

type Parsed<T> = { data: T; problems: [] } | { data: undefined; problems: string[] };

/** Every problem of one part of the request (path, query, body): the schema's and NUL characters. */
export function check<S extends z.ZodType>(schema: S, value: unknown, where: string): Parsed<z.output<S>> {
  const nul = nulProblems(value, where);
  const parsed = schema.safeParse(value ?? {});
  const problems = [
    ...nul,
    ...(parsed.success
      ? []
      : parsed.error.issues.map(
          (i) => `${where}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`,
        )),
  ];
  return problems.length === 0 && parsed.success
    ? { data: parsed.data, problems: [] }
    : { data: undefined, problems };
}

/** The part parsed, or a 400 naming its every problem. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = check(schema, value, where);
  if (parsed.problems.length > 0) throw new BadRequest(parsed.problems);
  return parsed.data as z.output<S>;
}

export function cursorOf(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  const keyset = decodeCursor(cursor);
  if (keyset === null) throw new BadRequest(['query.cursor: not a cursor this API gave out']);
  return keyset;
}

export const date = (s: string | undefined): Date | undefined => (s === undefined ? undefined : new Date(s));

export const BEARER = [{ bearer: [] }];
export const errors = {
  400: openapi(ErrorJson),
  401: openapi(ErrorJson),
  503: openapi(ErrorJson),
};
export const notFound = { 404: openapi(ErrorJson) };

/** The documentation of a GET route read by its query: the answer, and the errors every route has (and `more`). */
export function queryRoute(
  tag: string,
  summary: string,
  query: z.ZodType,
  answer: z.ZodType,
  more: Record<number, unknown> = {},
) {
  return {
    schema: {
      tags: [tag],
      summary,
      security: BEARER,
      querystring: openapi(query, 'input'),
      response: { 200: openapi(answer), ...errors, ...more },
    },
  };
}

/** The documentation of a GET route of one resource by its id (404 when there is none). */
export function byIdRoute(tag: string, summary: string, answer: z.ZodType) {
  return {
    schema: {
      tags: [tag],
      summary,
      security: BEARER,
      params: openapi(IdParams, 'input'),
      response: { 200: openapi(answer), ...errors, ...notFound },
    },
  };
}
