import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig, Clock } from '@app/common';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentStore, type StoredObject } from './storage/document-store.js';

export interface SweepResult {
  stagingRemoved: number;
  objectsRemoved: number;
}

const BATCH = 500;

/**
 * Removes what a crash can leave behind: staging files of uploads that never finished, and stored
 * files whose row never committed. Only files older than ORPHAN_MAX_AGE_MINUTES are touched, so
 * uploads in flight are safe. Idempotent, so every instance may run it.
 */
@Injectable()
export class OrphanSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrphanSweepService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly store: DocumentStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.ORPHAN_SWEEP_INTERVAL_MINUTES * 60_000;
    const timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'Orphan sweep failed'));
    }, every);
    timer.unref();
    this.scheduler.addInterval(OrphanSweepService.name, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', OrphanSweepService.name)) {
      this.scheduler.deleteInterval(OrphanSweepService.name);
    }
  }

  async sweep(): Promise<SweepResult> {
    const cutoff = this.clock.now().getTime() - this.config.ORPHAN_MAX_AGE_MINUTES * 60_000;
    const isOld = (file: StoredObject): boolean => file.modifiedAt.getTime() < cutoff;

    let stagingRemoved = 0;
    for await (const file of this.store.listStaging()) {
      if (!isOld(file)) continue;
      await this.store.discardStaging(file.key);
      stagingRemoved++;
    }

    let objectsRemoved = 0;
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      const known = await this.documents.referencedKeys(batch);
      for (const key of batch.filter((candidate) => !known.has(candidate))) {
        await this.store.remove(key);
        objectsRemoved++;
      }
      batch = [];
    };
    for await (const file of this.store.listObjects()) {
      if (!isOld(file)) continue;
      batch.push(file.key);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();

    if (stagingRemoved + objectsRemoved > 0) {
      this.logger.log({ stagingRemoved, objectsRemoved }, 'Removed orphan files');
    }
    return { stagingRemoved, objectsRemoved };
  }
}
