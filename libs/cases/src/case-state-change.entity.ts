import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseState } from '@app/common';

/** One entry of a case's history: the state it entered, and when. */
@Entity({ name: 'case_state_changes' })
export class CaseStateChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  state!: CaseState;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Why, when the history says (a first approval withdrawn because a document changed). */
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
