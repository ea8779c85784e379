import type { PrismaClient } from "./generated/client";

/**
 * People who label. Embedded mode has no login: every edit is made by one
 * local researcher, created on first use, until accounts arrive.
 */
export interface UserRef {
  id: string;
  displayName: string;
}

export const LOCAL_USERNAME = "local";
export const LOCAL_DISPLAY_NAME = "Local researcher";

const localResearchers = new WeakMap<PrismaClient, Promise<UserRef>>();

/** The local researcher's row (created if missing), looked up once per client. */
export function ensureLocalResearcher(prisma: PrismaClient): Promise<UserRef> {
  let cached = localResearchers.get(prisma);
  if (!cached) {
    cached = prisma.user.upsert({
      where: { username: LOCAL_USERNAME },
      create: { username: LOCAL_USERNAME, displayName: LOCAL_DISPLAY_NAME },
      update: {},
      select: { id: true, displayName: true },
    });
    localResearchers.set(prisma, cached);
    // A failed lookup (database briefly unavailable) is not remembered.
    cached.catch(() => localResearchers.delete(prisma));
  }
  return cached;
}
