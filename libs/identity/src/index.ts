export {
  accessTokenMatches,
  bearerToken,
  generateAccessToken,
  hashAccessToken,
  isWellFormedAccessToken,
} from './access-token.js';
export { IdentityModule } from './identity.module.js';
export { USER_ROLES, type UserRole } from './roles.js';
export { type NewSession, type SessionUser, SessionsService } from './sessions/sessions.service.js';
export { MIN_PASSWORD_LENGTH } from './users/password.js';
export { HashQueue, HashQueueFullError } from './users/hash-queue.js';
export { UsersService } from './users/users.service.js';
export { StaffMemberView } from './users/staff-member.view.js';
export { LoginDto, MeView, SessionView } from './sessions/login.dto.js';
export { API_SCOPES, type ApiScope, generateApiKey, hashApiKey, looksLikeApiKey } from './api-keys/api-key.js';
export { type ApiKeyCaller, ApiKeysService } from './api-keys/api-keys.service.js';
export { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './api-keys/api-key.dto.js';
