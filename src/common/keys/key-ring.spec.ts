import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILES, loadKeyRing } from './key-ring';

describe('loadKeyRing', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'passbook-keys-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should generate the keys at the first start (0700 folder, 0600 files) and read the same ones again', () => {
    const dir = join(root, 'keys');
    const first = loadKeyRing(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of Object.values(KEY_FILES)) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    }
    chmodSync(dir, 0o755);
    const again = loadKeyRing(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.open(first.seal('110101199003071234'))).toBe('110101199003071234');
    const signature = first.sign('{"a":1}');
    expect(again.verify('{"a":1}', signature)).toBe(true);
    expect(again.verify('{"a":2}', signature)).toBe(false);
  });

  it('should seal with a fresh nonce and refuse a changed or foreign sealed text', () => {
    const ring = loadKeyRing(join(root, 'a'));
    const other = loadKeyRing(join(root, 'b'));
    const sealed = ring.seal('E12345678');
    expect(ring.seal('E12345678')).not.toBe(sealed);
    expect(sealed).not.toContain('E12345678');
    expect(other.open(sealed)).toBeNull();
    const parts = sealed.split('.');
    parts[3] = parts[3].startsWith('A') ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`;
    expect(ring.open(parts.join('.'))).toBeNull();
    expect(ring.open('not sealed')).toBeNull();
  });

  it('should stop the start naming a bad file', () => {
    const dir = join(root, 'keys');
    loadKeyRing(dir);
    writeFileSync(join(dir, KEY_FILES.dataKey), 'short\n');
    expect(() => loadKeyRing(dir)).toThrow(`${join(dir, KEY_FILES.dataKey)}: must hold 32 bytes`);
    const other = join(root, 'other');
    loadKeyRing(other);
    writeFileSync(join(dir, KEY_FILES.dataKey), readFileSync(join(other, KEY_FILES.dataKey)));
    writeFileSync(join(dir, KEY_FILES.publicKey), readFileSync(join(other, KEY_FILES.publicKey)));
    expect(() => loadKeyRing(dir)).toThrow(
      `${join(dir, KEY_FILES.publicKey)}: is not the public key of ${KEY_FILES.signingKey}`,
    );
    writeFileSync(join(dir, KEY_FILES.signingKey), 'garbage');
    expect(() => loadKeyRing(dir)).toThrow(
      `${join(dir, KEY_FILES.signingKey)}: is not a PEM private key`,
    );
    rmSync(join(dir, KEY_FILES.signingKey));
    expect(() => loadKeyRing(dir)).toThrow(`${join(dir, KEY_FILES.signingKey)}: cannot be read`);
  });
});
