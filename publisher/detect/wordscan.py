"""Find candidate words fast: one C-level regular-expression scan instead of a Python loop over
every word.

The scanners of this package (temporal expressions, tense cues, event words) look only at words
from a fixed list. Trying a list of a hundred words as a plain alternation costs a hundred checks
per character, so the list is compiled as a trie (shared prefixes factored out), which the regex
engine walks one character at a time. The scan runs over the lower-cased text, so it is used only
when lower-casing keeps every offset (`same_length_lower`); callers verify each hit with their
own exact test, so the scan need only find a superset of the words they want.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Trie = dict[str, "Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching exactly the given (lower-case) words, as a trie."""
    trie: Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: Trie) -> str:
        branches = [re.escape(char) + build(node[char]) for char in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def lowered(text: str) -> str | None:
    """`text` lower-cased, or None when lower-casing would move offsets ("İ" becomes two
    characters) or turn a character that is not an ASCII letter into one (the Kelvin sign "K"
    becomes "k"). Otherwise every character keeps its place, its class (word character, digit)
    and, for ASCII letters, its letter."""
    low = text.lower()
    return low if len(low) == len(text) and "\u212a" not in text else None


# The only characters beyond ASCII that a case-insensitive pattern matches to an ASCII letter
# ("İ" and "ı" to i, "ſ" to s, the Kelvin sign to k).
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


class Hints:
    """Words one of which a pattern needs in any text it matches: a cheap test to run first.

    `absent(text)` is True only when the text holds none of the (lower-case) words in any case; a
    pattern that needs one of them (case-insensitively or not) then cannot match. The test looks
    at the text lower-cased; it is exact unless the text holds one of the few characters beyond
    ASCII that match an ASCII letter case-insensitively (FOLDS_TO_ASCII), and such a text is never
    said to lack them.
    """

    __slots__ = ("exact", "scan")

    def __init__(self, *words: str, exact: bool = False) -> None:
        """`exact`: the pattern needs one of the words spelled exactly so (case-sensitively), so
        the text is searched as it is, whatever its characters."""
        self.exact = exact
        self.scan = re.compile(trie_pattern(words))

    def absent(self, text: str) -> bool:
        if self.exact:
            return self.scan.search(text) is None
        low = folded(text)
        return low is not None and self.scan.search(low) is None

    def present(self, text: str) -> bool:
        """The opposite of `absent`: the text may hold one of the words."""
        return not self.absent(text)

    def in_lower(self, low: str | None) -> bool:
        """`present` for a text given as `folded(text)` (None: it may)."""
        return low is None or self.scan.search(low) is not None


def folded(text: str) -> str | None:
    """`text` lower-cased, for Hints (None when it holds a character of FOLDS_TO_ASCII). Its
    ASCII letters are those of the text, lower-cased: lower-casing makes no other ASCII letter."""
    if text.isascii() or FOLDS_TO_ASCII.search(text) is None:
        return text.lower()
    return None
