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
from moderator.anonymise.nearby import starting_with_folded
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
# the middle name first (few words, found quickly), then the family name before it and the
# given name or names after it; in title case or capitals ("NGUYEN Van Minh"), a fourth word
# only where it is written in title case too ("Nguyễn Thị Kim Anh")
_MIDDLE_RE = re.compile(rf"[ \t](?P<m>{_MIDDLE}|(?i:{_MIDDLE}))[ \t]+(?=[A-ZÀ-Ỹ])")
# what each match of _MIDDLE_RE starts with (in lower case), where it is tried
_MIDDLE_STARTS = tuple(gap + w.lower() for w in _MIDDLE.split("|") for gap in " \t")
_FAMILY_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_FAMILY}|(?i:{_FAMILY}))\Z")
_GIVEN_AFTER = re.compile(rf"(?:{_GIVEN})(?:[ \t]+[A-ZÀ-Ỹ][a-zà-ỹ]+)?(?![\w'’-])")


def find_vietnamese_names(st: State) -> None:
    """Take a Vietnamese name written in its own order as one person (see the module)."""
    text = st.text
    for mid in starting_with_folded(_MIDDLE_RE, text, _MIDDLE_STARTS):
        if not mid.group("m")[:1].isupper():
            continue
        family = _FAMILY_BEFORE.search(text, max(0, mid.start() - 8), mid.start())
        given = _GIVEN_AFTER.match(text, mid.end())
        if family is None or given is None:
            continue
        start, end = family.start(), given.end()
        words = text[start:end].split()
        if len(words) == 4 and phrase_key(words[3])[0] in st.lex.common:
            end = start + len(" ".join(words[:3]))  # "Tran Thi Lan Said": three words
        inside = [c for c in st.cands if c.start < end and start < c.end]
        if any(c.kind not in NAME_KINDS or c.start < start or c.end > end for c in inside):
            continue  # (a longer redaction holds it: its own)
        record = next((c for c in inside if c.kind in ("child", "family", "worker")), None)
        for c in inside:
            st.cands.remove(c)
            st.taken[c.start : c.end] = bytes(c.end - c.start)
        kind, ident = (record.kind, record.ident) if record else ("person", None)
        st.take(start, end, kind, ident or "p:" + " ".join(phrase_key(text[start:end])), 62)
