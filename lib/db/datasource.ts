import path from "node:path";

/**
 * Where the data lives. Embedded mode keeps a PGlite database in a folder of
 * its own under DATA_DIR; server mode talks to PostgreSQL.
 */
export interface EmbeddedDatasource {
  mode: "embedded";
  dataDir: string;
  databaseDir: string;
}

export interface PostgresDatasource {
  mode: "postgresql";
  url: string;
}

export type Datasource = EmbeddedDatasource | PostgresDatasource;

/** Scheme the Prisma CLI sees for the embedded database (see prisma.config.ts). */
export const EMBEDDED_URL_SCHEME = "pglite:";

export function embeddedDatasource(dataDir: string, cwd: string): EmbeddedDatasource {
  const absolute = path.resolve(cwd, dataDir);
  return { mode: "embedded", dataDir: absolute, databaseDir: path.join(absolute, "pglite") };
}

export function datasourceFromSettings(
  settings: { DATABASE_URL?: string | undefined; DATA_DIR: string },
  cwd: string,
): Datasource {
  if (settings.DATABASE_URL) return { mode: "postgresql", url: settings.DATABASE_URL };
  return embeddedDatasource(settings.DATA_DIR, cwd);
}

/** The URL handed to the Prisma CLI; `pglite:<data dir>` for embedded mode. */
export function datasourceToUrl(datasource: Datasource): string {
  return datasource.mode === "postgresql" ? datasource.url : `${EMBEDDED_URL_SCHEME}${datasource.dataDir}`;
}

export function datasourceFromUrl(url: string, cwd: string): Datasource {
  if (url.startsWith(EMBEDDED_URL_SCHEME)) return embeddedDatasource(url.slice(EMBEDDED_URL_SCHEME.length), cwd);
  if (/^postgres(ql)?:\/\//.test(url)) return { mode: "postgresql", url };
  throw new Error(`Unsupported datasource URL scheme in "${redactUrl(url)}": expected postgresql:// or ${EMBEDDED_URL_SCHEME}<folder>.`);
}

/** Host, port and database only: passwords and user names never reach logs or messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "<unparseable URL>";
  }
}

export function describeDatasource(datasource: Datasource): string {
  return datasource.mode === "embedded"
    ? `embedded PGlite database in ${datasource.databaseDir}`
    : `PostgreSQL at ${redactUrl(datasource.url)}`;
}
