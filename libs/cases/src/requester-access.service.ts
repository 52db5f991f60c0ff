import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException } from '@app/common';
import { accessTokenMatches, hashAccessToken, isWellFormedAccessToken } from '@app/identity';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async authenticate(reference: string, token: string | undefined): Promise<RequesterCase> {
    if (!token || !isWellFormedAccessToken(token)) throw unauthenticated();
    // Plain SQL: this runs before every requester call, uploads included.
    const [target] = await this.dataSource.query<[{ id: string; access_token_hash: Buffer }?]>(
      'SELECT id, access_token_hash FROM cases WHERE reference = $1',
      [reference],
    );
    if (target && accessTokenMatches(token, target.access_token_hash)) {
      return { caseId: target.id, reference };
    }
    const owners = await this.dataSource.query<unknown[]>('SELECT 1 FROM cases WHERE access_token_hash = $1', [
      hashAccessToken(token),
    ]);
    if (owners.length > 0)
      throw new DomainException('NOT_FOUND', 'There is no request with this reference for this access token.');
    throw unauthenticated();
  }
}

function unauthenticated(): DomainException {
  return new DomainException(
    'UNAUTHENTICATED',
    'Send the access token you received when you made the request, as "Authorization: Bearer <token>".',
  );
}
