"""argparse speaking Vietnamese: its usage lines and error messages.

argparse looks its messages up through gettext at call time; routing that
lookup through a table here is the smallest way to translate it.
"""

from __future__ import annotations

import argparse
import sys

_MESSAGES = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện phiên bản chương trình rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ, có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}


def _translate(message: str) -> str:
    return _MESSAGES.get(message, message)


def _translate_plural(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


argparse._ = _translate  # type: ignore[attr-defined]
argparse.ngettext = _translate_plural  # type: ignore[attr-defined]


class ArgumentParser(argparse.ArgumentParser):
    """Usage errors in Vietnamese on stderr, exit status 2."""

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")
