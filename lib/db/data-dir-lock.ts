import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { DataDirInUseError, DataDirUnwritableError } from "./database-errors";

/**
 * PGlite is one connection in one process, and a second process opening the
 * same folder can corrupt it. This lock file makes a second server or CLI fail
 * with a clear message instead. A lock left by a process that died (kill -9,
 * power loss) is detected by its PID and taken over.
 */

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

const LOCK_FILE = "resonance.lock";

interface LockContents {
  pid: number;
  purpose: string;
  since: string;
}

export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  ensureWritableFolder(dataDir);
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      const contents: LockContents = { pid: process.pid, purpose, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(contents));
      closeSync(fd);
      return { path: lockPath, release: () => releaseIfOurs(lockPath) };
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw unwritable(dataDir, error);
    }
    const holder = readLock(lockPath);
    if (holder && holder.pid === process.pid) {
      throw new DataDirInUseError(
        `The data folder ${dataDir} is already open in this process (PID ${holder.pid}, ${holder.purpose}).`,
        holder.pid,
      );
    }
    if (holder && isProcessAlive(holder.pid)) {
      throw new DataDirInUseError(
        `The data folder ${dataDir} is in use by PID ${holder.pid} (${holder.purpose}, since ${holder.since}). ` +
          "Stop that process first, or point DATA_DIR at another folder.",
        holder.pid,
      );
    }
    // The holder is gone (or the file is unreadable garbage): take over.
    rmSync(lockPath, { force: true });
  }
  throw new DataDirInUseError(`Could not take the lock on ${dataDir}: another process keeps taking it.`, -1);
}

function ensureWritableFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    const fd = openSync(probe, "w");
    closeSync(fd);
    rmSync(probe);
  } catch (error) {
    throw unwritable(dataDir, error);
  }
}

function unwritable(dataDir: string, error: unknown): DataDirUnwritableError {
  const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
  return new DataDirUnwritableError(
    `Cannot write to the data folder ${dataDir} (${reason}). Check its permissions, or set DATA_DIR to a writable folder.`,
  );
}

function readLock(lockPath: string): LockContents | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, "utf8"));
    if (parsed && typeof parsed === "object" && "pid" in parsed && typeof parsed.pid === "number") {
      const record = parsed as Partial<LockContents> & { pid: number };
      return { pid: record.pid, purpose: record.purpose ?? "unknown", since: record.since ?? "unknown" };
    }
  } catch {
    // Unreadable or half-written lock: treated as stale.
  }
  return undefined;
}

function releaseIfOurs(lockPath: string): void {
  const holder = readLock(lockPath);
  if (holder?.pid === process.pid) rmSync(lockPath, { force: true });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return isErrno(error, "EPERM");
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
