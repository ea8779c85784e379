import { AppError } from "../domain/app-error";
import type { Database } from "../db/database";
import { databaseErrorOf } from "./notebook-database-error";
import { NOTEBOOK_SCHEMA } from "./notebook-views";

/**
 * Notebook queries run as the role resonance_notebook_reader, which may read
 * the notebook views and nothing else. Roles belong to the whole PostgreSQL
 * server and creating one needs CREATEROLE, which a team server's application
 * user may lack, so this is set up when notebook SQL first runs instead of in
 * a migration: a failing migration would stop the whole server from starting,
 * while a missing role only turns notebook SQL off, with a message that tells
 * an administrator the two statements to run. The embedded database is always
 * privileged enough.
 */

export const NOTEBOOK_READER_ROLE = "resonance_notebook_reader";

/** The application user may not create or join the reader role; an administrator must. */
export class NotebookReaderRoleError extends AppError {
  override readonly name = "NotebookReaderRoleError";
  readonly code = "NOTEBOOK_SQL_UNAVAILABLE";
}

const INSUFFICIENT_PRIVILEGE = "42501";
const DUPLICATE_OBJECT = "42710";

interface RoleState {
  user: string;
  exists: boolean;
  member: boolean;
  superuser: boolean;
}

// One set-up per open database; a failed one is forgotten so that an
// administrator's fix takes effect on the next query, without a restart.
const settingUp = new WeakMap<Database, Promise<void>>();

export function ensureNotebookReaderRole(database: Database): Promise<void> {
  let pending = settingUp.get(database);
  if (!pending) {
    pending = setUpReaderRole(database);
    settingUp.set(database, pending);
    pending.catch(() => settingUp.delete(database));
  }
  return pending;
}

/** The statements an administrator runs when the application user cannot; exported for the README's test. */
export function administratorStatements(user: string): string {
  const quoted = `"${user.replaceAll('"', '""')}"`;
  return `CREATE ROLE ${NOTEBOOK_READER_ROLE} NOLOGIN; GRANT ${NOTEBOOK_READER_ROLE} TO ${quoted};`;
}

async function setUpReaderRole(database: Database): Promise<void> {
  const state = await readRoleState(database);
  if (!state.exists) await tolerate(DUPLICATE_OBJECT, () => run(database, `CREATE ROLE ${NOTEBOOK_READER_ROLE} NOLOGIN`), state);
  // SET ROLE needs membership unless the session user is a superuser.
  if (!state.member && !state.superuser) await tolerate(null, () => run(database, `GRANT ${NOTEBOOK_READER_ROLE} TO CURRENT_USER`), state);
  await tolerate(null, () => run(database, `GRANT USAGE ON SCHEMA "${NOTEBOOK_SCHEMA}" TO ${NOTEBOOK_READER_ROLE}`), state);
  await tolerate(null, () => run(database, `GRANT SELECT ON ALL TABLES IN SCHEMA "${NOTEBOOK_SCHEMA}" TO ${NOTEBOOK_READER_ROLE}`), state);
  if (state.superuser) {
    // A query running as the reader could call set_config('role', …) to switch
    // back to the session user (SET ROLE checks the session user, not the
    // current one) and then read any table through query_to_xml. Revoking
    // EXECUTE from PUBLIC needs a superuser; elsewhere the pre-check's refusal
    // of set_config is what stops it, and the README asks administrators to
    // revoke it themselves.
    await run(database, "REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC");
  }
}

async function readRoleState(database: Database): Promise<RoleState> {
  const rows = await database.prisma.$queryRawUnsafe<RoleState[]>(
    `SELECT current_user::text AS "user",
            EXISTS (SELECT FROM pg_roles WHERE rolname = $1) AS "exists",
            CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = $1) THEN pg_has_role(current_user, $1, 'MEMBER') ELSE false END AS "member",
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS "superuser"`,
    NOTEBOOK_READER_ROLE,
  );
  const state = rows[0];
  if (!state) throw new Error("the database returned no row for the notebook role check");
  return state;
}

async function run(database: Database, statement: string): Promise<void> {
  await database.prisma.$executeRawUnsafe(statement);
}

/** Runs a set-up step; `ignored` is a SQLSTATE that means someone else already did it, and a missing privilege becomes the administrator's message. */
async function tolerate(ignored: string | null, step: () => Promise<void>, state: RoleState): Promise<void> {
  try {
    await step();
  } catch (error) {
    const report = databaseErrorOf(error);
    if (report && report.sqlState === ignored) return;
    if (report?.sqlState === INSUFFICIENT_PRIVILEGE) {
      throw new NotebookReaderRoleError(
        `Notebook SQL is not set up on this PostgreSQL server: the database user "${state.user}" may not create or join the role ` +
          `${NOTEBOOK_READER_ROLE} that notebook queries run as (${report.message}). An administrator can run: ${administratorStatements(state.user)} ` +
          "Nothing else in the workbench is affected.",
      );
    }
    throw error;
  }
}
