"""``pdftotext -raw`` text: cells one after another, rebuilt with the unit dictionary."""
from __future__ import annotations


def raw_table(lines):
    return None
