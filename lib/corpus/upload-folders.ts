import path from "node:path";

/**
 * Where a browser upload lands: DATA_DIR/uploads/<uploadId>/files/<sanitised
 * relative path>, with the files refused on the way (too large, bad name)
 * listed in rejected.json for the import report. Upload ids are UUIDs made by
 * the server, so the folder name never comes from the browser.
 */
export interface UploadFolders {
  root: string;
  files: string;
  rejectedList: string;
}

export function uploadFolders(dataDir: string, uploadId: string): UploadFolders {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new Error(`Not an upload id: ${uploadId}`);
  const root = path.join(dataDir, "uploads", uploadId);
  return { root, files: path.join(root, "files"), rejectedList: path.join(root, "rejected.json") };
}
