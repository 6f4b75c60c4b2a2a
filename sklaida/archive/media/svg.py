"""SVG drawings made safe to keep: parsed without loading anything, cut down to the
elements that draw, with every script, event handler and reference outside the file
removed, and a list of what was taken out for the person who brought the file.

Why our own sanitiser rather than a library: the one maintained candidate on PyPI
(py-svg-hush 0.3) turns `http://host/x.png` into the relative `/x.png` instead of removing
it, garbles `@import` rules, refuses any entity declaration, and cannot say what it
removed, which the ingest line must. This one is a whitelist: an element is kept only when
it is an SVG element that draws or describes the drawing; an attribute is kept unless it
is an event handler, a foreign namespace's (editor data) or a reference that leads
outside the file. A reference may only be a fragment of this file (`#logo`) or an
embedded PNG, JPEG, GIF or WebP picture (`data:image/png;base64,…`).

Parsing (lxml, libxml2): no DTD is loaded, nothing is fetched from the network or the
disk, and no entity is substituted into the tree. libxml2 still refuses entities that
expand beyond its amplification limit (a "billion laughs" file). A reference to an
external entity (XXE, `<!ENTITY x SYSTEM "file:///etc/passwd">`) is removed; one to an
internal entity in text becomes its declared text as plain characters (markup in it is
not parsed); in an attribute it is expanded, as Illustrator's older exports declare their
namespaces and styles that way (`xmlns:i="&ns_ai;"`). The DOCTYPE itself is not written
back.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import tinycss2
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml import etree

from sklaida.archive.media.errors import UnsupportedFile
from sklaida.core.formatting import format_number

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# The standard DOCTYPE of SVG 1.0/1.1 exports (Illustrator writes it): it loads nothing
# here and means nothing to a renderer, so it goes without a word in the list.
STANDARD_SYSTEM_IDS = {
    "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd",
    "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd",
    "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-flat.dtd",
    "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-tiny.dtd",
    "",
}

# SVG elements that draw or describe the drawing. Not here, hence removed: script,
# foreignObject (HTML inside the drawing), the animation elements (set, animate… can
# switch an attribute to a script address), cursor, SVG fonts and tref (references to
# other files), and any element of another namespace (editor data, XHTML, XInclude).
DRAWING_ELEMENTS = frozenset(
    """svg g defs symbol use desc title metadata switch a view style path rect circle
    ellipse line polyline polygon text tspan textPath image linearGradient radialGradient
    stop pattern clipPath mask marker meshgradient meshrow meshpatch hatch hatchpath
    solidcolor filter feBlend feColorMatrix feComponentTransfer feComposite
    feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow
    feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode
    feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence""".split()  # noqa: SIM905
)
# Inside <metadata>, the RDF description editors write (title, licence, author) stays.
METADATA_NAMESPACES = frozenset(
    {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
    }
)
REFERENCE_ATTRIBUTES = frozenset({"href", f"{{{XLINK_NS}}}href", "src"})
EMBEDDED_PICTURE = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]", re.IGNORECASE)
SCRIPT_SCHEMES = re.compile(r"(javascript|vbscript|livescript):", re.IGNORECASE)
# Browsers drop these from addresses before reading them ("java\tscript:").
IGNORED_IN_ADDRESSES = re.compile(r"[\x00-\x20\x7f]+")
# CSS functions whose string arguments are addresses.
ADDRESS_FUNCTIONS = frozenset({"url", "src", "image", "image-set", "-webkit-image-set"})


@dataclass
class Removed:
    """What was taken out of a drawing, counted by what a person would call it."""

    scripts: int = 0
    event_handlers: Counter = field(default_factory=Counter)  # attribute name → count
    script_links: int = 0  # javascript: addresses
    external_references: int = 0
    foreign_objects: int = 0
    doctype: bool = False
    entity_declarations: int = 0
    external_entities: int = 0
    other_elements: Counter = field(default_factory=Counter)  # prefixed name → count

    def __bool__(self) -> bool:
        return bool(
            self.scripts
            or self.event_handlers
            or self.script_links
            or self.external_references
            or self.foreign_objects
            or self.doctype
            or self.external_entities
            or self.other_elements
        )

    def sentence(self) -> str:
        """The batch line's sentence ("The SVG file was made safe before it was stored;
        removed: 1 script, …"), or "" when nothing was removed."""
        if not self:
            return ""
        return _("The SVG file was made safe before it was stored; removed: %(list)s.") % {
            "list": ", ".join(self._parts())
        }

    def _parts(self) -> list[str]:
        parts = []
        if self.scripts:
            parts.append(
                ngettext("%(count)s script", "%(count)s scripts", self.scripts)
                % {"count": _number(self.scripts)}
            )
        if self.event_handlers:
            count = sum(self.event_handlers.values())
            parts.append(
                ngettext(
                    "%(count)s event handler (%(names)s)",
                    "%(count)s event handlers (%(names)s)",
                    count,
                )
                % {"count": _number(count), "names": _names(self.event_handlers)}
            )
        if self.script_links:
            parts.append(
                ngettext(
                    "%(count)s javascript: link", "%(count)s javascript: links", self.script_links
                )
                % {"count": _number(self.script_links)}
            )
        if self.external_references:
            parts.append(
                ngettext(
                    "%(count)s reference to another file or address",
                    "%(count)s references to other files or addresses",
                    self.external_references,
                )
                % {"count": _number(self.external_references)}
            )
        if self.foreign_objects:
            parts.append(
                ngettext(
                    "%(count)s foreignObject (HTML inside the drawing)",
                    "%(count)s foreignObjects (HTML inside the drawing)",
                    self.foreign_objects,
                )
                % {"count": _number(self.foreign_objects)}
            )
        if self.doctype:
            if self.entity_declarations:
                parts.append(
                    ngettext(
                        "the DOCTYPE with %(count)s entity declaration",
                        "the DOCTYPE with %(count)s entity declarations",
                        self.entity_declarations,
                    )
                    % {"count": _number(self.entity_declarations)}
                )
            else:
                parts.append(_("the DOCTYPE"))
        if self.external_entities:
            parts.append(
                ngettext(
                    "%(count)s reference to an external entity (XXE)",
                    "%(count)s references to external entities (XXE)",
                    self.external_entities,
                )
                % {"count": _number(self.external_entities)}
            )
        if self.other_elements:
            count = sum(self.other_elements.values())
            parts.append(
                ngettext(
                    "%(count)s element that does not draw (%(names)s)",
                    "%(count)s elements that do not draw (%(names)s)",
                    count,
                )
                % {"count": _number(count), "names": _names(self.other_elements)}
            )
        return parts


def _number(count: int) -> str:
    return format_number(count)


def _names(counted: Counter, limit: int = 5) -> str:
    names = sorted(counted)
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown}, …"


@dataclass
class Sanitised:
    content: bytes  # UTF-8 SVG, with an XML declaration
    removed: Removed


def sanitise(data: bytes) -> Sanitised:
    """The drawing without anything that runs or reaches outside the file.

    Raises UnsupportedFile ("The SVG file cannot be read: …") for a file that is not
    well-formed XML, expands entities without limit, or is not an SVG drawing.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UnsupportedFile(
            _("The SVG file cannot be read: %(reason)s") % {"reason": _reason(error)}
        ) from error
    if root.tag != f"{{{SVG_NS}}}svg":
        raise UnsupportedFile(
            _("The SVG file cannot be read: its outermost element is <%(name)s>, not <svg>.")
            % {"name": etree.QName(root).localname if isinstance(root.tag, str) else "?"}
        )
    removed = Removed()
    docinfo = root.getroottree().docinfo
    _note_doctype(docinfo, removed)
    for sibling in root.itersiblings(preceding=True):
        _note_processing_instruction(sibling, removed)
    internal = _internal_entities(docinfo)
    _clean_attributes(root, removed, in_metadata=False)
    _clean_element(root, removed, internal, in_metadata=False)
    etree.cleanup_namespaces(root)
    # Serialising the root alone leaves out the DOCTYPE and anything outside <svg>
    # (processing instructions such as xml-stylesheet, comments).
    content = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return Sanitised(content + b"\n", removed)


def _reason(error: etree.XMLSyntaxError) -> str:
    message = str(error.msg or error).strip()
    if "amplification" in message or "entity reference loop" in message.lower():
        return _("its entities expand without limit (a “billion laughs” file).")
    if error.lineno:
        return _("it is not well-formed XML (line %(line)s: %(message)s).") % {
            "line": error.lineno,
            "message": message,
        }
    return _("it is not well-formed XML (%(message)s).") % {"message": message}


def _note_doctype(docinfo, removed: Removed) -> None:
    if not docinfo.doctype:
        return
    subset = docinfo.internalDTD
    entities = list(subset.iterentities()) if subset is not None else []
    removed.entity_declarations = len(entities)
    if entities or (docinfo.system_url or "") not in STANDARD_SYSTEM_IDS:
        removed.doctype = True


def _note_processing_instruction(node, removed: Removed) -> None:
    """An xml-stylesheet instruction loads a style sheet from elsewhere; other processing
    instructions (an editor's own) go without a word."""
    if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-stylesheet":
        removed.external_references += 1


def _internal_entities(docinfo) -> dict[str, str]:
    """Name → declared text of the internal entities of the DOCTYPE."""
    subset = docinfo.internalDTD
    if subset is None:
        return {}
    return {
        entity.name: entity.content
        for entity in subset.iterentities()
        if entity.content is not None and not entity.system_url
    }


def _clean_element(element, removed: Removed, internal: dict[str, str], *, in_metadata: bool):
    for child in list(element):
        if isinstance(child, etree._Entity):
            if child.name in internal:
                _replace_with_text(child, internal[child.name])
            else:
                removed.external_entities += 1
                _remove(child)
        elif isinstance(child, etree._ProcessingInstruction):
            _note_processing_instruction(child, removed)
            _remove(child)
        elif isinstance(child, etree._Comment):
            continue
        elif _keeps(child, removed, in_metadata=in_metadata):
            inside_metadata = in_metadata or child.tag == f"{{{SVG_NS}}}metadata"
            _clean_attributes(child, removed, in_metadata=inside_metadata)
            if child.tag == f"{{{SVG_NS}}}style":
                _clean_style_element(child, removed)
            _clean_element(child, removed, internal, in_metadata=inside_metadata)
        else:
            _remove(child)


def _keeps(element, removed: Removed, *, in_metadata: bool) -> bool:
    """Whether `element` stays; counts it in `removed` when it does not."""
    name = etree.QName(element)
    if name.namespace == SVG_NS and name.localname in DRAWING_ELEMENTS:
        return True
    if in_metadata and name.namespace in METADATA_NAMESPACES:
        return True
    if name.localname.lower() == "script":
        removed.scripts += 1
    elif name.namespace == SVG_NS and name.localname == "foreignObject":
        removed.foreign_objects += 1
    else:
        removed.other_elements[_prefixed(element)] += 1
    return False


def _prefixed(element) -> str:
    name = etree.QName(element)
    if name.namespace == SVG_NS or not element.prefix:
        return name.localname
    return f"{element.prefix}:{name.localname}"


def _clean_attributes(element, removed: Removed, *, in_metadata: bool) -> None:
    for name, value in list(element.attrib.items()):
        # Set again as plain text: a value with an entity reference would otherwise be
        # written back as the reference, undeclared once the DOCTYPE is gone.
        element.set(name, value)
        qualified = etree.QName(name)
        local, namespace = qualified.localname, qualified.namespace
        if local.lower().startswith("on") and namespace in (None, SVG_NS):
            removed.event_handlers[local.lower()] += 1
            del element.attrib[name]
        elif name in REFERENCE_ATTRIBUTES:
            kind = reference_kind(value)
            if kind:
                _count_reference(kind, removed)
                del element.attrib[name]
        elif namespace == XML_NS:
            if local == "base":
                removed.external_references += 1
                del element.attrib[name]
        elif namespace is not None and namespace != XLINK_NS:
            if not (in_metadata and namespace in METADATA_NAMESPACES):
                del element.attrib[name]  # editor data (inkscape:label, i:knockout)
        elif "(" in value or "\\" in value:
            cleaned = clean_css(value, removed)
            if cleaned != value:
                element.set(name, cleaned)


def _clean_style_element(element, removed: Removed) -> None:
    if element.text:
        element.text = clean_css(element.text, removed)


def reference_kind(address: str) -> str:
    """What an address leads to: "script" (javascript:), "external" (anything outside
    the file), or "" for one the drawing may keep (a fragment, an embedded picture)."""
    plain = IGNORED_IN_ADDRESSES.sub("", address)
    if not plain or plain.startswith("#") or EMBEDDED_PICTURE.match(plain):
        return ""
    if SCRIPT_SCHEMES.match(plain):
        return "script"
    return "external"


def _count_reference(kind: str, removed: Removed) -> None:
    if kind == "script":
        removed.script_links += 1
    else:
        removed.external_references += 1


def clean_css(text: str, removed: Removed) -> str:
    """CSS (a style sheet, a style attribute or one value) without @import rules and with
    every address that leads outside the file replaced by `none`. Parsed by tinycss2, so
    escapes (`\\75rl(…)`) and comments cannot hide an address. Returns `text` unchanged
    when nothing was removed."""
    nodes = tinycss2.parse_component_value_list(text)
    cleaned, changed = _clean_css_nodes(nodes, removed)
    return tinycss2.serialize(cleaned) if changed else text


def _clean_css_nodes(nodes: list, removed: Removed) -> tuple[list, bool]:
    kept: list = []
    changed = False
    skipping_import = False
    for node in nodes:
        if skipping_import:
            if node.type == "literal" and node.value == ";":
                skipping_import = False
            continue
        if node.type == "at-keyword" and node.lower_value == "import":
            removed.external_references += 1
            skipping_import, changed = True, True
            continue
        replacement = _css_address_replacement(node, removed)
        if replacement is not None:
            kept.append(replacement)
            changed = True
            continue
        for attribute in ("content", "arguments"):
            inner = getattr(node, attribute, None)
            if inner:
                cleaned, inner_changed = _clean_css_nodes(inner, removed)
                if inner_changed:
                    setattr(node, attribute, cleaned)
                    changed = True
        kept.append(node)
    return kept, changed


def _css_address_replacement(node, removed: Removed):
    """An ident `none` in place of an address token that leads outside, else None."""
    addresses: list[str] = []
    if node.type == "url":
        addresses = [node.value]
    elif node.type == "function" and node.lower_name in ADDRESS_FUNCTIONS:
        addresses = [
            argument.value for argument in node.arguments if argument.type in ("string", "url")
        ]
    kinds = [kind for kind in map(reference_kind, addresses) if kind]
    if not kinds:
        return None
    for kind in kinds:
        _count_reference(kind, removed)
    return tinycss2.ast.IdentToken(node.source_line, node.source_column, "none")


def _remove(node) -> None:
    """Take `node` out of the tree, keeping the text that followed it."""
    _replace_with_text(node, "")


def _replace_with_text(node, text: str) -> None:
    """Put `text` (and the text that followed `node`) where `node` was."""
    parent = node.getparent()
    text += node.tail or ""
    if text:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
    parent.remove(node)
