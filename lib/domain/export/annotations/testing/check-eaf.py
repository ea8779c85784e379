"""Checks an EAF against the EAF 3.0 schema's rules that matter to ELAN, with
python3's own XML parser (an independent reader of our files), and prints a
JSON summary for the test to compare.

The rules checked (from EAFv3.0.xsd): the document's required attributes
(DATE, AUTHOR, VERSION), the order of its children, unique xsd:ID values
(TIME_SLOT_ID, ANNOTATION_ID, LANG_ID), required attributes of
MEDIA_DESCRIPTOR, TIME_SLOT, TIER, ALIGNABLE_ANNOTATION, CV_ENTRY_ML and
CVE_VALUE, and every reference: time slots, linguistic types, controlled
vocabularies, CV entries and languages. Also: whole-millisecond time
values, slots listed in time order, and no overlaps within a tier.

    python3 check-eaf.py file.eaf
"""

import json
import re
import sys
import xml.etree.ElementTree as ET

ORDER = ["LICENSE", "HEADER", "TIME_ORDER", "TIER", "LINGUISTIC_TYPE", "LOCALE", "LANGUAGE",
         "CONSTRAINT", "CONTROLLED_VOCABULARY", "LEXICON_REF", "REF_LINK_SET", "EXTERNAL_REF"]
DATE_TIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
NCNAME = re.compile(r"^[A-Za-z_][-A-Za-z0-9_.]*$")


def fail(problem):
    print(problem, file=sys.stderr)
    sys.exit(1)


def need(element, attribute):
    value = element.get(attribute)
    if value is None:
        fail(f"<{element.tag}> lacks required attribute {attribute}")
    return value


root = ET.parse(sys.argv[1]).getroot()
if root.tag != "ANNOTATION_DOCUMENT":
    fail(f"root is {root.tag}")
if not DATE_TIME.match(need(root, "DATE")):
    fail("DATE is not an xsd:dateTime")
need(root, "AUTHOR")
need(root, "VERSION")

positions = [ORDER.index(child.tag) if child.tag in ORDER else fail(f"unexpected <{child.tag}>") for child in root]
if positions != sorted(positions):
    fail("children are not in the schema's order: " + ", ".join(child.tag for child in root))
if [child.tag for child in root].count("HEADER") != 1 or [child.tag for child in root].count("TIME_ORDER") != 1:
    fail("there must be one HEADER and one TIME_ORDER")

ids = set()
def unique_id(value):
    if not NCNAME.match(value) or value in ids:
        fail(f"xsd:ID {value!r} is not a fresh NCName")
    ids.add(value)

header = root.find("HEADER")
media = [{"url": need(m, "MEDIA_URL"), "relative": m.get("RELATIVE_MEDIA_URL"), "mime": need(m, "MIME_TYPE")}
         for m in header.findall("MEDIA_DESCRIPTOR")]

slots = {}
previous = -1
for slot in root.find("TIME_ORDER").findall("TIME_SLOT"):
    slot_id = need(slot, "TIME_SLOT_ID")
    unique_id(slot_id)
    value = slot.get("TIME_VALUE")
    if value is None or not value.isdigit():
        fail(f"time slot {slot_id} has no whole TIME_VALUE")
    if int(value) < previous:
        fail("TIME_ORDER is not sorted by time")
    previous = int(value)
    slots[slot_id] = int(value)

languages = set()
for language in root.findall("LANGUAGE"):
    unique_id(need(language, "LANG_ID"))
    languages.add(language.get("LANG_ID"))

vocabularies = {}
for cv in root.findall("CONTROLLED_VOCABULARY"):
    entries = {}
    for entry in cv.findall("CV_ENTRY_ML"):
        values = entry.findall("CVE_VALUE")
        if not values:
            fail("CV_ENTRY_ML without CVE_VALUE")
        for value in values:
            if need(value, "LANG_REF") not in languages:
                fail("CVE_VALUE refers to an unknown language")
        entries[need(entry, "CVE_ID")] = values[0].text or ""
    vocabularies[need(cv, "CV_ID")] = entries

types = {}
for lt in root.findall("LINGUISTIC_TYPE"):
    cv = lt.get("CONTROLLED_VOCABULARY_REF")
    if cv is not None and cv not in vocabularies:
        fail(f"linguistic type refers to unknown CV {cv}")
    types[need(lt, "LINGUISTIC_TYPE_ID")] = cv

tiers = {}
for tier in root.findall("TIER"):
    tier_id = need(tier, "TIER_ID")
    type_ref = need(tier, "LINGUISTIC_TYPE_REF")
    if type_ref not in types or tier_id in tiers:
        fail(f"tier {tier_id}: unknown linguistic type or duplicate id")
    entries = vocabularies.get(types[type_ref]) or {}
    spans = []
    for annotation in tier.findall("ANNOTATION/ALIGNABLE_ANNOTATION"):
        unique_id(need(annotation, "ANNOTATION_ID"))
        start, end = slots.get(need(annotation, "TIME_SLOT_REF1")), slots.get(need(annotation, "TIME_SLOT_REF2"))
        if start is None or end is None or end <= start:
            fail(f"annotation {annotation.get('ANNOTATION_ID')} has bad time slots")
        value = annotation.findtext("ANNOTATION_VALUE")
        cve = annotation.get("CVE_REF")
        if cve is not None and entries.get(cve) != value:
            fail(f"annotation {annotation.get('ANNOTATION_ID')}: CVE_REF {cve} is not the entry for {value!r}")
        spans.append([start, end, value, cve])
    spans.sort()
    for before, after in zip(spans, spans[1:]):
        if after[0] < before[1]:
            fail(f"tier {tier_id} has overlapping annotations")
    tiers[tier_id] = {"annotator": tier.get("ANNOTATOR"), "annotations": spans}

print(json.dumps({
    "date": root.get("DATE"),
    "media": media,
    "slots": len(slots),
    "vocabulary": [entries for entries in vocabularies.values()],
    "tiers": tiers,
}, ensure_ascii=False, sort_keys=True))
