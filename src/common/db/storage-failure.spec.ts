import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { toErrorBody } from '../http-exception.filter';
import { StorageMonitor, storageFailureOf } from './storage-failure';

describe(storageFailureOf.name, () => {
  it.each([
    [{ code: 'SQLITE_FULL' }, 'full'],
    [{ driverError: { code: 'SQLITE_IOERR_WRITE' } }, 'down'],
    [{ driverError: { code: 'SQLITE_READONLY_DBMOVED' } }, 'down'],
    [{ code: 'SQLITE_CANTOPEN' }, 'down'],
    [{ code: 'SQLITE_BUSY' }, 'busy'],
    [{ driverError: { code: '57P01' } }, 'down'],
    [{ driverError: { code: '57P03' } }, 'down'],
    [{ driverError: { code: '08006' } }, 'down'],
    [{ driverError: { code: '53100' } }, 'full'],
    [{ code: 'ECONNREFUSED' }, 'down'],
    [{ errors: [{ code: 'ECONNREFUSED' }] }, 'down'],
    [{ message: 'Connection terminated unexpectedly' }, 'down'],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, undefined],
    [{ driverError: { code: '23505' } }, undefined],
    [new Error('plain'), undefined],
  ])('should classify %j as %s', (err, expected) => {
    expect(storageFailureOf(err)).toBe(expected);
  });
});

describe(StorageMonitor.name, () => {
  it('should log one line when an incident starts and one when it ends, whatever the requests', () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const logs = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const monitor = new StorageMonitor();
      for (let i = 0; i < 100; i++) {
        const refusal = monitor.refusal({ code: 'SQLITE_FULL' });
        expect(toErrorBody(refusal)).toEqual({
          statusCode: 503,
          code: 'STORAGE_UNAVAILABLE',
          message: expect.stringContaining('nothing was recorded'),
          details: { reason: 'full' },
        });
        monitor.succeeded(false); // reads go on while the disk is full
      }
      expect(monitor.failure).toBe('full');
      monitor.succeeded(true);
      expect(monitor.failure).toBeUndefined();
      expect(errors).toHaveBeenCalledTimes(1);
      expect(logs).toHaveBeenCalledTimes(1);
      expect(String(logs.mock.calls[0][0])).toMatch(/100 requests refused/);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });
});
