"""Batch conversion on real files: outputs map back to inputs, bad files are errors, resume, timeouts."""
from __future__ import annotations

import csv
import json
import shutil
import time

import openpyxl
from typer.testing import CliRunner

import govdisclose
from govdisclose.batch import run_batch
from govdisclose.cli import app
from conftest import CORPUS

runner = CliRunner()


def _inputs(tmp_path):
    src = tmp_path / "in"
    (src / "2021").mkdir(parents=True)
    shutil.copy(CORPUS / "001_5f5c5b47d6ce5cb8.docx", src / "2021" / "yubei.docx")
    shutil.copy(CORPUS / "003_93f9a653648119be.tab.txt", src / "city.txt")
    shutil.copy(CORPUS / "002_434dd7b64f93f40d.pdf", src / "2017.pdf")
    (src / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (src / "empty.pdf").write_bytes(b"")
    return src


def test_batch_outputs_manifest_and_combined_files(tmp_path) -> None:
    src = _inputs(tmp_path)
    out = tmp_path / "out"
    r = runner.invoke(app, ["batch", str(src), "-o", str(out), "--workers", "2"])
    assert r.exit_code == 1  # two files failed; the others are all there
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    by_name = {f["path"].split("/")[-1]: f for f in manifest["files"]}
    assert manifest["finished"] is True and len(by_name) == 5
    assert by_name["broken.docx"]["status"] == "error" and by_name["broken.docx"]["reason"]
    assert by_name["empty.pdf"]["status"] == "error" and "empty" in by_name["empty.pdf"]["reason"]
    for name, rel in (("yubei.docx", "in/2021/yubei.docx.json"), ("city.txt", "in/city.txt.json"),
                      ("2017.pdf", "in/2017.pdf.json")):
        entry = by_name[name]
        assert entry["status"] == "ok" and entry["output"] == rel
        saved = json.loads((out / rel).read_text(encoding="utf-8"))
        direct = govdisclose.parse(entry["path"]).model_dump(mode="json")
        assert saved["tasks"] == direct["tasks"] and entry["tasks"] == len(direct["tasks"]) > 0
    total = sum(f["tasks"] for f in manifest["files"])
    with open(out / "tasks.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == total and rows[0]["measure"] and "区发展改革委" in {r["lead_units"] for r in rows}
    assert (out / "tasks.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len((out / "tasks.jsonl").read_text(encoding="utf-8").splitlines()) == total
    ws = openpyxl.load_workbook(out / "tasks.xlsx").active
    assert ws.freeze_panes == "A2" and ws.max_row == total + 1
    assert ws.cell(1, 10).value == "measure" and "公开" in ws.cell(2, 10).value


def test_resume_skips_finished_files(tmp_path) -> None:
    src = _inputs(tmp_path)
    out = tmp_path / "out"
    run_batch([str(src)], out, workers=1)
    again = run_batch([str(src)], out, workers=1, resume=True)
    reasons = {i.path.name: (i.status, i.reason) for i in again.items}
    assert reasons["yubei.docx"] == ("ok", "resumed") and reasons["city.txt"] == ("ok", "resumed")
    assert reasons["broken.docx"][0] == "error"  # failures are tried again
    assert len(list(csv.reader(open(out / "tasks.csv", encoding="utf-8-sig")))) > 100


def test_a_stuck_file_times_out_without_stopping_the_others(tmp_path, monkeypatch) -> None:
    import govdisclose.pipeline as pipeline

    real = pipeline.parse

    def slow(path, *a, **k):  # the forked worker inherits this patch
        if str(path).endswith("stuck.txt"):
            time.sleep(30)
        return real(path, *a, **k)

    monkeypatch.setattr(pipeline, "parse", slow)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "003_93f9a653648119be.tab.txt", src / "stuck.txt")
    shutil.copy(CORPUS / "003_93f9a653648119be.pipe.txt", src / "fine.txt")
    res = run_batch([str(src)], tmp_path / "out", workers=2, timeout=2)
    status = {i.path.name: (i.status, i.reason or "") for i in res.items}
    assert status["fine.txt"][0] == "ok"
    assert status["stuck.txt"][0] == "error" and "timed out" in status["stuck.txt"][1]


def test_glob_and_missing_inputs(tmp_path) -> None:
    src = _inputs(tmp_path)
    res = run_batch([str(src / "**" / "*.docx"), str(tmp_path / "nope.pdf")], tmp_path / "out", workers=1)
    names = {i.path.name: i.status for i in res.items}
    assert names == {"yubei.docx": "ok", "broken.docx": "error", "nope.pdf": "error"}


def test_per_file_csv_besides_json(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "003_93f9a653648119be.tab.txt", src / "city.txt")
    r = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "out"), "-f", "csv", "-w", "1"])
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(open(tmp_path / "out" / "in" / "city.txt.csv", encoding="utf-8-sig")))
    assert len(rows) == 25 and (tmp_path / "out" / "in" / "city.txt.json").exists()


def test_interrupted_run_leaves_a_manifest_and_no_partial_files(tmp_path) -> None:
    import signal
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    # largest inputs are started first: the fine one is the larger, so it runs before the stuck one
    shutil.copy(CORPUS / "001_5f5c5b47d6ce5cb8.tab.txt", src / "a_fine.txt")
    shutil.copy(CORPUS / "003_93f9a653648119be.pipe.txt", src / "b_stuck.txt")
    out = tmp_path / "out"
    script = (
        "import time, govdisclose.pipeline as p\n"
        "real = p.parse\n"
        "def slow(path, *a, **k):\n"
        "    if str(path).endswith('b_stuck.txt'): time.sleep(60)\n"
        "    return real(path, *a, **k)\n"
        "p.parse = slow\n"
        "from govdisclose.cli import main\n"
        f"import sys; sys.argv = ['govdisclose', 'batch', {str(src)!r}, '-o', {str(out)!r}, '-w', '1']\n"
        "main()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, stdout=subprocess.PIPE)
    deadline = time.time() + 30
    while time.time() < deadline and not (out / "in" / "a_fine.txt.json").exists():
        time.sleep(0.2)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err.decode()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["finished"] is False
    assert [f["path"].split("/")[-1] for f in manifest["files"]] == ["a_fine.txt"]
    assert manifest["pending"] and manifest["pending"][0].endswith("b_stuck.txt")
    assert not list(out.rglob("*.part")) and not (out / "in" / "b_stuck.txt.json").exists()
