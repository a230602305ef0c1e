"""Vietnamese names in their own order: family name, middle name, given name.

``Nguyen Van Hung``, ``Pham Thi Hoa``, ``LE VAN THANH``, ``Tran Duc Long``, ``Nguyễn Thị
Kim Anh``: a family name of the common few (Nguyen, Tran, Le, Pham…), then a middle name
of the common few (Van and Thi above all, Duc, Minh, Quoc…), then one or two given names.
Each word alone is short and often an English word or a syllable of other languages (``Le``,
``Do``, ``Van``, ``Long``), so the layers miss them or take a part; written together in this
order they are one person (all 119 such runs in batches A-BB are labelled as people).
"""

from __future__ import annotations

import re

from moderator.anonymise.lexicon import phrase_key
from moderator.anonymise.state import NAME_KINDS, State

_FAMILY = (
    r"Nguyen|Nguyễn|Tran|Trần|Le|Lê|Pham|Phạm|Hoang|Hoàng|Huynh|Huỳnh|Phan|Vu|Vũ|Vo|Võ|Dang"
    r"|Đặng|Bui|Bùi|Do|Đỗ|Ho|Hồ|Ngo|Ngô|Duong|Dương|Ly|Lý|Trinh|Trịnh|Dinh|Đinh|Truong"
    r"|Trương|Lam|Lâm|Mai|Cao|Ta|Tạ|Luong|Lương|Doan|Đoàn|Vuong|Vương"
)
_MIDDLE = (
    r"Van|Văn|Thi|Thị|Duc|Đức|Minh|Thanh|Quoc|Quốc|Huu|Hữu|Ngoc|Ngọc|Xuan|Xuân|Hong|Hồng|Kim"
    r"|Anh|Thu|Bao|Bảo|Gia|Tuan|Tuấn|Dinh|Đình|Cong|Công|Manh|Mạnh|Phuong|Phương"
)
_GIVEN = r"[A-ZÀ-Ỹ][a-zà-ỹ]+|[A-ZÀ-Ỹ]{2,}"
# in title case or capitals (the family name often in capitals: "NGUYEN Van Minh"); a
# fourth word only where it is a given name too ("Nguyễn Thị Kim Anh")
_NAME = re.compile(
    rf"(?<![\w'’-])(?:{_FAMILY}|(?i:{_FAMILY}))[ \t]+(?:{_MIDDLE}|(?i:{_MIDDLE}))[ \t]+"
    rf"(?:{_GIVEN})(?:[ \t]+[A-ZÀ-Ỹ][a-zà-ỹ]+)?(?![\w'’-])"
)
_QUICK = re.compile(
    r"(?i:\b(?:van|văn|thi|thị|duc|đức|minh|thanh|quoc|huu|ngoc|xuan|hong|kim|anh|thu|bao|gia"
    r"|tuan|dinh|cong|manh|phuong)\b)"
)


def find_vietnamese_names(st: State) -> None:
    """Take a Vietnamese name written in its own order as one person (see the module)."""
    text = st.text
    if _QUICK.search(text) is None:
        return
    for m in _NAME.finditer(text):
        start, end = m.span()
        words = m.group().split()
        if len(words) == 4 and phrase_key(words[3])[0] in st.lex.common:
            end = m.start() + len(" ".join(words[:3]))  # "Tran Thi Lan said": three words
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if any(c.kind not in NAME_KINDS or c.start < start or c.end > end for c in inside):
            continue  # (a longer redaction holds it: its own)
        record = next((c for c in inside if c.kind in ("child", "family", "worker")), None)
        for c in inside:
            st.cands.remove(c)
            st.taken[c.start : c.end] = bytes(c.end - c.start)
        kind, ident = (record.kind, record.ident) if record else ("person", None)
        st.take(start, end, kind, ident or "p:" + " ".join(phrase_key(text[start:end])), 62)
