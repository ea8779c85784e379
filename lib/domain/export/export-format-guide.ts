import type { ExportFormat } from "./export-definition";

/**
 * One line per format for the datasheet: what the files are and how to load
 * them. Paths are named by role, not spelled out, so the guide stays true if
 * a writer renames a file; the datasheet's file list gives the exact names.
 */
export const EXPORT_FORMAT_GUIDE: Readonly<Record<ExportFormat, { readonly title: string; readonly howToLoad: string }>> = Object.freeze({
  jsonl: {
    title: "JSON Lines manifest",
    howToLoad: 'one item per line; `datasets.load_dataset("json", data_files=...)` or `json.loads` per line; audio paths are relative to this folder.',
  },
  audiofolder: {
    title: "Hugging Face audiofolder",
    howToLoad: 'split folders with a `metadata.csv` each; `datasets.load_dataset("audiofolder", data_dir=...)` gives train/validation/test splits.',
  },
  fairseq: {
    title: "fairseq manifest as emotion2vec's downstream recipe reads it",
    howToLoad: "per split a `.tsv` (first line the audio root, then relative path TAB sample count) and a `.emo` label file in the same order.",
  },
  "items-csv": { title: "items table (CSV)", howToLoad: "`pandas.read_csv(path)`; one row per item." },
  "items-tsv": { title: "items table (TSV)", howToLoad: '`pandas.read_csv(path, sep="\\t")`; one row per item.' },
  "curves-csv": {
    title: "frame-level emotion curves (CSV)",
    howToLoad: "one file per recording: a time column in seconds and one score column per emotion; `pandas.read_csv(path)`.",
  },
  "embeddings-npy": {
    title: "embeddings (NumPy)",
    howToLoad: "`numpy.load(path)` gives a float32 array of shape (items, dimensions); the index CSV maps each row to its item.",
  },
  textgrid: { title: "Praat TextGrid", howToLoad: "one per recording with human and model tiers; Praat: Open → Read from file, or `praatio`/`textgrid` in Python." },
  eaf: { title: "ELAN annotation", howToLoad: "one `.eaf` per recording with tiers per label source; open in ELAN beside the audio, or `pympi.Elan.Eaf(path)`." },
  rttm: { title: "RTTM", howToLoad: "NIST RTTM lines with the emotion in the speaker-name field; `pyannote.database.util.load_rttm(path)`." },
  audacity: { title: "Audacity label tracks", howToLoad: "tab-separated start, end, label; Audacity: File → Import → Labels." },
  "chat-jsonl": {
    title: "chat fine-tuning JSON Lines",
    howToLoad: "messages with a user turn (audio and instruction) and an assistant turn (the label), as ms-swift reads for Qwen2.5-Omni LoRA fine-tuning.",
  },
  "label-studio": { title: "Label Studio tasks", howToLoad: "import the JSON into a Label Studio project using the labelling configuration that comes with it." },
});
