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
