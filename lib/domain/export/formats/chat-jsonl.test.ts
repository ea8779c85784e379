import { describe, expect, it } from "vitest";
import { chatInstruction, chatJsonlLine } from "./chat-jsonl";
import { ExportFormatError } from "./export-format-error";
import { PYTHON, readBack } from "./testing/python-read-back";
import { HUMAN_ITEM, SAMPLE_ITEMS, withFields } from "./testing/sample-items";

const INSTRUCTION = "Which emotion does the speaker express? Answer with one of: {labels}.";
const LABELS = ["happy", "negative", "neutral"];
const FILLED = "Which emotion does the speaker express? Answer with one of: happy, negative, neutral.";

describe("chatJsonlLine", () => {
  it("writes a user turn with the clip and instruction and an assistant turn with the label, as typed content parts", () => {
    expect(chatInstruction(INSTRUCTION, LABELS)).toBe(FILLED);
    expect(chatJsonlLine(HUMAN_ITEM, INSTRUCTION, LABELS)).toBe(
      '{"messages":[{"role":"user","content":[{"type":"audio","audio":"audio/train/rec01.wav"},' +
        `{"type":"text","text":"${FILLED}"}]},{"role":"assistant","content":[{"type":"text","text":"happy"}]}]}\n`,
    );
  });

  it("writes ms-swift's <audio> tag form, and an audio root in front of the path when given", () => {
    expect(chatJsonlLine(HUMAN_ITEM, INSTRUCTION, LABELS, { form: "audio-tag", audioRoot: "/data/e12/" })).toBe(
      `{"messages":[{"role":"user","content":"<audio>${FILLED}"},{"role":"assistant","content":"happy"}],"audios":["/data/e12/audio/train/rec01.wav"]}\n`,
    );
  });

  it("escapes instruction text as JSON and keeps one line per example", () => {
    const line = chatJsonlLine(HUMAN_ITEM, 'Say "which"\nemotion:\t{labels}', LABELS);
    expect(line).toContain('"text":"Say \\"which\\"\\nemotion:\\thappy, negative, neutral"');
    expect(line.indexOf("\n")).toBe(line.length - 1);
  });

  it("refuses a label the instruction does not offer and an instruction that already holds an <audio> tag", () => {
    expect(() => chatJsonlLine(withFields(HUMAN_ITEM, { label: "sad" }), INSTRUCTION, LABELS)).toThrow(ExportFormatError);
    expect(() => chatJsonlLine(withFields(HUMAN_ITEM, { label: "sad" }), INSTRUCTION, LABELS)).toThrow("label 'sad' is not among");
    expect(() => chatJsonlLine(HUMAN_ITEM, "<audio> {labels}", LABELS, { form: "audio-tag" })).toThrow("<audio>");
  });

  it.skipIf(PYTHON === null)("both forms read back with Python's json to the same ms-swift standard example (skipped without python3)", () => {
    const parts = SAMPLE_ITEMS.map((item) => chatJsonlLine(item, INSTRUCTION, LABELS)).join("");
    const tagged = SAMPLE_ITEMS.map((item) => chatJsonlLine(item, INSTRUCTION, LABELS, { form: "audio-tag" })).join("");
    const fromParts = readBack("chat", { "chat.jsonl": parts }, ["{dir}/chat.jsonl"]);
    const fromTags = readBack("chat", { "chat.jsonl": tagged }, ["{dir}/chat.jsonl"]);
    expect(fromParts).toEqual(fromTags);
    expect((fromParts as unknown[])[1]).toEqual({
      messages: [
        { role: "user", content: `<audio>${FILLED}` },
        { role: "assistant", content: "negative" },
      ],
      images: [],
      audios: ["audio/validation/rec02_reg7.wav"],
      videos: [],
    });
  });
});
