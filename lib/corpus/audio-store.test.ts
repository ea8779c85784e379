import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureStoreFolders, openAudioStore, sweepOrphans } from "./audio-store";

const HASH = "ab".repeat(32);
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function storeWithTemporary(content: string) {
  const root = mkdtempSync(path.join(tmpdir(), "resonance-store-"));
  folders.push(root);
  const store = openAudioStore(root);
  await ensureStoreFolders(store);
  const temporary = store.temporaryPath(".wav");
  await writeFile(temporary, content);
  return { store, temporary };
}

describe("AudioStore.commit", () => {
  it("renames the written file into place", async () => {
    const { store, temporary } = await storeWithTemporary("new audio");
    await store.commit(temporary, store.analysisPath(HASH));
    expect(readFileSync(store.analysisPath(HASH), "utf8")).toBe("new audio");
    expect(await store.exists(temporary)).toBe(false);
  });

  it("keeps a file already stored, and makes it recent so a sweep of old orphans spares it", async () => {
    const { store, temporary } = await storeWithTemporary("same audio again");
    const final = store.analysisPath(HASH);
    await mkdir(path.dirname(final), { recursive: true });
    writeFileSync(final, "same audio");
    const longAgo = new Date(Date.now() - 24 * 3600_000);
    utimesSync(final, longAgo, longAgo);

    await store.commit(temporary, final);
    expect(readFileSync(final, "utf8")).toBe("same audio");
    expect(await store.exists(temporary)).toBe(false);
    expect(statSync(final).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    // Nothing refers to it yet (its row is about to be committed); a sweep of files older than an hour keeps it.
    const swept = await sweepOrphans(store, { contentHashes: new Set(), analysisHashes: new Set(), frameScoreHashes: new Set() }, new Date(Date.now() - 3600_000));
    expect(swept.removedFiles).toBe(0);
    expect(await store.exists(final)).toBe(true);
  });
});
