#!/usr/bin/env python3
"""Generate the DICOM data dictionary resources of org.dicomcatalog.dicom.DataDictionary.

Source: the PS3.6 tables as packaged in pydicom by Debian (apt-get install python3-pydicom,
pydicom 2.3.1, DICOM 2022a). pydicom itself is not imported: the dict literals in _dicom_dict.py
(DicomDictionary, RepeatersDictionary), _private_dict.py (private_dictionaries) and _version.py are
read with ast.literal_eval, so the generator needs only the standard library and the files.

Usage (from the project root):
    python3 tools/generate-dictionary.py            # rewrite the two resources
    python3 tools/generate-dictionary.py --check    # exit 1 when the committed resources differ
    python3 tools/generate-dictionary.py --pydicom-dir DIR   # read the files from another pydicom copy

Output (rows sorted, so the same input always gives the same bytes):
    dictionary.tsv          tag vr vm keyword retired name
    private-dictionary.tsv  creator tag vr vm name retired
"""
import argparse
import ast
import sys
from pathlib import Path

DEFAULT_PYDICOM_DIR = Path("/usr/lib/python3/dist-packages/pydicom")
RESOURCES = Path(__file__).resolve().parent.parent / "src/main/resources/org/dicomcatalog/dicom"
REGENERATE = "python3 tools/generate-dictionary.py"


def literal(path, name):
    """The value of the module-level assignment `name` in `path`, evaluated as a literal."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"{path}: no literal assignment to {name}")


def mask_pair(mask):
    """pydicom's datadict.mask_match pair: (value with x as 0, AND mask with x nibbles as 0)."""
    return int(mask.replace("x", "0"), 16), int("".join("0" if c == "x" else "F" for c in mask), 16)


def check_masks_disjoint(repeaters):
    """pydicom returns the first matching mask; proving no tag matches two lets the rows be sorted."""
    pairs = {mask: mask_pair(mask) for mask in repeaters}
    for a, (value_a, and_a) in pairs.items():
        for b, (value_b, and_b) in pairs.items():
            if a < b and (value_a ^ value_b) & and_a & and_b == 0:
                raise SystemExit(f"repeater masks {a} and {b} overlap; their order would matter")


def field(text):
    if any(c in text for c in "\t\r\n"):
        raise SystemExit(f"field contains a tab or line break: {text!r}")
    return text


def vr_text(vr):
    # pydicom writes 'NONE' for Item and the delimiters, which have no VR; the resource leaves it empty
    return "" if vr == "NONE" else vr


def standard_rows(dictionary, repeaters):
    rows = [(f"{tag:08X}", entry) for tag, entry in dictionary.items()]
    rows += [(mask.upper().replace("X", "x"), entry) for mask, entry in repeaters.items()]
    # masks sort among the exact tags as if their x digits were 0
    rows.sort(key=lambda row: (row[0].replace("x", "0"), row[0]))
    for tag, (vr, vm, name, retired, keyword) in rows:
        yield [tag, vr_text(vr), vm, keyword, "Y" if retired else "N", name]


def private_rows(private):
    for creator in sorted(private):
        for tag in sorted(private[creator]):
            vr, vm, name, retired = private[creator][tag]
            yield [creator, tag, vr, vm, name, "Y" if retired else "N"]


def render(header, columns, rows):
    lines = [f"# {line}" for line in header] + ["# " + "\t".join(columns)]
    lines += ["\t".join(field(value) for value in row) for row in rows]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pydicom-dir", type=Path, default=DEFAULT_PYDICOM_DIR)
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args()

    version = literal(args.pydicom_dir / "_version.py", "__version__")
    dicom_version = literal(args.pydicom_dir / "_version.py", "__dicom_version__")
    repeaters = literal(args.pydicom_dir / "_dicom_dict.py", "RepeatersDictionary")
    check_masks_disjoint(repeaters)
    source = f"Source: DICOM PS3.6 {dicom_version} as packaged in Debian python3-pydicom {version}"
    outputs = {
        "dictionary.tsv": render(
            [source + " (_dicom_dict.py: DicomDictionary and RepeatersDictionary).",
             "Repeating groups keep pydicom's masks: x is any hex digit. Regenerate: " + REGENERATE],
            ["tag", "vr", "vm", "keyword", "retired", "name"],
            standard_rows(literal(args.pydicom_dir / "_dicom_dict.py", "DicomDictionary"), repeaters)),
        "private-dictionary.tsv": render(
            [source + " (_private_dict.py: private_dictionaries, taken by pydicom from GDCM).",
             "Tags keep pydicom's masks: xx is the private block byte. Regenerate: " + REGENERATE],
            ["creator", "tag", "vr", "vm", "name", "retired"],
            private_rows(literal(args.pydicom_dir / "_private_dict.py", "private_dictionaries"))),
    }
    stale = []
    for name, text in outputs.items():
        path = RESOURCES / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    if stale:
        sys.exit("out of date, run " + REGENERATE + ": " + ", ".join(stale))


if __name__ == "__main__":
    main()
