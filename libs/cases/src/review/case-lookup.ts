import type { EntityManager } from 'typeorm';
import { DomainException } from '@app/common';
import type { CaseEntity } from '../case.entity.js';
import type { CasesRepository } from '../cases.repository.js';

/** The case a back-office route names, or 404 in the words every such route uses. */
export async function caseByReference(
  cases: CasesRepository,
  reference: string,
  manager?: EntityManager,
): Promise<CaseEntity> {
  const entity = await cases.findByReference(reference, manager);
  if (!entity) throw new DomainException('NOT_FOUND', `There is no case ${reference}.`);
  return entity;
}
