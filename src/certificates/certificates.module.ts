import { Module } from '@nestjs/common';
import { StandardModule } from '../standard/standard.module';
import {
  CertificatesController,
  ExportsController,
  PublicCertificatesController,
} from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { NationalExportService } from './national-export.service';

/** Certificates of recorded service (志愿服务记录证明), their public check, and the national export. */
@Module({
  imports: [StandardModule],
  controllers: [CertificatesController, PublicCertificatesController, ExportsController],
  providers: [CertificatesService, NationalExportService],
})
export class CertificatesModule {}
