/**
 * Date resolution and the calendar: conventions the contract leaves to Marsad (which occurrence
 * a weekday or a yearless date names, weeks and parts of months, Hijri months), checked one by
 * one with their values.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, hijriToDayNumber, weekdayOf } from '../../src/extract/dates/calendar.js';
import { resolveDate } from '../../src/extract/dates/resolve.js';
import { extractPrepared } from '../../src/extract/document.js';

describe('calendar', () => {
  it('knows weekdays (0 = Sunday)', () => {
    expect(weekdayOf(dayNumber(2024, 12, 6))).toBe(5); // a Friday
    expect(weekdayOf(dayNumber(1970, 1, 1))).toBe(4);
  });

  it('converts Hijri dates by the Umm al-Qura calendar', () => {
    expect(fromDayNumber(hijriToDayNumber(1444, 9, 5)!)).toEqual({ year: 2023, month: 3, day: 27 });
    expect(fromDayNumber(hijriToDayNumber(1434, 12, 10)!)).toEqual({ year: 2013, month: 10, day: 15 }); // Eid al-Adha 2013
    expect(hijriToDayNumber(1444, 13, 1)).toBeNull();
  });
});

describe('resolveDate', () => {
  const P = '2024-12-06'; // a Friday

  it('reads a weekday alone as the latest on or before the publication day', () => {
    expect(resolveDate({ weekday: 5 }, P).value).toBe('2024-12-06');
    expect(resolveDate({ weekday: 4 }, P).value).toBe('2024-12-05');
    expect(resolveDate({ weekday: 6 }, P).value).toBe('2024-11-30');
  });

  it('reads الماضي as strictly before and المقبل as strictly after', () => {
    expect(resolveDate({ weekday: 5, weekdayDirection: 'past' }, P).value).toBe('2024-11-29');
    expect(resolveDate({ weekday: 5, weekdayDirection: 'future' }, P).value).toBe('2024-12-13');
    expect(resolveDate({ month: 12, monthDirection: 'past' }, P).value).toBe('2023-12');
    expect(resolveDate({ month: 1, monthDirection: 'future' }, P).value).toBe('2025-01');
  });

  it('gives a yearless date the occurrence nearest the publication date, up to three months ahead', () => {
    expect(resolveDate({ day: 27, month: 11 }, P)).toMatchObject({ value: '2024-11-27', relative: true });
    expect(resolveDate({ day: 15, month: 1 }, P).value).toBe('2025-01-15');
    expect(resolveDate({ day: 15, month: 6 }, P).value).toBe('2024-06-15');
  });

  it('lets a weekday choose the year of a yearless date', () => {
    // 19 August 2017 was a Saturday; 2016's was a Friday
    expect(resolveDate({ weekday: 6, day: 19, month: 8 }, '2017-05-06')).toMatchObject({ value: '2017-08-19', conflict: null });
  });

  it('resolves disagreeing cues by agreement, then by reliability, and says so', () => {
    const yesterdayThursday15 = resolveDate({ relativeDays: -1, weekday: 4, day: 15 }, '2019-11-15');
    expect(yesterdayThursday15.value).toBe('2019-11-14');
    expect(yesterdayThursday15.conflict).toMatch(/2019-11-15 \(a Friday\).*2019-11-14 \(a Thursday\)/);
    // a full date beats a weekday it contradicts (7 May 2017 was a Sunday)
    expect(resolveDate({ weekday: 3, day: 7, month: 5, year: 2017 }, '2017-05-07')).toMatchObject({ value: '2017-05-07' });
    expect(resolveDate({ weekday: 3, day: 7, month: 5, year: 2017 }, '2017-05-07').conflict).toMatch(/weekday says Wednesday/);
    // a weekday beats the relative day (publication dates are often a day off)
    expect(resolveDate({ relativeDays: -1, weekday: 2 }, '2017-06-01').value).toBe('2017-05-30');
  });

  it('reads an ordinal after a weekday as the n-th weekday when the day reading disagrees', () => {
    // "الثلاثاء الثالث من أيلول 2014": 3 September 2014 was a Wednesday; the third Tuesday was the 16th
    expect(resolveDate({ weekday: 2, day: 3, month: 9, year: 2014, ordinalDayAfterWeekday: true }, P).value).toBe('2014-09-16');
    // "الأربعاء الأول من كانون الأول 2021": 1 December 2021 was a Wednesday
    expect(resolveDate({ weekday: 3, day: 1, month: 12, year: 2021, ordinalDayAfterWeekday: true }, P).value).toBe('2021-12-01');
  });

  it('gives a week the month that holds it; across two months, the month of the same weekday that many weeks off (annotation.md)', () => {
    expect(resolveDate({ period: { unit: 'week', shift: -1 } }, '2024-12-18').value).toBe('2024-12');
    // 2021-12-06 is a Monday: the week before is 29 Nov – 5 Dec, and a week before the 6th is 29 Nov.
    expect(resolveDate({ period: { unit: 'week', shift: -1 } }, '2021-12-06')).toMatchObject({ value: '2021-11', precision: 'month' });
    // 2016-01-10 is a Sunday: the week before is 28 Dec – 3 Jan, and a week before the 10th is 3 Jan.
    expect(resolveDate({ period: { unit: 'week', shift: -1 } }, '2016-01-10')).toMatchObject({ value: '2016-01', precision: 'month' });
  });

  it('gives a Hijri month the Gregorian month of its middle day, and a Gregorian year its occurrence', () => {
    expect(resolveDate({ calendar: 'hijri', month: 9, year: 1445 }, null).value).toBe('2024-03');
    expect(resolveDate({ calendar: 'hijri', month: 9, gregorianYear: 2019 }, null).value).toBe('2019-05');
  });

  it('leaves relative dates without a value when there is no publication date', () => {
    expect(resolveDate({ relativeDays: 0 }, null)).toMatchObject({ value: null, precision: null, unanchored: true });
    expect(resolveDate({ weekday: 1 }, null)).toMatchObject({ value: null, unanchored: true });
    expect(resolveDate({ day: 5, month: 3, year: 2019 }, null)).toMatchObject({ value: '2019-03-05', relative: false });
  });

  it('resolves references against the date named before', () => {
    const antecedent = { year: 2024, month: 11, day: 27, relative: true };
    expect(resolveDate({ day: 29, anaphora: 'month' }, P, antecedent).value).toBe('2024-11-29');
    expect(resolveDate({ anaphora: 'next-day' }, P, antecedent).value).toBe('2024-11-28');
    expect(resolveDate({ day: 29, anaphora: 'month' }, P, null).value).toBeNull();
  });
});

describe('"ال" written onto a number that is no plain digits', () => {
  it('"والـ0.5%" is no day and does not throw (found extracting long Wikipedia text, issue 16)', () => {
    const extract = (text: string) => extractPrepared({ id: 't', origin: 'test', source: {}, title: null, text, published: '2024-12-06', messages: [] });
    expect(() => extract('وتمثل الأقليات العرقية الآسيوية، والـ0.5% الأخرى معظمهم من ذوي الأصول.')).not.toThrow();
    expect(extract('في ال1.5 من آذار').dates).toHaveLength(0);
    expect(extract('في ال15 من آذار').dates).toHaveLength(1);
  });
});
