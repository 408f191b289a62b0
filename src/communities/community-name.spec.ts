import { shownNames } from './community-name';

describe(shownNames.name, () => {
  const configured = { name: '岭南社区', issuer: '岭南社区党总支' };

  it('should show the configured names for a community without a name', () => {
    expect(shownNames({ name: null, issuer: null }, configured)).toEqual(configured);
    expect(shownNames({ name: null, issuer: null }, { name: null, issuer: null })).toEqual({
      name: null,
      issuer: null,
    });
  });

  it("should show a named community's own name and issuer", () => {
    expect(shownNames({ name: '泡崖社区', issuer: '泡崖社区居委会' }, configured)).toEqual({
      name: '泡崖社区',
      issuer: '泡崖社区居委会',
    });
  });

  it('should derive the issuer from the name when the community has none', () => {
    expect(shownNames({ name: '泡崖社区', issuer: null }, configured)).toEqual({
      name: '泡崖社区',
      issuer: '泡崖社区志愿服务站',
    });
  });
});
