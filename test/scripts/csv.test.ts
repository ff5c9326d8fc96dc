import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../scripts/csv.js';

describe('parseCsv (the build scripts’ CSV reader)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside them', () => {
    expect(parseCsv('name,note\n"حلب, سوريا","قال ""نعم""\nثم سكت"\n')).toEqual([
      ['name', 'note'],
      ['حلب, سوريا', 'قال "نعم"\nثم سكت'],
    ]);
  });

  it('accepts CRLF line ends, empty fields and a last line without a line end', () => {
    expect(parseCsv('a,b,c\r\n1,,3\r\n4,5,')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
  });
});
