import { SCHEMA_VERSIONS } from '../db/database';

/** The database schema version a backup written now comes from (recorded in its header). */
export const DB_SCHEMA_VERSION_FOR_BACKUP = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
