import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';

/** The application's connection pool. The schema is migrated before the app starts (see runMigrations). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        // Fail fast at boot; at run time the pool reconnects by itself.
        retryAttempts: 3,
        retryDelay: 1000,
        extra: { max: config.DATABASE_POOL_SIZE, connectionTimeoutMillis: config.DATABASE_CONNECTION_WAIT_MS },
      }),
    }),
  ],
})
export class DatabaseModule {}
