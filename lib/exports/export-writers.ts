import type { ExportDefinition, ExportFormat } from "../domain/export/export-definition";
import type { ExportItem } from "../domain/export/export-item";
import { audiofolderMetadataHeader, audiofolderMetadataPath, audiofolderMetadataRow } from "../domain/export/formats/audiofolder-metadata";
import { chatJsonlLine } from "../domain/export/formats/chat-jsonl";
import { embeddingsIndexHeader, embeddingsIndexRow } from "../domain/export/formats/embeddings-index";
import { fairseqEmoLine, fairseqManifestFileNames, fairseqManifestHeader, fairseqManifestLine } from "../domain/export/formats/fairseq-manifest";
import { itemsTableHeader, itemsTableRow } from "../domain/export/formats/items-table";
import { jsonlManifestLine } from "../domain/export/formats/jsonl-manifest";
import { npyFloat32Bytes, npyHeader } from "../domain/export/formats/npy-header";
import { createHashedFileWriter, type HashedFileWriter, type WrittenFile } from "./hashed-file-writer";

/**
 * The item-level files of an export (manifests, tables, the embeddings
 * matrix), each opened on first use and fed one item at a time, so memory
 * stays flat however many items there are. Audio clips live once under
 * audio/<split>/ and every manifest points there: the audiofolder layout is
 * that folder, with a metadata.csv per split. The fairseq manifests' root
 * is "." : run the recipe from the unpacked export's folder.
 */
export interface ItemFileWriters {
  add(item: ExportItem, embedding: Float32Array | null): Promise<void>;
  close(): Promise<WrittenFile[]>;
  abandon(): Promise<void>;
}

const AUDIOFOLDER_ROOT = "audio";

export function createItemFileWriters(
  root: string,
  definition: ExportDefinition,
  options: { labels: readonly string[]; chatInstruction: string; embeddingRows: number; embeddingDims: number },
): ItemFileWriters {
  const formats = new Set<ExportFormat>(definition.formats);
  const open = new Map<string, Promise<HashedFileWriter>>();
  // Opened in the order first used; header written once.
  const writer = (relativePath: string, header?: () => string | Uint8Array) => {
    let pending = open.get(relativePath);
    if (!pending) {
      pending = createHashedFileWriter(root, relativePath).then(async (created) => {
        if (header) await created.write(header());
        return created;
      });
      open.set(relativePath, pending);
    }
    return pending;
  };
  let embeddingRow = 0;

  return {
    async add(item, embedding) {
      if (formats.has("jsonl")) await (await writer("manifest.jsonl")).write(jsonlManifestLine(item));
      if (formats.has("audiofolder")) {
        await (await writer(`${AUDIOFOLDER_ROOT}/${audiofolderMetadataPath(item.split)}`, audiofolderMetadataHeader)).write(audiofolderMetadataRow(item));
      }
      if (formats.has("fairseq")) {
        const names = fairseqManifestFileNames(item.split);
        await (await writer(`fairseq/${names.manifest}`, () => fairseqManifestHeader("."))).write(fairseqManifestLine(item));
        await (await writer(`fairseq/${names.labels}`)).write(fairseqEmoLine(item));
      }
      if (formats.has("items-csv")) await (await writer("items.csv", () => itemsTableHeader(","))).write(itemsTableRow(item, ","));
      if (formats.has("items-tsv")) await (await writer("items.tsv", () => itemsTableHeader("\t"))).write(itemsTableRow(item, "\t"));
      if (formats.has("chat-jsonl")) await (await writer("chat.jsonl")).write(chatJsonlLine(item, options.chatInstruction, options.labels));
      if (formats.has("embeddings-npy") && embedding && options.embeddingDims > 0) {
        const matrix = await writer("embeddings/embeddings.npy", () => npyHeader("<f4", [options.embeddingRows, options.embeddingDims]));
        await matrix.write(npyFloat32Bytes(embedding));
        await (await writer("embeddings/index.csv", embeddingsIndexHeader)).write(embeddingsIndexRow(item, embeddingRow));
        embeddingRow += 1;
      }
    },
    async close() {
      const written: WrittenFile[] = [];
      for (const pending of open.values()) written.push(await (await pending).close());
      return written;
    },
    async abandon() {
      for (const pending of open.values()) await (await pending.catch(() => null))?.abandon();
    },
  };
}
