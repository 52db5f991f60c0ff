export { AppConfig, ConfigurationError, loadConfig } from './config/app-config.js';
export { AppConfigModule } from './config/app-config.module.js';
export { DomainException, type FieldError } from './errors/domain-exception.js';
export { ERROR_CATALOGUE, type ErrorCode, problemType } from './errors/error-codes.js';
export { ProblemDetailsFilter, type ProblemDetails } from './errors/problem-details.filter.js';
export { flattenValidationErrors, validationExceptionFactory } from './errors/validation-errors.js';
export { Clock, SystemClock } from './time/clock.js';
export * from './vocabulary.js';
export { PinoLoggerService } from './logging/pino-logger.service.js';
