"""What the site engine (MkDocs) says about our pages, said like our own problems: file under content/, line, what to do.

Plain `logging`: the engine logs under the `mkdocs` logger; this module rewrites the messages it knows as
they pass its handlers, counts warnings (so a strict build can refuse to publish) and keeps every
warning and error so the development server can show them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from atlas.layout import ProjectLayout
from atlas.problems import Problem, printable

ENGINE_LOGGER = "mkdocs"
_DOC = r"Doc file '(?P<src>[^']+)' contains "
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but there is no such anchor on this page\."),
     "has no such anchor on this page; expected the anchor of one of its headings"),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the doc '(?P<doc>[^']+)' does not contain an anchor '(?P<anchor>[^']*)'\."),
     "{doc} has no anchor '{anchor}'; expected the anchor of one of its headings"),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the target.* is not found among documentation files\."),
     "is not a page or file of the site; expected a path relative to this file, such as ../exercises/face-pull.md"),
    (re.compile(_DOC + r"an absolute link '(?P<link>[^']*)', it was left as is\.(?: Did you mean '(?P<hint>[^']*)'\?)?"),
     "is an absolute link, which breaks when the site is not served from the top of its domain; "
     "expected a path relative to this file{hint}"),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<link>[^']*)', it was left as is\."),
     "is not a link to a page; expected a link to a .md file, such as ../exercises/face-pull.md"),
    (re.compile(_DOC + r"a link to '(?P<link>[^']*)' which is excluded from the built site\."),
     "is a page that is not published; expected a link to a published page"),
)
_NOT_ABOUT_SOURCES = re.compile(r"A 'dirty' build is being performed")
"""Warnings about how the engine was run (serve --dirty), not about the sources: not shown as problems."""
_NOT_IN_NAV = re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n"
                         r"(?P<pages>(?:\s*- .*\n?)+)")


@dataclass
class EngineMessages:
    """Attached to the engine's log while a build runs."""

    layout: ProjectLayout
    """Where the sources are, to name files and find lines."""
    warnings: int = 0
    """Warnings seen (a strict build does not publish when there are any)."""
    problems: list[str] = field(default_factory=list)
    """Every warning and error, as printed."""
    _handlers: list[logging.Handler] = field(default_factory=list)
    _filter: logging.Filter | None = None
    _collector: logging.Handler | None = None

    def attach(self) -> EngineMessages:
        """Start rewriting, counting and keeping messages."""
        engine = logging.getLogger(ENGINE_LOGGER)
        self._filter = _Rewrite(self)
        self._handlers = list(engine.handlers)
        for handler in self._handlers:
            handler.addFilter(self._filter)
        self._collector = _Collect(self)
        self._collector.addFilter(self._filter)
        engine.addHandler(self._collector)
        return self

    def detach(self) -> None:
        """Stop (safe to call twice)."""
        engine = logging.getLogger(ENGINE_LOGGER)
        for handler in self._handlers:
            if self._filter is not None:
                handler.removeFilter(self._filter)
        if self._collector is not None:
            engine.removeHandler(self._collector)
        self._handlers, self._collector = [], None

    def translate(self, message: str) -> str | None:
        """The message in our words, or None when it is not one we know."""
        for pattern, advice in _RULES:
            found = pattern.fullmatch(message.strip())
            if found:
                parts = found.groupdict()
                hint = f" (did you mean {parts['hint']!r}?)" if parts.get("hint") else ""
                text = advice.format(doc=parts.get("doc") or "", anchor=parts.get("anchor") or "", hint=hint)
                return str(self._problem(parts["src"], parts["link"], f"link {parts['link']!r}", text))
        listed = _NOT_IN_NAV.fullmatch(message.strip() + "\n")
        if listed:
            pages = [line.strip()[2:] for line in listed.group("pages").splitlines() if line.strip().startswith("- ")]
            return "\n".join(str(self._problem(page, None, "nav", "is not in the navigation; expected it under nav: in mkdocs.yml, "
                                                                 "or its folder under not_in_nav")) for page in pages)
        return None

    def _problem(self, src_uri: str, needle: str | None, field_name: str, message: str) -> Problem:
        path = self.layout.content_dir / src_uri
        line = 0
        if needle and self.layout.is_safe(path):
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                lines = []
            # the link as Markdown writes it first, so that a path that is part of a longer one is not taken for it
            for written in (f"]({needle}", f"]( {needle}", f"<{needle}>", f'"{needle}"', needle):
                line = next((number for number, text in enumerate(lines, start=1) if written in text), 0)
                if line:
                    break
        label = self.layout.label(path) if path.exists() else f"{src_uri} (a generated page)"
        return Problem(label, line, field_name, message)


class _Rewrite(logging.Filter):
    def __init__(self, messages: EngineMessages) -> None:
        super().__init__()
        self.messages = messages

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "atlas_rewritten", False):
            return True
        record.atlas_rewritten = True
        if record.levelno >= logging.WARNING:
            translated = self.messages.translate(record.getMessage())
            if translated is not None:
                record.msg, record.args = translated, ()
            else:
                record.msg, record.args = printable(record.getMessage(), keep_newlines=True), ()
        return True


class _Collect(logging.Handler):
    def __init__(self, messages: EngineMessages) -> None:
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        if _NOT_ABOUT_SOURCES.match(record.getMessage()):
            return
        if record.levelno == logging.WARNING:
            self.messages.warnings += 1
        self.messages.problems += [line for line in record.getMessage().splitlines() if line.strip()]


def describe_failure(error: BaseException, layout: ProjectLayout) -> Problem:
    """A crash during a build as one problem: the template or source line it happened on when there is one
    (the innermost frame in a template or in the project), else the place in the code; never a traceback."""
    place, line = "(build)", 0
    frame = error.__traceback__
    root = layout.root.resolve()
    while frame is not None:
        file = Path(frame.tb_frame.f_code.co_filename)
        if file.suffix in (".html", ".j2", ".md", ".yml") or (file.is_absolute() and root in file.resolve().parents):
            place, line = layout.label(file.resolve()) if root in file.resolve().parents else file.name, frame.tb_lineno
        frame = frame.tb_next
    reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
    kind = type(error).__name__
    return Problem(place, line, kind, f"{reason or 'unexpected failure'}; the build stopped and the previous site was left as it was")
