#!/usr/bin/python3
"""Reads export files back with the readers training code uses, for the tests.

    read_back.py jsonl FILE                  json.loads per line
    read_back.py csv FILE                    csv.reader, RFC 4180
    read_back.py tsv FILE                    csv.reader(delimiter="\\t", quoting=QUOTE_NONE), escapes undone
    read_back.py audiofolder ROOT SPLIT...   each SPLIT/metadata.csv with csv.DictReader, file_name resolved
    read_back.py npy FILE                    numpy.load
    read_back.py fairseq DIR NAME            NAME.tsv and NAME.emo as emotion2vec's recipe and fairseq read them
    read_back.py chat FILE                   json.loads per line, then ms-swift's standard form (messages with
                                             <audio> tags and an audios list), as its template inputs build it

Prints one JSON document on stdout. Standard library only, except numpy for npy.
"""

import csv
import json
import os
import sys


def read_jsonl(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    lines = text.split("\n")
    # Every record ends with a newline, so the text splits into records plus one empty tail.
    assert lines[-1] == "", "file does not end with a newline"
    records = [json.loads(line) for line in lines[:-1]]
    # Python dicts keep the order json.loads met the keys in, which is the order written.
    return [{"keys": list(record.keys()), "value": record} for record in records]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


TSV_UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def unescape_tsv(cell):
    out, i = [], 0
    while i < len(cell):
        pair = cell[i : i + 2]
        if pair in TSV_UNESCAPE:
            out.append(TSV_UNESCAPE[pair])
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [[unescape_tsv(cell) for cell in row] for row in rows]


def read_audiofolder(root, splits):
    # What AudioFolder does with a metadata file: file_name is relative to the file's folder.
    out = {}
    for split in splits:
        folder = os.path.join(root, split)
        with open(os.path.join(folder, "metadata.csv"), newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            rows = []
            for row in reader:
                audio = os.path.join(folder, row["file_name"])
                rows.append({"columns": reader.fieldnames, "row": row, "audio_exists": os.path.isfile(audio)})
        out[split] = rows
    return out


def read_npy(path):
    import numpy as np

    a = np.load(path, allow_pickle=False)
    return {
        "dtype": str(a.dtype),
        "shape": list(a.shape),
        "c_contiguous": bool(a.flags.c_contiguous),
        "values": [float(x) for x in a.ravel()],
    }


def read_fairseq(folder, name):
    # emotion2vec iemocap_downstream/scripts/emotion2vec_speech_features.py, get_iterator:
    with open(os.path.join(folder, name) + ".tsv", "r") as fp:
        lines = fp.read().split("\n")
        root = lines.pop(0).strip()
        files = [os.path.join(root, line.split("\t")[0]) for line in lines if len(line) > 0]
    # fairseq FileAudioDataset: each line stripped, split on tabs, exactly two fields, an integer size.
    sizes = []
    with open(os.path.join(folder, name) + ".tsv", "r") as f:
        f.readline()
        for line in f:
            items = line.strip().split("\t")
            assert len(items) == 2, line
            sizes.append(int(items[1]))
    # emotion2vec iemocap_downstream/data.py load_dataset reads the label as split()[1];
    # scripts/iemocap_manifest.py reads the id as split("\t")[0].
    ids, labels = [], []
    with open(os.path.join(folder, name) + ".emo", "r") as f:
        for line in f:
            ids.append(line.split("\t")[0])
            labels.append(line.rstrip().split()[1])
    return {"root": root, "files": files, "sizes": sizes, "ids": ids, "labels": labels}


def to_swift_standard(record):
    # What ms-swift's StdTemplateInputs does with content given as typed parts
    # (swift/llm/template/template_inputs.py, remove_messages_media): text parts
    # are concatenated, a media part becomes its <tag> and its value is appended
    # to the matching list. Plain-string content is left as it is.
    media = {"images": [], "audios": [], "videos": []}
    messages = []
    for message in record["messages"]:
        content = message["content"]
        if not isinstance(content, str):
            text = ""
            for part in content:
                kind = part["type"]
                if kind == "text":
                    text += part["text"]
                    continue
                text += "<" + kind + ">"
                media[kind + "s"].append(part[kind])
            content = text
        messages.append({"role": message["role"], "content": content})
    for key in media:
        media[key] = media[key] or list(record.get(key, []))
    return {"messages": messages, **media}


def read_chat(path):
    return [to_swift_standard(record["value"]) for record in read_jsonl(path)]


def main(argv):
    kind = argv[1]
    if kind == "jsonl":
        result = read_jsonl(argv[2])
    elif kind == "csv":
        result = read_csv(argv[2])
    elif kind == "tsv":
        result = read_tsv(argv[2])
    elif kind == "audiofolder":
        result = read_audiofolder(argv[2], argv[3:])
    elif kind == "npy":
        result = read_npy(argv[2])
    elif kind == "chat":
        result = read_chat(argv[2])
    elif kind == "fairseq":
        result = read_fairseq(argv[2], argv[3])
    else:
        raise SystemExit("unknown kind " + kind)
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv)
