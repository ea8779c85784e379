import { randomUUID } from "node:crypto";
import { link, mkdir, open, rm, stat } from "node:fs/promises";
import path from "node:path";
import { formatBytes } from "../http/format-bytes";
import { UploadError } from "./upload-error";
import { uploadFolders, type UploadFolders } from "./upload-folders";
import { sanitiseUploadPath, stripControlCharacters } from "./upload-path";
import { appendUploadRejection } from "./upload-rejections";

/**
 * Browser uploads: a server-made upload folder, then one streamed request per
 * file. Files are written to a temporary name beside files/ and moved into
 * place only when complete, so the import never sees half a file.
 */

export async function createUpload(dataDir: string): Promise<{ uploadId: string }> {
  const uploadId = randomUUID();
  await mkdir(uploadFolders(dataDir, uploadId).files, { recursive: true });
  return { uploadId };
}

/** Whether an upload folder exists (the id is checked for shape first, so it is never a path). */
export async function uploadExists(dataDir: string, uploadId: string): Promise<boolean> {
  let folders: UploadFolders;
  try {
    folders = uploadFolders(dataDir, uploadId);
  } catch {
    return false;
  }
  return stat(folders.files).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

export interface ReceiveUploadOptions {
  dataDir: string;
  uploadId: string;
  /** The relative path as the browser sent it; sanitised here. */
  rawPath: string;
  body: ReadableStream<Uint8Array> | null;
  /** Content-Length, when the client sent one. */
  declaredBytes: number | null;
  maxBytes: number;
}

export interface ReceivedUpload {
  /** Where the file now lies, relative to the upload's files/ folder. */
  path: string;
  sizeBytes: number;
}

/**
 * Stores one uploaded file. Refusals the researcher should see in the import
 * report (bad name, too large, name taken) are also appended to the upload's
 * rejected.json; an aborted transfer is not, since the browser knows.
 */
export async function receiveUploadFile(options: ReceiveUploadOptions): Promise<ReceivedUpload> {
  const { dataDir, uploadId, rawPath, body, declaredBytes, maxBytes } = options;
  if (!(await uploadExists(dataDir, uploadId))) {
    throw new UploadError("UPLOAD_NOT_FOUND", `There is no upload ${uploadId}; start a new upload.`);
  }
  const folders = uploadFolders(dataDir, uploadId);
  const shownPath = displayPath(rawPath);
  const refuse = async (error: UploadError, reportedPath: string) => {
    await appendUploadRejection(folders.rejectedList, { path: reportedPath, code: error.code, reason: error.message });
    return error;
  };

  const relative = sanitiseUploadPath(rawPath);
  if (relative === null) {
    const message = `The file name "${shownPath}" has no usable characters; rename the file and upload it again.`;
    throw await refuse(new UploadError("UPLOAD_BAD_PATH", message), shownPath || "(unnamed)");
  }
  const tooLarge = (size: number | null) =>
    new UploadError("UPLOAD_TOO_LARGE", `${relative} is over the size limit: ${sizeOverLimit(size, maxBytes)} (UPLOAD_MAX_BYTES).`);
  if (declaredBytes !== null && declaredBytes > maxBytes) throw await refuse(tooLarge(declaredBytes), relative);

  const target = path.join(folders.files, ...relative.split("/"));
  // sanitiseUploadPath guarantees this; checked again because a mistake here writes anywhere.
  if (!target.startsWith(folders.files + path.sep)) throw new Error(`upload path escaped its folder: ${relative}`);
  const taken = () =>
    new UploadError("UPLOAD_PATH_TAKEN", `${relative} was already uploaded (another file of this upload has the same name); this copy was not kept.`);
  if (await exists(target)) throw await refuse(taken(), relative);

  const temporary = path.join(folders.root, `incoming-${randomUUID()}.part`);
  let received = 0;
  try {
    received = await writeBody(body, temporary, maxBytes, () => tooLarge(null));
    if (declaredBytes !== null && received !== declaredBytes) {
      const sizes = `${formatBytes(received)} of ${formatBytes(declaredBytes)}`;
      throw new UploadError("UPLOAD_INCOMPLETE", `${relative} arrived incomplete (${sizes}); upload it again.`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    // link fails when the name exists, so two parallel copies of one name cannot overwrite each other.
    await link(temporary, target).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EEXIST" ? taken() : error;
    });
  } catch (error) {
    if (error instanceof UploadError && (error.code === "UPLOAD_TOO_LARGE" || error.code === "UPLOAD_PATH_TAKEN")) {
      await appendUploadRejection(folders.rejectedList, { path: relative, code: error.code, reason: error.message });
    }
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return { path: relative, sizeBytes: received };
}

async function writeBody(
  body: ReadableStream<Uint8Array> | null,
  temporary: string,
  maxBytes: number,
  tooLarge: () => UploadError,
): Promise<number> {
  const handle = await open(temporary, "wx");
  let received = 0;
  const reader = body?.getReader();
  try {
    while (reader) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new UploadError("UPLOAD_INCOMPLETE", "The browser stopped sending the file before it was complete.", { cause: error });
      }
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      await handle.write(chunk.value);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return received;
}

async function exists(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    () => true,
    () => false,
  );
}

/** "3 GiB, more than the 2 GiB allowed"; in bytes when rounding would make the two look equal. */
function sizeOverLimit(size: number | null, maxBytes: number): string {
  if (size === null) return `larger than the ${formatBytes(maxBytes)} allowed`;
  const [shownSize, shownLimit] = [formatBytes(size), formatBytes(maxBytes)];
  return shownSize === shownLimit
    ? `${size} bytes, more than the ${maxBytes} bytes allowed`
    : `${shownSize}, more than the ${shownLimit} allowed`;
}

/** The browser's name as messages show it. */
function displayPath(raw: string): string {
  return stripControlCharacters(raw).slice(0, 300);
}
