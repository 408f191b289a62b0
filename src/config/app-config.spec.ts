import { loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('should treat an empty TZ as unset and remove it from the environment', () => {
    const env: Record<string, string | undefined> = { TZ: '', COMMUNITY_TZ: 'Asia/Shanghai' };
    expect(loadConfig(env).timeZone).toBe('Asia/Shanghai');
    expect('TZ' in env).toBe(false);
  });

  it('should leave a TZ that is set alone', () => {
    const env: Record<string, string | undefined> = { TZ: 'Asia/Shanghai' };
    loadConfig(env);
    expect(env.TZ).toBe('Asia/Shanghai');
  });

  it('should read the community name, the notice issuer and the public address', () => {
    expect(loadConfig({}).community).toEqual({ name: null, issuer: null });
    expect(loadConfig({}).publicUrl).toBeNull();
    const named = loadConfig({
      COMMUNITY_NAME: '岭南社区',
      PUBLIC_URL: 'http://192.168.1.20:3000/',
    });
    expect({ community: named.community, publicUrl: named.publicUrl }).toEqual({
      community: { name: '岭南社区', issuer: '岭南社区志愿服务站' },
      publicUrl: 'http://192.168.1.20:3000',
    });
    expect(
      loadConfig({ COMMUNITY_NAME: '岭南社区', NOTICE_ISSUER: '岭南社区居委会' }).community,
    ).toEqual({ name: '岭南社区', issuer: '岭南社区居委会' });
  });

  it('should refuse a public address that is not an http(s) address, naming the variable', () => {
    for (const bad of ['passbook.example.cn', 'ftp://x.cn', 'https://', 'https://a b.cn']) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL must be an http/);
    }
    expect(() => loadConfig({ COMMUNITY_NAME: 'a\nb' })).toThrow(/COMMUNITY_NAME must be one line/);
  });

  it('should read SESSION_CACHE_SECONDS (default 5, 0 turns the cache off) and refuse others', () => {
    expect(loadConfig({}).sessionCacheSeconds).toBe(5);
    expect(loadConfig({ SESSION_CACHE_SECONDS: '0' }).sessionCacheSeconds).toBe(0);
    expect(loadConfig({ SESSION_CACHE_SECONDS: '60' }).sessionCacheSeconds).toBe(60);
    for (const bad of ['61', '-1', 'soon', '2.5']) {
      expect(() => loadConfig({ SESSION_CACHE_SECONDS: bad })).toThrow(/SESSION_CACHE_SECONDS/);
    }
  });
});
