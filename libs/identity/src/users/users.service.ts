import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainException } from '@app/common';
import { USER_ROLES, type UserRole } from '../roles.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.js';
import type { StaffMemberView } from './staff-member.view.js';
import { UsersRepository } from './users.repository.js';

/** Back-office accounts: created and disabled by an administrator (the CLI, later an endpoint). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(email: string, role: string, password: string): Promise<{ id: string; email: string; role: UserRole }> {
    const normalised = email.trim().toLowerCase();
    const problems = [
      ...(isEmail(normalised) ? [] : [{ field: 'email', message: 'must be an e-mail address' }]),
      ...(isRole(role) ? [] : [{ field: 'role', message: `must be one of ${USER_ROLES.join(', ')}` }]),
      ...(password.length >= MIN_PASSWORD_LENGTH
        ? []
        : [{ field: 'password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }]),
    ];
    if (problems.length > 0 || !isRole(role)) throw DomainException.invalid(problems);
    if (await this.users.existsWithEmail(normalised)) {
      throw DomainException.invalid([{ field: 'email', message: 'a user with this e-mail already exists' }]);
    }
    const fields = {
      email: normalised,
      role,
      passwordHash: await hashPassword(password),
      disabledAt: null,
      createdAt: this.clock.now(),
    };
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.users.insert(manager, fields);
      await this.audit.append(manager, {
        at: created.createdAt.toISOString(),
        actorType: 'system',
        actorId: 'cli',
        action: 'user.created',
        caseId: null,
        details: { userId: created.id, role },
      });
      return created;
    });
    return { id: user.id, email: user.email, role: user.role };
  }

  /** Colleagues a case can be assigned to, and whose names the back office shows (no secrets). */
  async colleagues(): Promise<StaffMemberView[]> {
    const users = await this.users.allByEmail();
    return users.map((user) => ({ id: user.id, email: user.email, role: user.role, active: user.disabledAt === null }));
  }

  /** Disabling a user ends every session they have. */
  async disable(email: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByEmail(email.trim().toLowerCase(), manager);
      if (!user) throw new DomainException('NOT_FOUND', `There is no user ${email}.`);
      const now = this.clock.now();
      await this.users.disable(manager, user.id, now);
      await this.sessions.revokeAllOfUser(manager, user.id, now);
      await this.audit.append(manager, {
        at: now.toISOString(),
        actorType: 'system',
        actorId: 'cli',
        action: 'user.disabled',
        caseId: null,
        details: { userId: user.id },
      });
    });
  }
}

function isRole(role: string): role is UserRole {
  return (USER_ROLES as readonly string[]).includes(role);
}
