import { describe, expect, it } from 'vitest';
import { compileGazetteer, findPlaces } from './places.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';
import { declineAdjective, declineName, declineNoun } from './text/russian.ts';

const g = compileGazetteer(KG_TJ_PROFILE);
const ids = (text: string) => findPlaces(text, g).map((p) => p.place.id);

describe('Russian declension', () => {
  it('declines nouns by their ending', () => {
    expect(declineNoun('Ворух')).toEqual(expect.arrayContaining(['Воруха', 'Ворухе', 'Ворухом']));
    expect(declineNoun('Арка')).toEqual(expect.arrayContaining(['Арки', 'Арке', 'Арку']));
    expect(declineNoun('Кулунду')).toEqual(['Кулунду']);
  });
  it('declines adjective + head names and hyphenated names', () => {
    expect(declineName('Лейлекский район')).toEqual(expect.arrayContaining(['Лейлекского района', 'Лейлекском районе', 'Лейлекском районах']));
    expect(declineName('Согдийская область')).toEqual(expect.arrayContaining(['Согдийской области']));
    expect(declineName('Кок-Таш')).toEqual(expect.arrayContaining(['Кок-Таша', 'Кок-Таше']));
    expect(declineAdjective('Исфаринский')).toEqual(expect.arrayContaining(['Исфаринского', 'Исфаринском']));
  });
});

describe('gazetteer matching', () => {
  it('finds Russian case forms', () => {
    expect(ids('обстрел окраин Воруха и Чоркуха')).toEqual(['tj.sughd.isfara.vorukh', 'tj.sughd.isfara.chorkuh']);
    expect(ids('в Лейлекском районе')).toEqual(['kg.batken.leilek']);
    expect(ids('жители Баткенской области')).toEqual(['kg.batken']);
  });
  it('finds Latin spelling variants, with or without hyphens', () => {
    expect(ids('near Koktash and Kök-Tash')).toEqual(['kg.batken.batken.kok_tash', 'kg.batken.batken.kok_tash']);
    expect(ids('the Woruch enclave')).toEqual(['tj.sughd.isfara.vorukh']);
    expect(ids('Leylek district')).toEqual(['kg.batken.leilek']);
  });
  it('resolves the first name of a coordination to the kind of the second', () => {
    expect(ids('in Batken and Leilek districts')).toEqual(['kg.batken.batken', 'kg.batken.leilek']);
    expect(ids('в Баткенском и Лейлекском районах')).toEqual(['kg.batken.batken', 'kg.batken.leilek']);
  });
  it('gives every place a stable id, country and admin chain', () => {
    const [p] = findPlaces('село Кулунду', g);
    expect(p?.place).toMatchObject({ id: 'kg.batken.leilek.kulundu', country: 'KG', parent: 'kg.batken.leilek' });
  });
  it('does not match a bare district adjective or an ordinary word', () => {
    expect(ids('Баткенского пограничного отряда')).toEqual([]);
    expect(ids('the arka of history')).toEqual([]);
  });
});
