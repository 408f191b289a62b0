import { hoursGrade } from './hours-grade';

describe('hoursGrade', () => {
  it.each([
    ['national', 0, 0, '100.00'],
    ['national', 9999, 0, '100.00'],
    ['national', 10000, 1, '300.00'],
    ['national', 59999, 2, '600.00'],
    ['national', 100000, 4, '1500.00'],
    ['national', 150000, 5, null],
    ['dalian', 5000, 1, '150.00'],
    ['dalian', 30000, 3, '800.00'],
    ['dalian', 149999, 4, '1500.00'],
    ['dalian', 999999, 5, null],
  ] as const)(
    'should give the %s preset at %i hundredths of an hour %i stars, next at %s',
    (preset, hours, stars, nextAtHours) => {
      expect(hoursGrade(preset, hours)).toEqual({ preset, stars, nextAtHours });
    },
  );
});
