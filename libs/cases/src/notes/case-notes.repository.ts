import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface CaseNote {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
}

/** The only SQL on `case_notes`: reviewers' internal notes, never shown to the family. */
@Injectable()
export class CaseNotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, caseId: string, authorId: string, body: string, at: Date): Promise<string> {
    const id = randomUUID();
    await manager.query(
      'INSERT INTO case_notes (id, case_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)',
      [id, caseId, authorId, body, at],
    );
    return id;
  }

  async forCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseNote[]> {
    const rows = await manager.query<{ id: string; author_id: string; body: string; created_at: Date }[]>(
      'SELECT id, author_id, body, created_at FROM case_notes WHERE case_id = $1 ORDER BY created_at, id',
      [caseId],
    );
    return rows.map((row) => ({
      id: row.id,
      authorId: row.author_id,
      body: row.body,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
