import { InitialSchema1763900000000 } from './1763900000000-initial-schema.js';

/** Every migration, oldest first. Listed, not globbed, so the ESM build needs no file scanning. */
export const MIGRATIONS = [InitialSchema1763900000000];
