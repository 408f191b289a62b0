import { Certificate } from './certificate.entity';

/** The entities this module owns: the issued certificates. */
export const certificateEntities = [Certificate];
