export { EU_EEA_COUNTRIES, JURISDICTIONS, type Jurisdiction, resolveJurisdiction } from './jurisdiction.js';
