import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createTestApp } from './support/test-app';

describe('logging of user-supplied values (e2e)', () => {
  it('should log a locked username masked: it may be a password typed into the wrong field', async () => {
    const t = await createTestApp();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const typed = 'MySecret-Pa55\n[Nest] LOG fake line';
      for (let i = 0; i < 5; i++) {
        await t.http.post('/api/auth/login').send({ username: typed, password: 'whatever' });
      }
      const lines = warn.mock.calls.map((c) => String(c[0]));
      const locked = lines.find((l) => l.includes(' locked for '));
      expect(locked).toBeDefined();
      expect(locked).toMatch(/^user:M\*+ \(34 characters\) locked for 15 minutes/);
      expect(locked).not.toContain('\n');
      expect(lines.join(' ')).not.toContain('Secret');
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });
});
