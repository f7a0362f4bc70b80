// Types of lib.js (plain JavaScript served as it is) for the TypeScript unit tests.
export interface Span {
  start: number;
  end: number;
  field: string;
}
export function segments<S extends Span>(text: string, spans: S[]): Array<{ start: number; end: number; text: string; spans: S[] }>;
export function projection(
  points: Array<{ lat: number; lon: number }>,
  width: number,
  height: number,
  margin?: number,
): { x(lon: number): number; y(lat: number): number };
export function radiusFor(killed: number | null, wounded: number | null): number;
export function parseSseBlock(block: string): { event: string; id: string | null; data: string } | null;
export const TYPE_COLOURS: Record<string, string>;
export function dayAxis(days: string[]): { slots: string[]; index: Map<string, number>; breaksBefore: number[] };
export function relativeTime(iso: string, now?: number): string;
export function localTime(iso: string, timeZone?: string): string;
export function utcTime(iso: string): string;
export function timeLabels(iso: string, now?: number, timeZone?: string): { relative: string; local: string; utc: string; text: string };
export type Filters = Partial<Record<'severity' | 'area' | 'agreement' | 'state', string>>;
export const FILTER_KEYS: string[];
export const VIEWS: string[];
export function parseRoute(hash: string): { view: string; id: string | null; filters: Filters };
export function routeHash(route: { view?: string; id?: string | null; filters?: Filters }): string;
export function alertsQuery(filters: Filters, limit?: number): string;
export function matchesFilters(alert: { state: string; severity: string; agreement_id: string; area: string }, filters: Filters): boolean;
export const SEVERITY_RANK: Record<string, number>;
export function compareAlerts(a: { severity: string; updated_at?: string }, b: { severity: string; updated_at?: string }): number;
export function declutter(markers: Array<{ x: number; y: number; r: number }>, gap?: number, rounds?: number): Array<{ x: number; y: number }>;
