"""``index.json`` written one row per line, so that a search parses only the lines that can match.

The file stays one JSON object that TinyDB reads (table ``summaries``, one document per check;
table ``state`` with the modification time of ``checks/`` when it was written)::

    {"summaries":{
    "1":{"id":"…","search":"ayse celik oudegracht 101 …",…},
    "2":{…}
    },"state":{"1":{"checks":1796505288441414167,"rows":2}}}

JSON escapes every line break inside a string, so each row is exactly one line. A search for
words reads the file as bytes and parses only the lines that contain every word, as the row's
folded ``search`` text does (a line that contains them elsewhere is parsed and then dropped).
``rows`` says what the rows hold (``ROW_FORMAT``): an index written by an app whose rows held
less (no related-check keys, a shorter search text) is read whole and its rows made anew.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

TABLE = "summaries"
STATE = "state"
# 2: rows with related-check keys (match_keys) and KVK numbers, UBOs, representatives and the
# postcode without its space in the search text. 3: whether the advice is still incomplete.
ROW_FORMAT = 3
_HEAD = b'{"' + TABLE.encode() + b'":{'
_TAIL = b'},"' + STATE.encode() + b'":'


def _line(row: dict[str, Any]) -> bytes:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def index_payload(rows: Iterable[dict[str, Any]], folder_stamp: int | None) -> bytes:
    """The bytes of ``index.json`` for ``rows``; ``folder_stamp``: the modification time (ns)
    of ``checks/`` that the rows are in line with, if known."""
    lines = [_HEAD]
    body = [b'"%d":' % number + _line(row) for number, row in enumerate(rows, start=1)]
    lines += [part + b"," for part in body[:-1]] + body[-1:]
    state = {"1": {"checks": folder_stamp, "rows": ROW_FORMAT}}
    lines.append(_TAIL + _line(state) + b"}")
    return b"\n".join(lines)


def one_row_per_line(content: bytes) -> bool:
    """Whether the index ``content`` is laid out one row per line (an older app wrote it as one
    line; it is rewritten once at the next full reading)."""
    return content.startswith(_HEAD + b"\n")


def searchable(words: list[str]) -> bool:
    """Whether the words appear in a row's line as they are (JSON escapes no other character)."""
    return bool(words) and not any(
        '"' in word or "\\" in word or any(ord(c) < 0x20 for c in word) for word in words
    )


def rows_with_words(raw: bytes, words: list[str]) -> tuple[list[dict[str, Any]], int] | None:
    """The rows of ``raw`` whose line holds every word, and the folder stamp the file records;
    None when ``raw`` is not laid out one row per line (then it must be read whole)."""
    lines = raw.split(b"\n")
    if len(lines) < 2 or lines[0] != _HEAD or not lines[-1].startswith(_TAIL):
        return None
    try:
        state = json.loads(lines[-1][len(_TAIL) : -1])
        stamp = state["1"]["checks"]
        if not isinstance(stamp, int) or state["1"].get("rows") != ROW_FORMAT:
            return None
        encoded = [word.encode() for word in words]
        found = []
        for line in lines[1:-1]:
            if all(word in line for word in encoded):
                row = json.loads(line[line.index(b":") + 1 :].removesuffix(b","))
                if not isinstance(row, dict) or not isinstance(row.get("id"), str):
                    return None
                found.append(row)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return found, stamp


def current_rows(data: dict[str, Any]) -> bool:
    """Whether the rows of ``index.json`` as read (``data``) hold what this app's rows hold."""
    state = data.get(STATE, {}).get("1")
    return isinstance(state, dict) and state.get("rows") == ROW_FORMAT
