export {
  accessTokenMatches,
  bearerToken,
  generateAccessToken,
  hashAccessToken,
  isWellFormedAccessToken,
} from './access-token.js';
