#!/usr/bin/env node
// Counts the engine's errors by category (the table of issue #16), with the scorer's matching.
//
//   node errors.mjs --gold GOLD.jsonl --pred PRED.jsonl [--list] [--confusion]
//
// Per gold event missed: "wrong type" when a spurious prediction of another type stands in the
// same statement, "merged events" when a prediction of its type matched another gold event,
// else "trigger missing". Per spurious prediction not paired so: "spurious". Per matched event:
// "dates" (no date where the gold has one), "date grammar" (another date), "places linking" (no
// place, though the statement's other events name it), "gazetteer" (the place is nowhere in the
// output), "accused", "reporter" (the profile's side of the issuer), "casualties".
import { match, placeRecall, readJsonl, same } from './score.mjs';

const opt = { list: false, confusion: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--gold') opt.gold = process.argv[++i];
  else if (a === '--pred') opt.pred = process.argv[++i];
  else if (a === '--list') opt.list = true;
  // Counts only (nothing per statement), so the blind set's scorer may print it: which gold type
  // was read as which, and the types of the missed and spurious events.
  else if (a === '--confusion') opt.confusion = true;
  else throw new Error(`unknown argument: ${a}`);
}
if (!opt.gold || !opt.pred) throw new Error('usage: errors.mjs --gold GOLD.jsonl --pred PRED.jsonl [--list]');

const CATEGORIES = ['trigger missing', 'wrong type', 'dates', 'date grammar', 'places linking', 'gazetteer', 'accused', 'merged events', 'spurious', 'reporter', 'casualties'];
const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
const list = [];
// Per category, the event type of each error (a wrong type: which type was read as which).
const byType = Object.fromEntries(CATEGORIES.map((c) => [c, {}]));
const add = (cat, id, what, type = what.split(' ')[0]) => {
  counts[cat]++;
  byType[cat][type] = (byType[cat][type] ?? 0) + 1;
  list.push(`${id}\t${cat}\t${what}`);
};

const gold = readJsonl(opt.gold);
const pred = readJsonl(opt.pred);
for (const [id, g] of gold) {
  const ge = g.gold?.events ?? [];
  const pe = Array.isArray(pred.get(id)?.events) ? pred.get(id).events : [];
  const m = match(ge, pe);
  const spurious = [...m.spurious];
  const matchedTypes = new Set(m.matched.map(([x]) => x.type));
  for (const miss of m.missed) {
    const other = spurious.findIndex((p) => p.type !== miss.type);
    if (matchedTypes.has(miss.type)) add('merged events', id, miss.type);
    else if (other >= 0) {
      add('wrong type', id, `${miss.type} read as ${spurious[other].type}`, `${miss.type} -> ${spurious[other].type}`);
      spurious.splice(other, 1);
    } else add('trigger missing', id, miss.type);
  }
  for (const p of spurious) add('spurious', id, p.type);
  const allPlaces = pe.flatMap((p) => p.locations ?? []);
  for (const [x, p] of m.matched) {
    if (!same(x.date, p.date)) add(p.date === null ? 'dates' : 'date grammar', id, `${x.type} ${x.date} read as ${p.date}`);
    const pr = placeRecall(x.locations, p.locations);
    if (pr === 0) add((p.locations ?? []).length === 0 && placeRecall(x.locations, allPlaces) ? 'places linking' : 'gazetteer', id, `${x.type} ${JSON.stringify(x.locations)} read as ${JSON.stringify(p.locations)}`);
    if (!same(x.accused_party, p.accused_party)) add('accused', id, `${x.type} ${x.accused_party} read as ${p.accused_party}`);
    if (!same(x.reported_by, p.reported_by)) add('reporter', id, `${x.type} ${x.reported_by} read as ${p.reported_by}`);
    if ((x.killed != null || x.wounded != null || p.killed != null || p.wounded != null) && !(same(x.killed, p.killed) && same(x.wounded, p.wounded)))
      add('casualties', id, `${x.type} ${x.killed}/${x.wounded} read as ${p.killed}/${p.wounded}`);
  }
}
if (opt.list) for (const l of list) console.log(l);
if (opt.confusion) {
  const tally = (cat) => Object.entries(byType[cat]).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  for (const cat of ['wrong type', 'trigger missing', 'merged events', 'spurious', 'accused', 'reporter', 'dates', 'date grammar'])
    console.log(`${cat} by type: ${tally(cat) || '-'}`);
}
console.log(CATEGORIES.map((c) => `${c}: ${counts[c]}`).join(' | '));
