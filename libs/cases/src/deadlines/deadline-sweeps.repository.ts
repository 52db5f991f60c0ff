import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The only SQL on `deadline_sweeps`: one row a day, claimed by the instance that runs the sweep. */
@Injectable()
export class DeadlineSweepsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True when this run may sweep `day`: not finished yet, or `again`. */
  async claim(day: string, now: Date, again: boolean): Promise<boolean> {
    const rows = await this.dataSource.query<{ day: string }[]>(
      `INSERT INTO deadline_sweeps (day, started_at) VALUES ($1::date, $2::timestamptz)
       ON CONFLICT (day) DO UPDATE SET started_at = EXCLUDED.started_at, finished_at = NULL
         WHERE deadline_sweeps.finished_at IS NULL OR $3::boolean
       RETURNING day`,
      [day, now, again],
    );
    return rows.length > 0;
  }

  /** When the last finished sweep before `day` started: what changed since then is swept again. */
  async lastFinishedStartBefore(day: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<[{ started_at: Date | null }]>(
      'SELECT max(started_at) AS started_at FROM deadline_sweeps WHERE day < $1::date AND finished_at IS NOT NULL',
      [day],
    );
    return row.started_at;
  }

  async finish(day: string, at: Date, figures: object): Promise<void> {
    await this.dataSource.query('UPDATE deadline_sweeps SET finished_at = $2, figures = $3 WHERE day = $1', [
      day,
      at,
      JSON.stringify(figures),
    ]);
  }
}
