import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../config/app-config';

/** The files of CERTIFICATE_KEY_DIR: never in the database, backed up beside it. */
export const KEY_FILES = {
  signingKey: 'certificate-signing-key.pem',
  publicKey: 'certificate-public-key.pem',
  dataKey: 'id-document.key',
} as const;

/** The sealed form's version; a future key rotation adds one. */
const SEALED_PREFIX = 'v1';
const AAD = Buffer.from('love-passbook:id-document');

/**
 * The service's own keys, read from CERTIFICATE_KEY_DIR at start (generated there at the first
 * start): the Ed25519 pair that signs certificates (志愿服务记录证明) and the AES-256-GCM key that seals
 * identity document numbers, so a copy of the database alone reveals neither.
 */
export class KeyRing {
  readonly publicKeyPem: string;
  /** SHA-256 of the public key (DER), in hex groups of four: what a verifier compares. */
  readonly fingerprint: string;

  constructor(
    private readonly signingKey: KeyObject,
    private readonly publicKey: KeyObject,
    private readonly dataKey: Buffer,
  ) {
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const der = publicKey.export({ type: 'spki', format: 'der' });
    this.fingerprint = createHash('sha256').update(der).digest('hex').match(/.{4}/g)!.join(':');
  }

  /** The Ed25519 signature (base64) of the text's UTF-8 bytes. */
  sign(text: string): string {
    return sign(null, Buffer.from(text, 'utf8'), this.signingKey).toString('base64');
  }

  /** Whether `signature` (base64) signs exactly this text; a malformed signature is false. */
  verify(text: string, signature: string): boolean {
    try {
      const bytes = Buffer.from(signature, 'base64');
      if (bytes.length !== 64 || bytes.toString('base64') !== signature) {
        return false;
      }
      return verify(null, Buffer.from(text, 'utf8'), this.publicKey, bytes);
    } catch {
      return false;
    }
  }

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url): AES-256-GCM under the data key. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey, iv);
    cipher.setAAD(AAD);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [SEALED_PREFIX, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plain text of `seal`'s output; null when it is not one this key sealed (or was changed). */
  open(sealed: string): string | null {
    const [prefix, iv, tag, body, ...rest] = sealed.split('.');
    if (prefix !== SEALED_PREFIX || rest.length > 0 || !iv || !tag || body === undefined) {
      return null;
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.dataKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(AAD);
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }
}

function bad(dir: string, file: string, why: string): ConfigError {
  return new ConfigError(`CERTIFICATE_KEY_DIR: ${join(dir, file)}: ${why}`);
}

/** Writes a new file readable by the service's user only; never replaces one (another instance's). */
function writeNew(dir: string, file: string, content: string): void {
  const temp = join(dir, `.${file}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, join(dir, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw err;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

function readText(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch (err) {
    throw bad(dir, file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Reads the keys from `dir` (created 0700 when missing), generating at the first start whatever is
 * missing there: the signing pair only when both its files are missing (a lone public key means the
 * private one was lost, and a new pair would leave every certificate unverifiable), the data key
 * when its file is missing. A file that is not what it should be stops the start with its name.
 */
export function loadKeyRing(dir: string): KeyRing {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ConfigError(
      `CERTIFICATE_KEY_DIR: ${dir}: cannot be created (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const has = (file: string) => existsSync(join(dir, file));
  if (!has(KEY_FILES.signingKey) && !has(KEY_FILES.publicKey)) {
    const pair = generateKeyPairSync('ed25519');
    writeNew(
      dir,
      KEY_FILES.signingKey,
      pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    // Another instance starting at the same moment may have won: its private key is the one kept.
    const kept = createPrivateKey(readText(dir, KEY_FILES.signingKey));
    writeNew(
      dir,
      KEY_FILES.publicKey,
      createPublicKey(kept).export({ type: 'spki', format: 'pem' }).toString(),
    );
  }
  if (!has(KEY_FILES.dataKey)) {
    writeNew(dir, KEY_FILES.dataKey, `${randomBytes(32).toString('base64')}\n`);
  }
  let signingKey: KeyObject;
  try {
    signingKey = createPrivateKey(readText(dir, KEY_FILES.signingKey));
  } catch (err) {
    throw err instanceof ConfigError
      ? err
      : bad(dir, KEY_FILES.signingKey, 'is not a PEM private key');
  }
  if (signingKey.asymmetricKeyType !== 'ed25519') {
    throw bad(dir, KEY_FILES.signingKey, 'is not an Ed25519 private key');
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(readText(dir, KEY_FILES.publicKey));
  } catch (err) {
    throw err instanceof ConfigError
      ? err
      : bad(dir, KEY_FILES.publicKey, 'is not a PEM public key');
  }
  const derOf = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
  if (!derOf(createPublicKey(signingKey)).equals(derOf(publicKey))) {
    throw bad(dir, KEY_FILES.publicKey, `is not the public key of ${KEY_FILES.signingKey}`);
  }
  const dataKey = Buffer.from(readText(dir, KEY_FILES.dataKey).trim(), 'base64');
  if (dataKey.length !== 32) {
    throw bad(dir, KEY_FILES.dataKey, 'must hold 32 bytes in base64 (an AES-256 key)');
  }
  for (const [path, mode] of [
    [dir, 0o700],
    ...Object.values(KEY_FILES).map((file) => [join(dir, file), 0o600] as const),
  ] as const) {
    try {
      chmodSync(path, mode);
    } catch {
      // A read-only key folder (mounted secrets) is fine: the files were read.
    }
  }
  return new KeyRing(signingKey, publicKey, dataKey);
}
