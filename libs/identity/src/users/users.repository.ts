import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';

/**
 * The only SQL on `users`, the back-office accounts, but for the session check's read
 * (SessionsRepository.findLive joins a session to its user). E-mail addresses are kept lower-case:
 * callers look them up normalised. Writes take the caller's transaction, which also audits them.
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  existsWithEmail(email: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(UserEntity, { email });
  }

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { email });
  }

  /** Every user, disabled ones too, by e-mail address. */
  allByEmail(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, { order: { email: 'ASC' } });
  }

  /** A new user; the row it returns has the id the database gave it. */
  async insert(manager: EntityManager, user: Omit<UserEntity, 'id'>): Promise<UserEntity> {
    const created = manager.create(UserEntity, user);
    await manager.insert(UserEntity, created);
    return created;
  }

  async disable(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(UserEntity, { id }, { disabledAt: at });
  }
}
