"""The data package passes `frictionless validate`, and a corrupted copy does not."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from etl import schema

BIN = Path(sys.executable).parent


def frictionless(package):
    return subprocess.run(
        [str(BIN / "frictionless"), "validate", "--json", str(package)],
        capture_output=True, text=True, cwd=package.parent,
    )


def test_package_is_valid(built):
    paths, _ = built
    result = frictionless(paths.package)
    assert result.returncode == 0, result.stdout[-3000:]
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert len(report["tasks"]) == 2 * len(schema.TABLES)


def test_committed_package_is_valid():
    result = frictionless(Path(__file__).resolve().parent.parent / "datapackage.json")
    assert result.returncode == 0, result.stdout[-3000:]


def corrupt(paths, tmp_path, table, change):
    copy = tmp_path / "corrupt"
    shutil.copytree(paths.data, copy / "data")
    shutil.copy(paths.package, copy / "datapackage.json")
    target = copy / "data" / f"{table}.csv"
    target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
    return copy / "datapackage.json"


def test_a_misspelt_vocabulary_word_is_rejected(built, tmp_path):
    paths, _ = built
    package = corrupt(paths, tmp_path, "claims", lambda text: text.replace(",transferred,", ",handed,", 1))
    result = frictionless(package)
    assert result.returncode != 0
    assert "constraint-error" in result.stdout


def test_a_claim_pointing_at_a_missing_source_is_rejected(built, tmp_path):
    paths, _ = built

    def orphan(text):
        header, first, *rest = text.split("\n", 2)
        claim_id, source_id, tail = first.split(",", 2)
        return "\n".join([header, f"{claim_id},no-such-source,{tail}", *rest])

    result = frictionless(corrupt(paths, tmp_path, "claims", orphan))
    assert result.returncode != 0
    assert "foreign-key" in result.stdout


def test_a_negative_figure_is_rejected(built, tmp_path):
    paths, _ = built

    def negative(text):
        lines = text.split("\n")
        header = lines[0].split(",")
        # The value column is simple: no quotes, no commas, in every row.
        cells = lines[1].split(",")
        position = header.index("value")
        cells[position] = "-" + cells[position]
        lines[1] = ",".join(cells)
        return "\n".join(lines)

    result = frictionless(corrupt(paths, tmp_path, "claims", negative))
    assert result.returncode != 0
