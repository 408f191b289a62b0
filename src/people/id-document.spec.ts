import { idNumberProblem, normaliseIdNumber, residentIdCheckChar } from './id-document';

describe('idNumberProblem', () => {
  it('should compute the GB 11643 check character', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it.each(['11010519491231002X', '440524188001010014', '11010519491231002x'])(
    'should accept the resident ID %j',
    (number) => {
      expect(idNumberProblem('resident_id', normaliseIdNumber(number))).toBeNull();
    },
  );

  it.each([
    ['110105194912310021', /check digit/],
    ['11010519491231002', /18 characters/],
    ['110105194913310028', /date of birth/],
  ])('should refuse the resident ID %j', (number, problem) => {
    expect(idNumberProblem('resident_id', number)).toMatch(problem);
  });

  it('should check the other types by their form', () => {
    expect(idNumberProblem('hk_macao_permit', 'H12345678')).toBeNull();
    expect(idNumberProblem('hk_macao_permit', 'X12345678')).not.toBeNull();
    expect(idNumberProblem('taiwan_permit', '12345678')).toBeNull();
    expect(idNumberProblem('passport', 'E12345678')).toBeNull();
    expect(idNumberProblem('passport', 'E1')).not.toBeNull();
    expect(idNumberProblem('other', 'AB12')).toBeNull();
  });
});
