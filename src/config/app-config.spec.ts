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
});
