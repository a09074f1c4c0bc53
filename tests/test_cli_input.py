"""Bad input: one line naming the file and the problem, exit status 2, never a traceback."""
import json

import pytest

from cliograph.errors import InputError
from cliograph.ingest import ingest_bytes

from .conftest import cli

GOOD = "The talks began in Geneva. 1\nThey ended badly.\n"

BAD_CASES = [
    (b"", "empty file", "empty"),
    (b"   \n\n", "empty file", "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "binary with NUL bytes"),
    (b"page_26\nPage 26\n\n{27}\n", "only page markers", "only markers"),
    (b"\xff\xfe\x00\xd8", "undecodable", "UTF-16 BOM with a lone surrogate"),
]


@pytest.mark.parametrize("data,problem,reason", BAD_CASES, ids=[c[2] for c in BAD_CASES])
def test_bad_input_refused(tmp_path, data, problem, reason):
    with pytest.raises(InputError) as e:
        ingest_bytes(data, "bad.txt")
    assert problem in str(e.value) and "bad.txt" in str(e.value)
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    r = cli("analyze", "--structure-only", str(path))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert str(path) in err and problem in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_huge_single_line_refused(tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_bytes(b"word " * 10_000_000)  # 50 MB, no newline
    r = cli("analyze", "--structure-only", str(path))
    assert r.returncode == 2
    assert "line" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


ENCODINGS = [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
    ("cp1252", b"", "cp1252"),
]


@pytest.mark.parametrize("codec,bom,recorded", ENCODINGS)
def test_decoding(codec, bom, recorded):
    text = "The caf\u00e9 \u201cTreaty\u201d was signed.\r\nIt held.\n"
    doc = ingest_bytes(bom + text.encode(codec), "enc.txt")
    assert doc.source.encoding == recorded
    assert "caf\u00e9 \u201cTreaty\u201d" in doc.text
    assert doc.source.chars == len(text)


def test_batch_skips_bad_files_and_keeps_order(tmp_path):
    paths = []
    for i, data in enumerate([GOOD.encode(), b"", (b"Second text. 2\nIt ends.\n")]):
        p = tmp_path / f"f{i}.txt"
        p.write_bytes(data)
        paths.append(str(p))
    out = tmp_path / "out.jsonl"
    r = cli("analyze", "--structure-only", *paths, "--format", "jsonl", "-o", str(out))
    assert r.returncode == 2
    assert "f1.txt" in r.stderr.decode() and "empty" in r.stderr.decode()
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["source"]["name"] for row in rows] == ["f0.txt", "f2.txt"]


def test_missing_file_and_bad_date(tmp_path):
    r = cli("analyze", "--structure-only", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "no such file" in r.stderr.decode()
    p = tmp_path / "a.txt"
    p.write_text(GOOD)
    r = cli("analyze", "--structure-only", str(p), "--reference-date", "1960/07/16")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr.decode()


def test_reference_date_recorded(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(GOOD)
    r = cli("analyze", "--structure-only", str(p), "--reference-date", "1960-07-16")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["source"]["reference_date"] == "1960-07-16"


def test_read_prints_marks(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The talks began.\npage_5\nPage 5\nThey ended badly. 12\n")
    r = cli("read", str(p))
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "[p. 4]" in out and "[p. 5]" in out and "[n. 12]" in out


def test_every_command_is_documented():
    from cliograph.cli.main import cli as group

    readme = (cli.__globals__["ROOT"] / "README.md").read_text()
    for name, command in group.commands.items():
        assert command.help and "Example:" in command.help, name
        assert f"cliograph {name}" in readme, f"README does not show `cliograph {name}`"
