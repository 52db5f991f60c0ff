import { Injectable } from '@nestjs/common';
import { DomainException } from '@app/common';
import { accessTokenMatches, hashAccessToken, isWellFormedAccessToken } from '@app/identity';
import { CasesRepository } from './cases.repository.js';

/** Who a requester token has been checked to be: the family member of exactly this case. */
export interface RequesterCase {
  caseId: string;
  reference: string;
}

/**
 * Checks a requester's token against a reference. A wrong or missing token is 401; a token that
 * belongs to another case is 404, exactly like a reference that does not exist, so a token never
 * reveals whether some other case exists.
 */
@Injectable()
export class RequesterAccessService {
  constructor(private readonly cases: CasesRepository) {}

  async authenticate(reference: string, token: string | undefined): Promise<RequesterCase> {
    if (!token || !isWellFormedAccessToken(token)) throw unauthenticated();
    const target = await this.cases.tokenOf(reference);
    if (target && accessTokenMatches(token, target.accessTokenHash)) {
      return { caseId: target.id, reference };
    }
    if (await this.cases.anyWithTokenHash(hashAccessToken(token)))
      throw new DomainException('NOT_FOUND', 'There is no request with this reference for this access token.');
    throw unauthenticated();
  }

  /**
   * The case support tooling names by its reference, handed on as the family's case. Only after the
   * caller's key was checked: an unauthenticated caller must not learn whether a reference exists.
   */
  async forSupportTooling(reference: string): Promise<RequesterCase> {
    const caseId = await this.cases.idOf(reference);
    if (caseId === undefined) throw new DomainException('NOT_FOUND', `There is no case ${reference}.`);
    return { caseId, reference };
  }
}

function unauthenticated(): DomainException {
  return new DomainException(
    'UNAUTHENTICATED',
    'Send the access token you received when you made the request, as "Authorization: Bearer <token>".',
  );
}
