"""Every kind of generated page, declared once: its folder, its URLs, its index page and its place in the navigation.

Rendering, the articles' explicit links, index pages, the muscle map, the 404 page and `not_in_nav` read
these; nothing else writes a page address by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from atlas.records.model import TargetKind


@dataclass(frozen=True)
class PageKind:
    """One kind of page the generator writes, one per record (or one page for all, with an anchor per record)."""

    kind: TargetKind
    """What it shows; also the link kind of `[[kind:id]]` in articles."""
    folder: str
    """Folder of its pages in the site, such as exercises."""
    one_page: bool = False
    """All records on the folder's index page, each at an anchor (the bibliography), instead of a page each."""
    in_nav: bool = True
    """Whether the folder's index page is in the navigation (record pages never are: index pages link them)."""

    @property
    def index_uri(self) -> str:
        """Source path of the folder's index page."""
        return f"{self.folder}/index.md"

    def page_uri(self, record_id: str) -> str:
        """Source path of a record's page (with #anchor for one-page kinds)."""
        return f"{self.index_uri}#{record_id}" if self.one_page else f"{self.folder}/{record_id}.md"

    def url(self, record_id: str = "") -> str:
        """The public address, relative to the site root: exercises/face-pull/, sources/#ekstrom-2003, exercises/."""
        if not record_id:
            return f"{self.folder}/"
        return f"{self.folder}/#{record_id}" if self.one_page else f"{self.folder}/{record_id}/"


PAGE_KINDS = {
    TargetKind.EXERCISE: PageKind(TargetKind.EXERCISE, "exercises"),
    TargetKind.MUSCLE: PageKind(TargetKind.MUSCLE, "muscles"),
    TargetKind.ROUTINE: PageKind(TargetKind.ROUTINE, "routines"),
    TargetKind.SOURCE: PageKind(TargetKind.SOURCE, "sources", one_page=True),
    TargetKind.LADDER: PageKind(TargetKind.LADDER, "ladders"),
}
"""The registry: every page kind by what it shows."""

SHEET_PAGE = "sheet"
"""The printed sheet's own page, beside its routine's: /routines/<id>/sheet/, and for a programme one per session,
/routines/<programme-id>/sheet-a/ (the session's label in lower case). Light pages: the routine's page links it."""

RESERVED_IDS = frozenset({"index"})
"""Ids no record may have: its page would replace its folder's index page."""

INDEX_URIS = {kind: page_kind.index_uri for kind, page_kind in PAGE_KINDS.items()}
"""Source path of each kind's index page."""


def page_uri(kind: TargetKind, record_id: str) -> str:
    """Where the page of a record lives, as a source path."""
    return PAGE_KINDS[kind].page_uri(record_id)


def page_url(kind: TargetKind, record_id: str = "") -> str:
    """The public address of a record's page (or of the kind's index), relative to the site root."""
    return PAGE_KINDS[kind].url(record_id)


def sheet_uri(routine_id: str, session: str = "") -> str:
    """Source path of the printed sheet of a routine, or of one session of a programme (its label, such as "A")."""
    name = f"{SHEET_PAGE}-{session.lower()}" if session else SHEET_PAGE
    return f"{PAGE_KINDS[TargetKind.ROUTINE].folder}/{routine_id}/{name}.md"


def sheet_url(routine_id: str, session: str = "") -> str:
    """The public address of a printed sheet, relative to the site root: routines/desk-posture-reset/sheet/."""
    return sheet_uri(routine_id, session).removesuffix(".md") + "/"


def is_sheet_url(url: str) -> bool:
    """Whether an address relative to the site root (routines/x/sheet/, routines/x/sheet-a/) is a printed sheet's page."""
    folder, _, rest = url.partition("/")
    name = rest.rstrip("/").partition("/")[2]
    return folder == PAGE_KINDS[TargetKind.ROUTINE].folder and (name == SHEET_PAGE or name.startswith(f"{SHEET_PAGE}-"))


def not_in_nav() -> str:
    """The `not_in_nav` setting: record pages are reached from their index pages, not the navigation."""
    return "".join(f"/{page_kind.folder}/\n" for page_kind in PAGE_KINDS.values())


def relative_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one source page to another (MkDocs turns .md links into URLs).

    Both are clean relative paths inside the site, so plain string work does what posixpath.relpath
    would, without its calls to the file system (this runs once per link: tens of thousands of times).
    """
    target, _, anchor = to_uri.partition("#")
    from_parts = from_uri.split("/")[:-1]
    to_parts = target.split("/")
    common = 0
    while common < len(from_parts) and common < len(to_parts) - 1 and from_parts[common] == to_parts[common]:
        common += 1
    path = "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
    return f"{path}#{anchor}" if anchor else path
