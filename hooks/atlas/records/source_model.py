"""Source records: the works records and articles cite, one exercises/sources/<id>.yml each."""

from __future__ import annotations

from pydantic import Field

from atlas.records.kinds import SourceKind
from atlas.records.values import Doi, Line, Record, Title, Url, Year


class SourceRecord(Record):
    """A work cited by records and articles: exercises/sources/<id>.yml (id: first author's surname and year)."""

    kind: SourceKind
    """Article, book, chapter, guideline or web page."""
    authors: tuple[Line, ...] = Field(default=(), max_length=30)
    """Authors as "Surname AB", in the order the work gives them."""
    editors: tuple[Line, ...] = Field(default=(), max_length=30)
    """Editors of an edited book, when it has no authors."""
    year: Year
    """Year of publication."""
    title: Title
    """Title of the work."""
    journal: Line | None = None
    """The journal an article appeared in."""
    volume: Line | None = None
    """Journal volume."""
    issue: Line | None = None
    """Journal issue."""
    pages: Line | None = None
    """Pages, such as 247-258."""
    doi: Doi | None = None
    """DOI, when one exists (no https:// prefix)."""
    book: Title | None = None
    """For a chapter: the book it is in."""
    publisher: Line | None = None
    """Publisher of a book, chapter or guideline."""
    edition: Line | None = None
    """Edition of a book, such as 3rd."""
    url: Url | None = None
    """Web address, for web pages and guidelines without a DOI."""


class Source(SourceRecord):
    """A source record, checked; listed on /sources/ with the anchor <id>."""

    id: str
    """File name without .yml."""
    source: str
    """Record file, relative to the project root."""
