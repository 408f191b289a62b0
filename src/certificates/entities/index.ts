import { Certificate } from './certificate.entity';
import { CertificateRevocation } from './certificate-revocation.entity';

/** The entities this module owns: the issued certificates and their revocations. */
export const certificateEntities = [Certificate, CertificateRevocation];
