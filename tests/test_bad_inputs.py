"""Hostile and broken files: exit 2, one line naming the file and the reason, no output file."""
from __future__ import annotations

import zipfile

import pikepdf
import pytest
from typer.testing import CliRunner

from govdisclose.cli import app
from conftest import CORPUS

runner = CliRunner()
GOOD_DOCX = CORPUS / "003_93f9a653648119be.docx"


def _blank_pdf(path, encrypt: bool = False) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    if encrypt:
        pdf.save(path, encryption=pikepdf.Encryption(owner="o", user="secret"))
    else:
        pdf.save(path)


def _zip_bomb(path) -> None:
    good = zipfile.ZipFile(GOOD_DOCX)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in good.infolist():
            z.writestr(item, good.read(item))
        z.writestr("word/media/bomb.bin", b"\0" * (8 * 2**20))


def _entities(path) -> None:
    good = zipfile.ZipFile(GOOD_DOCX)
    lol = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">' +
           "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) +
           ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(path, "w") as z:
        for item in good.infolist():
            z.writestr(item, lol if item.filename == "word/document.xml" else good.read(item))


CASES = {
    "empty.docx": (lambda p: p.write_bytes(b""), "empty file"),
    "spaces.txt": (lambda p: p.write_bytes(b"   \n\t \n"), "empty file"),
    "junk.txt": (lambda p: p.write_bytes(bytes(range(256)) * 40), "binary"),
    "notzip.docx": (lambda p: p.write_bytes(b"hello, I am not a Word file" * 3), "not a Word"),
    "truncated.docx": (lambda p: p.write_bytes(GOOD_DOCX.read_bytes()[:5000]), "docx"),
    "renamed.docx": (lambda p: _blank_pdf(p), "no text layer"),
    "scan.pdf": (lambda p: _blank_pdf(p), "no text layer"),
    "locked.pdf": (lambda p: _blank_pdf(p, encrypt=True), "encrypted"),
    "truncated.pdf": (lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj <<"), "PDF"),
    "bomb.docx": (_zip_bomb, "zip bomb"),
    "entities.docx": (_entities, "docx"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_refused_cleanly(tmp_path, name: str) -> None:
    make, reason = CASES[name]
    f = tmp_path / name
    make(f)
    out = tmp_path / "out.json"
    r = runner.invoke(app, ["parse", str(f), "-o", str(out), "--set", "max_unzipped_bytes=4000000"])
    err = r.stderr.strip()
    assert r.exit_code == 2, (r.exit_code, err)
    assert len(err.splitlines()) == 1 and name in err and reason in err, err
    assert "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".out.json*"))


def test_directory_is_refused(tmp_path) -> None:
    r = runner.invoke(app, ["parse", str(tmp_path)])
    assert r.exit_code == 2 and "folder" in r.stderr


def test_size_limit_flag(tmp_path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(("正文。" * 200000).encode())
    r = runner.invoke(app, ["parse", str(f), "--max-size", "1"])
    assert r.exit_code == 2 and "too large" in r.stderr and "big.txt" in r.stderr


def test_long_text_without_table_is_exit_1(tmp_path) -> None:
    f = tmp_path / "long.txt"
    f.write_bytes(("这是一段没有任何表格的正文。" * 8 + "\n").encode() * 20000)
    r = runner.invoke(app, ["parse", str(f)])
    assert r.exit_code == 1 and "no task table" in r.stderr
