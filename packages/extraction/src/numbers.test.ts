import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from './numbers.ts';

describe('numbers', () => {
  it('reads digits with thousands separators', () => {
    expect(parseNumber('12,500')).toBe(12500);
    expect(parseNumber('4 300')).toBe(4300);
    expect(parseNumber('7')).toBe(7);
  });

  it('reads English number words, compounds and scales', () => {
    expect(parseNumber('forty-two')).toBe(42);
    expect(parseNumber('Seventeen')).toBe(17);
    expect(parseNumber('three hundred')).toBe(300);
    expect(parseNumber('two thousand')).toBe(2000);
  });

  it('joins "and" after hundreds and thousands, and teens after hundreds', () => {
    expect(parseNumber('two hundred and five')).toBe(205);
    expect(parseNumber('one thousand and sixty')).toBe(1060);
    expect(parseNumber('three hundred and forty-one')).toBe(341);
    expect(parseNumber('сто пятнадцать')).toBe(115);
    expect(parseNumber('двести пять')).toBe(205);
    // Plurals and digits are separate figures.
    expect(findNumbers('hundreds and nine').map((n) => n.value)).toEqual([100, 9]);
    expect(findNumbers('300 and 7').map((n) => n.value)).toEqual([300, 7]);
  });

  it('reads Russian number words in their case and collective forms', () => {
    expect(parseNumber('пятерых')).toBe(5);
    expect(parseNumber('трёх')).toBe(3);
    expect(parseNumber('двое')).toBe(2);
    expect(parseNumber('семерых')).toBe(7);
    expect(parseNumber('двадцать шесть')).toBe(26);
    expect(parseNumber('одиннадцати')).toBe(11);
    expect(parseNumber('сорока')).toBe(40);
    expect(parseNumber('12 тысяч')).toBe(12000);
  });

  it('gives the codebook value to "dozens" and null to vague words', () => {
    expect(findNumbers('dozens of houses')[0]).toMatchObject({ value: 12, approx: true });
    expect(findNumbers('несколько человек')[0]).toMatchObject({ value: null, approx: true });
  });

  it('does not read clock times, dates, decimals or site names as counts', () => {
    const found = findNumbers('At 14:35 on 03.05.2023, 1.5 tonnes were reported by 24.kg');
    expect(found.map((n) => n.value)).toEqual([]);
  });

  it('keeps spans that point into the text', () => {
    const text = 'Officials said eighteen people were hurt';
    const [n] = findNumbers(text);
    expect(n && text.slice(n.start, n.end)).toBe('eighteen');
  });
});
