"""Find mentions of known names in running text: case-insensitive, longest name first, plurals allowed.

A word-by-word matcher rather than one big regular expression: with thousands of exercise names and
aliases the expression takes seconds to compile, while this costs a dictionary lookup per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

Target = TypeVar("Target")

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SEPARATOR = re.compile(r"[\s-]+")
_PLURAL_ENDINGS = ("es", "s")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'"))


@dataclass(frozen=True)
class NameMatch(Generic[Target]):
    """Where a name stands in a text, and what it names."""

    start: int
    end: int
    target: Target


class NameMatcher(Generic[Target]):
    """Knows a set of names and finds them in text."""

    def __init__(self, names: dict[str, Target]) -> None:
        self._by_first_word: dict[str, list[tuple[tuple[str, ...], Target]]] = {}
        for name, target in names.items():
            words = tuple(_words(name))
            if words:
                self._by_first_word.setdefault(words[0], []).append((words, target))
        for candidates in self._by_first_word.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))

    def find(self, text: str) -> Iterator[NameMatch[Target]]:
        """Each mention, left to right; at any place the longest name wins."""
        folded = text.casefold().replace("’", "'")
        tokens = [(match.start(), match.end(), match.group(0)) for match in _WORD.finditer(folded)]
        index = 0
        while index < len(tokens):
            found = self._match_at(folded, tokens, index)
            if found is None:
                index += 1
                continue
            length, target = found
            yield NameMatch(tokens[index][0], tokens[index + length - 1][1], target)
            index += length

    def _match_at(self, text: str, tokens: list[tuple[int, int, str]], index: int) -> tuple[int, Target] | None:
        start = tokens[index][0]
        if start > 0 and (text[start - 1] == "-" or text[start - 1].isalnum()):
            return None
        for words, target in self._candidates(tokens[index][2]):
            if self._matches(text, tokens, index, words):
                return len(words), target
        return None

    def _candidates(self, word: str) -> list[tuple[tuple[str, ...], Target]]:
        found = list(self._by_first_word.get(word, ()))
        for ending in _PLURAL_ENDINGS:
            if word.endswith(ending):
                found += [c for c in self._by_first_word.get(word[: -len(ending)], ()) if len(c[0]) == 1]
        return found

    @staticmethod
    def _matches(text: str, tokens: list[tuple[int, int, str]], index: int, words: tuple[str, ...]) -> bool:
        if index + len(words) > len(tokens):
            return False
        for offset, word in enumerate(words):
            token_start, token_end, token = tokens[index + offset]
            last = offset == len(words) - 1
            if token != word and not (last and any(token == word + ending for ending in _PLURAL_ENDINGS)):
                return False
            if offset and not _SEPARATOR.fullmatch(text[tokens[index + offset - 1][1]: token_start]):
                return False
        end = tokens[index + len(words) - 1][1]
        return end == len(text) or not (text[end] == "-" or text[end].isalnum())
