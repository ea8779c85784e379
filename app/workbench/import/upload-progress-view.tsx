"use client";

import { formatBytes } from "@/lib/http/format-bytes";
import type { UploadProgress } from "./upload-transfer";

export function UploadProgressView({ progress, onCancel }: { progress: UploadProgress; onCancel: () => void }) {
  return (
    <div className="progress-block" aria-live="polite">
      <progress aria-label="Upload progress" max={Math.max(progress.bytesTotal, 1)} value={progress.bytesDone} />
      <p>
        Uploading file {Math.min(progress.filesDone + 1, progress.filesTotal)} of {progress.filesTotal}: {formatBytes(progress.bytesDone)} of{" "}
        {formatBytes(progress.bytesTotal)}
      </p>
      {progress.current.length > 0 && <p className="progress-block__current">{progress.current.join(", ")}</p>}
      <button type="button" className="button" onClick={onCancel}>
        Cancel upload
      </button>
    </div>
  );
}
