import type { Datasource } from "./datasource";
import { PrismaClient } from "./generated/client";
import { type OpenConnection, openConnection } from "./open-connection";

/**
 * The configured database with a Prisma client on top. Only lib/db code sees
 * the client; the rest of lib/ calls repository functions.
 */
export interface Database {
  readonly connection: OpenConnection;
  readonly prisma: PrismaClient;
  close(): Promise<void>;
}

export async function openDatabase(datasource: Datasource, purpose: string): Promise<Database> {
  const connection = await openConnection(datasource, purpose);
  const prisma = new PrismaClient({ adapter: connection.adapterFactory });
  let closing: Promise<void> | undefined;
  return {
    connection,
    prisma,
    close: () => {
      closing ??= prisma.$disconnect().finally(() => connection.close());
      return closing;
    },
  };
}

export type { PrismaClient };
