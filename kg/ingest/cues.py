"""The lexicon's cues for the parts of a page, compiled once per lexicon.

Ingest recognises the parts of a page (breadcrumb, title, date line, credits, editor line, page chrome) by the
phrase patterns and words of the lexicon (``ontology/lexicon.ttl``, scheme ``phrase-patterns``), never by words
written in this package. :func:`page_cues` reads them into a :class:`Cues`: the patterns that read a whole line
as printed (either script), and those that find where a part starts inside a line whose line breaks were lost,
which are matched over the Simplified shadow of the text (:func:`kg.text.shadow`, same offsets).

Examples
--------
>>> from kg.lexicon import load_lexicon
>>> cues = page_cues(load_lexicon())
>>> cues.date.search("2016年12月13日10:07").group("y", "H")
('2016', '10')
>>> cues.editors.match("(責編:某某、某某)")["names"]
'某某、某某'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon import Lexicon, alternation, compiled
from kg.text import to_hans, to_hant

__all__ = ["Cues", "page_cues"]


@dataclass(frozen=True)
class Cues:
    """The compiled patterns ingest reads a page with (made by :func:`page_cues`, never by hand).

    Attributes
    ----------
    date
        A date (and time) as a date line prints it (``lex:pattern-date-line``).
    contributor, credit_start, source_inline, editors
        A contributor line, the opening of a credit line, the source a date line names, the editor line;
        matched on lines as printed.
    contributed
        The credit words of a contribution, in both scripts.
    roles
        The contributor role reported: contributed, or source.
    date_label
        The label before a date (``发布时间：``), matched on the text just before it.
    date_field
        One field after the date on a date line (source, byline, font size, counter …); group ``who`` is a source.
    column_end, title_start, subtitle_lead
        Where a breadcrumb's column ends, how a title opens, and the dash that opens a subtitle.
    credit_inline
        Where a contributor, source or editor credit opens inside a line that runs on from the body.
    chrome_inline
        Where page chrome (推荐阅读, 上一篇 …) opens inside a line.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> cues = page_cues(load_lexicon())
    >>> cues.date_field.match("  点击:[ 876 ]").end()
    12
    >>> bool(cues.subtitle_lead.match("——副題")), cues.roles
    (True, ('供稿', '来源'))
    """

    date: re.Pattern
    contributor: re.Pattern
    credit_start: re.Pattern
    source_inline: re.Pattern
    editors: re.Pattern
    contributed: tuple[str, ...]
    roles: tuple[str, str]
    date_label: re.Pattern
    date_field: re.Pattern
    column_end: re.Pattern
    title_start: re.Pattern
    subtitle_lead: re.Pattern
    credit_inline: re.Pattern
    chrome_inline: re.Pattern


def page_cues(lexicon: Lexicon) -> Cues:
    """The cues of ``lexicon`` for the parts of a page, compiled once and kept with the lexicon.

    Parameters
    ----------
    lexicon
        The lexicon whose phrase patterns, credit words, publishers, places and page-chrome markers to read.

    Returns
    -------
    Cues
        The compiled patterns.

    Examples
    --------
    >>> from kg.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> page_cues(lexicon) is page_cues(lexicon)
    True
    >>> page_cues(lexicon).credit_inline.search("新气象。(华蓥市委组织部供稿)").start()
    4
    """
    return lexicon.derived("ingest-cues", _make_cues)


def _make_cues(lexicon: Lexicon) -> Cues:
    def both(key: str) -> list[str]:  # lines are matched as printed: either script
        return [w for f in lexicon.words(key) for w in dict.fromkeys((f, to_hant(f)))]

    slots = {
        "contributed": alternation(both("credit-contributed")),
        "source": alternation(both("credit-source")),
        "editor": alternation(both("credit-editor")),
    }
    hans = {  # what is matched over the Simplified shadow of the text
        "contributed": alternation(lexicon.words("credit-contributed")),
        "source": alternation(lexicon.words("credit-source")),
        "editor": alternation(lexicon.words("credit-editor")),
    }
    publishers = alternation(f for c in lexicon.scheme("publishers") for f in c.forms)
    label = lexicon.entry("pattern-date-line-label").prop("pattern")
    places = alternation(f for p in lexicon.places.values() for f in p.forms)
    markers = alternation(dict.fromkeys(to_hans(m) for m in lexicon.chrome_markers))
    return Cues(
        date=lexicon.pattern("pattern-date-line"),
        contributor=lexicon.pattern("pattern-contributor-line", **slots),
        credit_start=lexicon.pattern("pattern-credit-start", **slots),
        source_inline=lexicon.pattern("pattern-source-inline", **slots),
        editors=lexicon.pattern("pattern-editor-line", **slots),
        contributed=tuple(both("credit-contributed")),
        roles=(lexicon.entry("credit-contributed").hans, lexicon.entry("credit-source").hans),
        date_label=lexicon.pattern("pattern-date-label"),
        date_field=lexicon.pattern("pattern-date-line-field", source=hans["source"], publisher=publishers, label=label),
        column_end=lexicon.pattern("pattern-crumb-column-end"),
        title_start=lexicon.pattern("pattern-title-start", places=places),
        subtitle_lead=lexicon.pattern("pattern-subtitle-lead"),
        credit_inline=lexicon.pattern("pattern-credit-inline", **hans),
        chrome_inline=compiled(rf"[【\[·•]?\s*(?:{markers})"),
    )
