import { jest } from '@jest/globals';
import { escapeForLog, maskTypedForLog, SafeConsoleLogger } from './log-safe';

describe(SafeConsoleLogger.name, () => {
  it('should escape newlines, escape codes and bidirectional overrides in a logged value', () => {
    expect(escapeForLog('a\nb\r\tc\u001b[31md\u0000\u007f\u2028\u202e')).toBe(
      'a\\nb\\r\\tc\\u001b[31md\\u0000\\u007f\\u2028\\u202e',
    );
    expect(escapeForLog('张三明 V7K2MQ9X')).toBe('张三明 V7K2MQ9X');
  });

  it('should mask what may be a secret to its first character and length', () => {
    expect(maskTypedForLog('hunter2-password')).toBe('h*************** (16 characters)');
    expect(maskTypedForLog('\u001bx')).toBe('\\u001b* (2 characters)');
    expect(maskTypedForLog('')).toBe(' (0 characters)');
  });

  it('should write every message on one line, whoever supplied its values', () => {
    const written: string[] = [];
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    try {
      new SafeConsoleLogger('Test', { colors: false }).log(
        'user:x\n[Nest] 1  - LOG [Auth] admin logged in \u001b[2J',
      );
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(escapeForLog(written[0].trimEnd())).toBe(written[0].trimEnd());
    expect(written[0]).toContain('user:x\\n[Nest] 1  - LOG [Auth] admin logged in \\u001b[2J');
  });
});
