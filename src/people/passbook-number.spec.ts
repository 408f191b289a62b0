import {
  newPassbookNumber,
  normalisePassbookNumber,
  passbookNumberOfScan,
} from './passbook-number';

describe('passbook numbers', () => {
  it('should make 8 unambiguous characters with a valid check character', () => {
    for (let i = 0; i < 200; i++) {
      const no = newPassbookNumber('V');
      expect(no).toMatch(/^V[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}$/);
      expect(normalisePassbookNumber(no)).toBe(no);
    }
  });

  it('should accept what a clerk types in lower case with spaces or dashes', () => {
    const no = newPassbookNumber('H');
    expect(normalisePassbookNumber(` ${no.slice(0, 4).toLowerCase()}-${no.slice(4)} `)).toBe(no);
  });

  it('should refuse a number with one character mistyped', () => {
    const no = newPassbookNumber('V');
    const wrong = no.slice(0, 3) + (no[3] === '2' ? '3' : '2') + no.slice(4);
    expect(normalisePassbookNumber(wrong)).toBeNull();
  });

  it('should refuse ambiguous characters and wrong lengths', () => {
    expect(normalisePassbookNumber('V0OIL123')).toBeNull();
    expect(normalisePassbookNumber('V234')).toBeNull();
    expect(normalisePassbookNumber('X2345678')).toBeNull();
  });

  it('should read a number from a scan of the number or of an address ending in it', () => {
    const no = newPassbookNumber('V');
    expect(passbookNumberOfScan(no)).toBe(no);
    expect(passbookNumberOfScan(` ${no.toLowerCase()} `)).toBe(no);
    expect(passbookNumberOfScan(`https://aixin.example.org/p/${no}`)).toBe(no);
    expect(passbookNumberOfScan(`https://aixin.example.org/p?no=${no}`)).toBe(no);
    expect(passbookNumberOfScan('https://aixin.example.org/p/V2345678')).toBeNull();
    expect(passbookNumberOfScan('not a number')).toBeNull();
  });
});
