import type { ExportItem } from "../export-item";
import { ExportFormatError } from "./export-format-error";

/**
 * Two spellings of the same one-turn conversation for fine-tuning an audio
 * language model (Qwen2.5-Omni with LoRA through ms-swift, for example):
 *
 * - "content-parts": each message's content is a list of typed parts,
 *   {"type":"audio","audio":<path>} and {"type":"text","text":…}, as
 *   Qwen2.5-Omni's chat template and ms-swift's InferRequest take them (ms-swift
 *   turns the audio part into an <audio> tag plus an `audios` entry).
 * - "audio-tag": ms-swift's documented dataset format, plain-text content with
 *   an <audio> tag where the clip goes and the path in a top-level `audios` list.
 *
 * Paths are the item's audio path, relative to the export root unless
 * `audioRoot` is given; ms-swift resolves relative media paths from the working
 * directory, so either train from the unpacked export or pass its absolute
 * location as audioRoot.
 */
export type ChatJsonlForm = "content-parts" | "audio-tag";

export interface ChatJsonlOptions {
  /** Default "content-parts". */
  readonly form?: ChatJsonlForm;
  /** A folder put in front of each audio path, e.g. "/data/exports/e12". */
  readonly audioRoot?: string;
}

/** Where the instruction lists the labels the model may answer with. */
export const CHAT_LABELS_PLACEHOLDER = "{labels}";

const AUDIO_TAG = "<audio>";

/** The instruction with every {labels} replaced by the labels joined with ", ". */
export function chatInstruction(instruction: string, labels: readonly string[]): string {
  return instruction.replaceAll(CHAT_LABELS_PLACEHOLDER, labels.join(", "));
}

/**
 * One training example, newline included: the user turn carries the clip and
 * the instruction (with {labels} filled in), the assistant turn answers with
 * the item's label. The label must be one of `labels`, so the model is never
 * taught an answer the instruction does not offer.
 */
export function chatJsonlLine(item: ExportItem, instruction: string, labels: readonly string[], options: ChatJsonlOptions = {}): string {
  if (!labels.includes(item.label)) {
    throw new ExportFormatError(
      `cannot write item ${item.id} as a chat example: its label '${item.label}' is not among the labels the instruction offers (${labels.join(", ")})`,
    );
  }
  const text = chatInstruction(instruction, labels);
  const audio = options.audioRoot === undefined ? item.audioPath : `${options.audioRoot.replace(/\/+$/, "")}/${item.audioPath}`;
  if ((options.form ?? "content-parts") === "content-parts") {
    const record = {
      messages: [
        {
          role: "user",
          content: [
            { type: "audio", audio },
            { type: "text", text },
          ],
        },
        { role: "assistant", content: [{ type: "text", text: item.label }] },
      ],
    };
    return `${JSON.stringify(record)}\n`;
  }
  if (text.includes(AUDIO_TAG)) {
    throw new ExportFormatError(`cannot use this chat instruction: it contains '${AUDIO_TAG}', which ms-swift would read as a second audio clip`);
  }
  const record = {
    messages: [
      { role: "user", content: `${AUDIO_TAG}${text}` },
      { role: "assistant", content: item.label },
    ],
    audios: [audio],
  };
  return `${JSON.stringify(record)}\n`;
}
