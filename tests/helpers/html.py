"""A small HTML reader: enough to ask a page about its elements."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []
        self.texts = []

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        parts = list(self.texts) + [child.text() for child in self.children]
        return " ".join(" ".join(parts).split())

    def iter(self):
        for child in self.children:
            yield child
            yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        """Descendants by tag, one class and attributes (`aria_label=` stands for `aria-label`)."""
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag)
            and (cls is None or cls in node.classes)
            and all(node.attrs.get(name.replace("_", "-")) == value for name, value in attrs.items())
        ]

    def first(self, tag=None, cls=None, **attrs):
        """The first match, or None: for asking whether an element is there at all."""
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def find(self, tag=None, cls=None, **attrs):
        """The first match, which must be there."""
        found = self.first(tag, cls, **attrs)
        assert found is not None, f"no <{tag or '*'} class={cls} {attrs}>"
        return found

    def links(self):
        return [(a.attrs.get("href"), a.text()) for a in self.find_all("a")]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.texts.append(data)


def parse(response):
    """The page of a test client's response as a tree of Nodes."""
    builder = _TreeBuilder()
    builder.feed(response.content.decode())
    return builder.root
