import { Injectable } from '@nestjs/common';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { Account } from '../ledger/entities/account.entity';
import { newPassbookNumber, normalisePassbookNumber, PassbookPrefix } from './passbook-number';

/** Hands out passbook numbers for new members and households, inside their write. */
@Injectable()
export class PassbookNumbers {
  constructor(private readonly db: Database) {}

  /** A pre-printed number must be well-formed, of the right kind and unused; else one is made. */
  async passbookNumberFor(prefix: PassbookPrefix, given?: string): Promise<string> {
    if (given === undefined) {
      return this.freePassbookNumber(prefix);
    }
    const passbookNo = normalisePassbookNumber(given);
    if (!passbookNo || !passbookNo.startsWith(prefix)) {
      throw DomainError.validation(
        `passbookNo must be a ${prefix === 'V' ? 'volunteer (V…)' : 'household (H…)'} passbook number with a valid check character`,
        { field: 'passbookNo' },
      );
    }
    await this.db.lockName(`passbook-no:${passbookNo}`);
    if (await this.db.writeManager().findOneBy(Account, { passbookNo })) {
      throw new DomainError(ErrorCode.CONFLICT, `passbook number ${passbookNo} is already in use`, {
        reason: 'PASSBOOK_NO_TAKEN',
        field: 'passbookNo',
        passbookNo,
      });
    }
    return passbookNo;
  }

  private async freePassbookNumber(prefix: PassbookPrefix): Promise<string> {
    const em = this.db.writeManager();
    for (;;) {
      const candidate = newPassbookNumber(prefix);
      if (!(await em.findOneBy(Account, { passbookNo: candidate }))) {
        return candidate;
      }
    }
  }
}
