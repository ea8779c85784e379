import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UploadError } from "./upload-error";
import { uploadFolders } from "./upload-folders";
import { createUpload, receiveUploadFile, uploadExists } from "./upload-receive";
import { readUploadRejections } from "./upload-rejections";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "upload-receive-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

function bytes(length: number, seed = 1): Uint8Array {
  return new Uint8Array(length).map((_, index) => (index * seed) % 256);
}

async function rejectAs(promise: Promise<unknown>): Promise<UploadError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

describe("browser uploads", () => {
  it("creates an upload folder under a server-made id", async () => {
    const { uploadId } = await createUpload(dataDir);
    expect(uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await uploadExists(dataDir, uploadId)).toBe(true);
    expect(await uploadExists(dataDir, "00000000-0000-0000-0000-000000000000")).toBe(false);
    expect(await uploadExists(dataDir, "../../etc")).toBe(false);
  });

  it("streams a file to its sanitised path and leaves no temporary file", async () => {
    const { uploadId } = await createUpload(dataDir);
    const content = bytes(300_000, 7);
    const received = await receiveUploadFile({
      dataDir,
      uploadId,
      rawPath: "../study/P01\\session:1.wav",
      body: streamOf([content.subarray(0, 100_000), content.subarray(100_000)]),
      declaredBytes: content.length,
      maxBytes: 1_000_000,
    });
    expect(received).toEqual({ path: "study/P01/session_1.wav", sizeBytes: 300_000 });
    const folders = uploadFolders(dataDir, uploadId);
    const stored = await readFile(path.join(folders.files, "study", "P01", "session_1.wav"));
    expect(stored.equals(content)).toBe(true);
    expect(await filesUnder(folders.root)).toEqual([path.join("files", "study", "P01", "session_1.wav")]);
  });

  it("refuses a file announced as too large before reading it, and lists it for the report", async () => {
    const { uploadId } = await createUpload(dataDir);
    const error = await rejectAs(
      receiveUploadFile({ dataDir, uploadId, rawPath: "big.wav", body: streamOf([]), declaredBytes: 3 * 1024 ** 3, maxBytes: 2 * 1024 ** 3 }),
    );
    expect(error.code).toBe("UPLOAD_TOO_LARGE");
    expect(error.status).toBe(413);
    expect(error.message).toBe("big.wav is over the size limit: 3 GiB, more than the 2 GiB allowed (UPLOAD_MAX_BYTES).");
    const rejected = await readUploadRejections(uploadFolders(dataDir, uploadId).rejectedList);
    expect(rejected).toEqual([{ path: "big.wav", code: "UPLOAD_TOO_LARGE", reason: error.message }]);
  });

  it("gives exact sizes when rounding would make the file look as large as the limit", async () => {
    const { uploadId } = await createUpload(dataDir);
    const error = await rejectAs(
      receiveUploadFile({ dataDir, uploadId, rawPath: "edge.wav", body: streamOf([]), declaredBytes: 1024 ** 2 + 1, maxBytes: 1024 ** 2 }),
    );
    expect(error.message).toBe("edge.wav is over the size limit: 1048577 bytes, more than the 1048576 bytes allowed (UPLOAD_MAX_BYTES).");
  });

  it("counts bytes while streaming, so a body without a true length cannot exceed the limit", async () => {
    const { uploadId } = await createUpload(dataDir);
    const error = await rejectAs(
      receiveUploadFile({ dataDir, uploadId, rawPath: "a/liar.wav", body: streamOf([bytes(600), bytes(600)]), declaredBytes: null, maxBytes: 1000 }),
    );
    expect(error.code).toBe("UPLOAD_TOO_LARGE");
    expect(error.message).toBe("a/liar.wav is over the size limit: larger than the 1000 B allowed (UPLOAD_MAX_BYTES).");
    const folders = uploadFolders(dataDir, uploadId);
    expect(await filesUnder(folders.files)).toEqual([]);
    expect(await filesUnder(folders.root)).toEqual(["rejected.json"]);
    expect((await readUploadRejections(folders.rejectedList)).map((entry) => entry.path)).toEqual(["a/liar.wav"]);
  });

  it("keeps the first file of a name and reports the second", async () => {
    const { uploadId } = await createUpload(dataDir);
    const first = bytes(10, 3);
    await receiveUploadFile({ dataDir, uploadId, rawPath: "x/a.wav", body: streamOf([first]), declaredBytes: 10, maxBytes: 100 });
    const error = await rejectAs(
      receiveUploadFile({ dataDir, uploadId, rawPath: "x\\a.wav", body: streamOf([bytes(10, 5)]), declaredBytes: 10, maxBytes: 100 }),
    );
    expect(error.code).toBe("UPLOAD_PATH_TAKEN");
    expect(error.status).toBe(409);
    const folders = uploadFolders(dataDir, uploadId);
    expect(new Uint8Array(await readFile(path.join(folders.files, "x", "a.wav")))).toEqual(first);
    expect((await readUploadRejections(folders.rejectedList))[0]?.code).toBe("UPLOAD_PATH_TAKEN");
  });

  it("refuses a name with nothing usable in it", async () => {
    const { uploadId } = await createUpload(dataDir);
    const error = await rejectAs(
      receiveUploadFile({ dataDir, uploadId, rawPath: "../..", body: streamOf([bytes(1)]), declaredBytes: 1, maxBytes: 100 }),
    );
    expect(error.code).toBe("UPLOAD_BAD_PATH");
    expect(error.status).toBe(400);
  });

  it("discards a body that ends before its announced length, without reporting it", async () => {
    const { uploadId } = await createUpload(dataDir);
    const error = await rejectAs(
      receiveUploadFile({ dataDir, uploadId, rawPath: "short.wav", body: streamOf([bytes(5)]), declaredBytes: 10, maxBytes: 100 }),
    );
    expect(error.code).toBe("UPLOAD_INCOMPLETE");
    const folders = uploadFolders(dataDir, uploadId);
    expect(await filesUnder(folders.root)).toEqual([]);
  });

  it("discards a body the browser aborted", async () => {
    const { uploadId } = await createUpload(dataDir);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes(5));
        controller.error(new Error("connection reset"));
      },
    });
    const error = await rejectAs(receiveUploadFile({ dataDir, uploadId, rawPath: "gone.wav", body, declaredBytes: 10, maxBytes: 100 }));
    expect(error.code).toBe("UPLOAD_INCOMPLETE");
    expect(await filesUnder(uploadFolders(dataDir, uploadId).root)).toEqual([]);
  });

  it("answers not found for an unknown upload", async () => {
    const error = await rejectAs(
      receiveUploadFile({
        dataDir,
        uploadId: "00000000-0000-0000-0000-000000000000",
        rawPath: "a.wav",
        body: streamOf([]),
        declaredBytes: 0,
        maxBytes: 100,
      }),
    );
    expect(error.code).toBe("UPLOAD_NOT_FOUND");
    expect(error.status).toBe(404);
  });

  it("keeps every rejection when files are refused in parallel", async () => {
    const { uploadId } = await createUpload(dataDir);
    await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        receiveUploadFile({ dataDir, uploadId, rawPath: `big-${index}.wav`, body: streamOf([]), declaredBytes: 500, maxBytes: 100 }),
      ),
    );
    const rejected = await readUploadRejections(uploadFolders(dataDir, uploadId).rejectedList);
    expect(rejected.map((entry) => entry.path).sort()).toEqual(Array.from({ length: 8 }, (_, index) => `big-${index}.wav`));
  });
});
