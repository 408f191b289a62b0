import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { toErrorBody } from '../http-exception.filter';
import { SETTLE_MS, StorageMonitor, storageFailureOf } from './storage-failure';

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
  let errors: ReturnType<typeof jest.spyOn>;
  let logs: ReturnType<typeof jest.spyOn>;
  let now: number;
  let monitor: StorageMonitor;

  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    logs = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    now = 1_000_000;
    monitor = new StorageMonitor(() => now);
  });

  afterEach(() => {
    errors.mockRestore();
    logs.mockRestore();
  });

  it('should log one line when an incident starts and one when it ends, whatever the requests', () => {
    for (let i = 0; i < 100; i++) {
      const refusal = monitor.refusal({ code: 'SQLITE_FULL' });
      expect(toErrorBody(refusal)).toEqual({
        statusCode: 503,
        code: 'STORAGE_UNAVAILABLE',
        message: expect.stringContaining('nothing was recorded'),
        details: { reason: 'full' },
      });
      monitor.succeeded(false); // reads go on while the disk is full
      now += 10;
    }
    expect(monitor.failure).toBe('full');
    monitor.succeeded(true);
    now += SETTLE_MS - 1;
    expect(monitor.failure).toBe('full');
    expect(logs).not.toHaveBeenCalled();
    now += 1;
    expect(monitor.failure).toBeUndefined();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(logs).toHaveBeenCalledTimes(1);
    expect(String(logs.mock.calls[0][0])).toMatch(/after 1\.0 s \(100 requests refused;/);
  });

  it('should keep one incident while a nearly full disk takes a write now and then', () => {
    for (let i = 0; i < 50; i++) {
      monitor.refusal({ code: 'SQLITE_FULL' });
      now += 100;
      monitor.succeeded(true); // a small write fitted
      expect(monitor.failure).toBe('full');
      now += SETTLE_MS - 200;
    }
    expect(errors).toHaveBeenCalledTimes(1);
    expect(logs).not.toHaveBeenCalled();
    // Space freed: writes go through and keep going through.
    for (let i = 0; i < 10; i++) {
      monitor.succeeded(true);
      now += SETTLE_MS / 10;
    }
    monitor.succeeded(false);
    expect(monitor.failure).toBeUndefined();
    expect(logs).toHaveBeenCalledTimes(1);
    expect(String(logs.mock.calls[0][0])).toMatch(/\(50 requests refused;/);
  });

  it('should end an outage on any success once it has lasted, and start a new incident after', () => {
    monitor.refusal({ code: 'ECONNREFUSED' });
    now += 2_000;
    monitor.succeeded(false);
    now += SETTLE_MS - 1;
    expect(monitor.failure).toBe('down');
    now += 1;
    expect(monitor.failure).toBeUndefined();
    monitor.refusal({ code: 'ECONNREFUSED' });
    expect(monitor.failure).toBe('down');
    expect(errors).toHaveBeenCalledTimes(2);
    expect(logs).toHaveBeenCalledTimes(1);
    expect(String(logs.mock.calls[0][0])).toMatch(/after 2\.0 s \(1 requests refused;/);
  });

  it('should count every write of a lost group commit as refused', () => {
    monitor.failed('full', { code: 'SQLITE_FULL' }, 12);
    monitor.refusal({ code: 'SQLITE_FULL' });
    monitor.succeeded(true);
    now += SETTLE_MS;
    expect(monitor.failure).toBeUndefined();
    expect(String(logs.mock.calls[0][0])).toMatch(/\(13 requests refused;/);
  });

  it('should not count reads as the end of a full disk', () => {
    monitor.refusal({ code: 'SQLITE_FULL' });
    for (let i = 0; i < 20; i++) {
      now += SETTLE_MS;
      monitor.succeeded(false);
    }
    expect(monitor.failure).toBe('full');
    expect(logs).not.toHaveBeenCalled();
  });

  it('should close a recovered incident when one of another kind starts within the window', () => {
    monitor.refusal({ code: 'SQLITE_BUSY' });
    now += 700;
    monitor.succeeded(true);
    now += 300;
    monitor.refusal({ code: 'SQLITE_FULL' });
    expect(monitor.failure).toBe('full');
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('is busy'),
      expect.stringContaining('disk is full'),
    ]);
    expect(logs.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/after 0\.7 s \(1 requests refused; answering for 0\.3 s since\)/),
    ]);
  });
});
