"""Built pages as a tree of elements, for tests that assert on structure: what is inside what, in document order."""

from __future__ import annotations

import html.parser
from dataclasses import dataclass, field

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "path", "circle",
        "rect", "line", "ellipse", "polygon", "use"}
"""Elements that never hold others (HTML's void elements, and the SVG shapes the figures and maps use)."""


@dataclass
class Node:
    """One element: its tag, attributes and children (elements and text), in document order."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text inside it, white space collapsed."""
        return " ".join("".join(child if isinstance(child, str) else child.text for child in self.children).split())

    @property
    def classes(self) -> list[str]:
        """Its class names."""
        return self.attrs.get("class", "").split()

    def descendants(self) -> list[Node]:
        """Every element inside it, in document order."""
        nodes = []
        for child in self.children:
            if isinstance(child, Node):
                nodes += [child, *child.descendants()]
        return nodes

    def find_all(self, tag: str) -> list[Node]:
        """The elements inside it with this tag, in document order."""
        return [node for node in self.descendants() if node.tag == tag]

    def with_class(self, name: str) -> list[Node]:
        """The elements inside it with this class, in document order."""
        return [node for node in self.descendants() if name in node.classes]

    def links(self) -> list[tuple[str, str]]:
        """(text, href) of every link inside it, in document order."""
        return [(node.text, node.attrs.get("href", "")) for node in self.find_all("a")]

    def by_id(self, element_id: str) -> Node:
        """The element inside it with this id."""
        for node in self.descendants():
            if node.attrs.get("id") == element_id:
                return node
        raise AssertionError(f"no element with id {element_id!r}")

    def siblings_after(self, parent: Node) -> list[Node]:
        """The elements after it among its parent's children."""
        nodes = [child for child in parent.children if isinstance(child, Node)]
        return nodes[nodes.index(self) + 1:]


class _TreeParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {key: value or "" for key, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    """The tree of a page or a fragment, under a root node."""
    parser = _TreeParser()
    parser.feed(text)
    parser.close()
    return parser.root
