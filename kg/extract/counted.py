r"""What a figure counts: the counted noun phrase, read from the grammar of its clause.

A count in the genre names what it counts in one of a few ways, tried in this order:

1. **classifier → noun**: the figure's measure word is followed by the noun phrase up to its head
   (32個貧困村各派駐…, 23名履職不到位的駐村干部進行…); the head is a form of the lexicon's ``indicators``;
2. **noun → figure**: the noun phrase stands before the figure, joined to it by a predicate the lexicon lists
   (``word-np-predicate``: 貧困發生率降至3%, 茶園面積擴大到8.6萬畝); its modifiers run leftwards up to a boundary
   word (``word-np-boundary``: 全縣, 累計, 投入 …), a time phrase or punctuation;
3. **a chain**: a figure after another through a predicate (由12.5%降至2.1%) counts what that one counts;
4. **coordination**: adjacent figures (1932戶5428名貧困對象, 減少貧困人口1.2萬戶4.36萬人) share one noun phrase,
   a household count borrowing the noun with the household measure word for its head (``word-household-heads``);
5. **ellipsis**: a figure with no noun of its own counts what the last figure of its sentence in the same unit
   counts (已有11名駐村農技員晉升…，3名被評為…).

Money figures that are the amount of a funding standard count its item (see :func:`name_funding_items`).
The phrase keeps the characters as the article prints them.

Examples
--------
>>> from kg.extract import extract_text
>>> page = "青崖县扶贫\n2016年12月13日\n"
>>> ex = extract_text(page + "全县贫困发生率由12.5%降至2.1%，累计减少贫困人口1.2万户4.36万人。")
>>> [(f.printed, f.counted) for f in ex.figures]
[('12.5%', '贫困发生率'), ('2.1%', '贫困发生率'), ('1.2万户', '减少贫困人口'), ('4.36万人', '减少贫困人口')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from kg.ingest import Article
from kg.lexicon import Lexicon, alternation, compiled
from kg.text import to_hans

from .context import sentence_of
from .records import Extraction, Figure, Mention
from .scope import article_periods

__all__ = ["read_counted", "name_funding_items"]

#: Characters a noun phrase never crosses: punctuation, brackets and digits.
_STOPS = frozenset(" \u3000，,、。；;：:！？!?（）()《》<>[]【】0123456789０１２３４５６７８９%％\n")
#: Punctuation that ends a clause or a list item.
_PUNCTUATION = frozenset("，,、。；;：:！？!?\n")
_QUOTES = "“”「」‘’『』\"' "
_OPENING, _CLOSING = "“「‘『", "”」’』"
_HOUSEHOLD_UNIT = "units-hu"
_WINDOW = 14


@dataclass(frozen=True)
class _Grammar:
    heads: re.Pattern
    head_forms: tuple[str, ...]
    predicates: tuple[str, ...]
    boundaries: re.Pattern
    household_heads: tuple[str, ...]
    locatives: tuple[str, ...]
    light_verbs: tuple[str, ...]
    attributive: tuple[str, ...]
    pre_numeral: tuple[str, ...]


class _Times:
    """The time phrases of one text, looked up by where they lie."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans, self.starts = spans, [a for a, _ in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the time phrases that lie in ``[start, end)``."""
        out, k = [], bisect_left(self.starts, start)
        while k < len(self.spans) and self.spans[k][0] < end:
            if self.spans[k][1] <= end:
                out.append(self.spans[k])
            k += 1
        return out


def _grammar(lexicon: Lexicon) -> _Grammar:
    def make(lex: Lexicon) -> _Grammar:
        other = lex.entry("indicator-other").iri
        forms = tuple(f for f, c in lex.forms("indicators") if len(f) > 1 and c.iri != other)
        by_length = lambda words: tuple(sorted(words, key=lambda w: (-len(w), w)))
        return _Grammar(
            heads=compiled(alternation(forms)),
            head_forms=by_length(forms),
            predicates=by_length(lex.words("word-np-predicate")),
            boundaries=compiled(alternation(lex.words("word-np-boundary"))),
            household_heads=by_length(lex.words("word-household-heads")),
            locatives=by_length(lex.words("word-locative-lead")),
            light_verbs=by_length(lex.words("word-light-verb")),
            attributive=tuple(lex.words("word-attributive")),
            pre_numeral=by_length(lex.words("word-pre-numeral-modifier")),
        )

    return lexicon.derived("counted-grammar", make)


def read_counted(article: Article, lexicon: Lexicon, ex: Extraction, mentions: Iterable[Mention] = ()) -> None:
    r"""Set ``counted`` of every figure in ``ex.figures`` from the grammar of its clause.

    Parameters
    ----------
    article : Article
        The article the figures are in.
    lexicon : Lexicon
        Gives the head nouns (``indicators``), predicates, boundary words and time phrases.
    ex : Extraction
        Its figures, in text order, get their ``counted`` phrase.
    mentions : iterable of Mention
        The article's mentions; a place name ends the modifiers of a noun phrase (霧溪縣貧困發生率).

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"
    >>> ex = extract_text(page + "向全县32个贫困村各派驻1支驻村工作队，第一书记32名，为83户贫困户建立档案。")
    >>> [f.counted for f in ex.figures]
    ['贫困村', '驻村工作队', '第一书记', '贫困户']
    >>> ex = extract_text(page + "6个贫困村、1932户5428名贫困对象达标退出，已有11名农技员晋升，3名被评为优秀。")
    >>> [f.counted for f in ex.figures]  # 晉升 ends its clause: the count is of those who were promoted
    ['贫困村', '贫困户', '贫困对象', '农技员晋升', '农技员']
    """
    g = _grammar(lexicon)
    times = _Times([(p.span.start, p.span.end) for p in article_periods(article, lexicon)])
    ends = {f.figure_span.end: i for i, f in enumerate(ex.figures)}
    places = sorted(m.span.end for m in mentions if m.kind == "place")
    nouns: dict[str | None, tuple[int, str]] = {}  # by unit: the last noun counted, and the start of its sentence
    i = 0
    while i < len(ex.figures):
        j = i
        while j + 1 < len(ex.figures) and ex.figures[j + 1].figure_span.start == ex.figures[j].figure_span.end:
            j += 1
        group = ex.figures[i : j + 1]
        phrase, from_after, noun = _phrase(article, g, times, ex, group, ends, places)
        for f in group:
            counted = phrase if phrase is not None else _ellipsis(article, ex, f, nouns) or _next_head(article, g, f)
            if from_after and len(group) > 1 and f.unit_concept and f.unit_concept.endswith(_HOUSEHOLD_UNIT):
                counted = _as_households(counted, f.unit, g)
            f.counted = counted.strip(_QUOTES)
            nouns[f.unit_concept] = (
                sentence_of(article, f.figure_span.start).start,
                (noun or f.counted).strip(_QUOTES),
            )
        i = j + 1


def _phrase(
    article: Article,
    g: _Grammar,
    times: _Times,
    ex: Extraction,
    group: list[Figure],
    ends: dict[int, int],
    places: list[int],
) -> tuple[str | None, bool, str | None]:
    """The noun phrase a group of adjacent figures counts, whether it follows them, and the phrase without a
    predicate after its noun; None if there is none."""
    sh, first, last = article.shadow, group[0], group[-1]
    if len(group) == 1:
        after = _after(sh, g, first.figure_span.start, first.figure_span.end, first.span.end, classifier=False)
        if after:
            noun = _after(sh, g, first.figure_span.start, first.figure_span.end, first.span.end, False, False)
            modifier = next((w for w in g.pre_numeral if sh.endswith(w, first.span.start, first.figure_span.start)), "")
            lead = article.clean[first.figure_span.start - len(modifier) : first.figure_span.start]  # 剩餘23個貧困村
            return lead + _clean(article, after), True, lead + _clean(article, noun) if noun else None
    before = _before(sh, g, times, first.span.start, first.figure_span.start, ends, places)
    if isinstance(before, int):
        return ex.figures[before].counted, False, None
    if before:
        return _clean(article, before), False, None
    after = _after(
        sh, g, first.figure_span.start, last.figure_span.end, last.span.end, classifier=True, predicate=len(group) == 1
    )
    return (_clean(article, after), True, None) if after else (None, False, None)


def _clean(article: Article, span: tuple[int, int]) -> str:
    """The phrase as printed, without quotes at its ends, or any quote marks when they do not pair up."""
    text = article.clean[span[0] : span[1]].strip(_QUOTES)
    if sum(text.count(q) for q in _OPENING) != sum(text.count(q) for q in _CLOSING):
        text = "".join(c for c in text if c not in _QUOTES)
    return text


def _before(
    sh: str, g: _Grammar, times: _Times, clause_start: int, at: int, ends: dict[int, int], places: list[int]
) -> tuple[int, int] | int | None:
    """The noun phrase before the figure at ``at``: its span, the index of the figure it chains to, or None."""
    end, changed = at, True
    while changed and end > clause_start:
        changed = False
        while end > clause_start and sh[end - 1] in _QUOTES:
            end -= 1
        word = next((w for w in g.predicates if sh.endswith(w, clause_start, end)), None)
        if word:
            end, changed = end - len(word), True
        for t_start, t_end in times.within(max(clause_start, end - _WINDOW), end):
            if t_end == end:
                end, changed = t_start, True
                break
    if end in ends and end != at:
        return ends[end]
    low = max(clause_start, end - _WINDOW)
    start = next((k + 1 for k in range(end - 1, low - 1, -1) if sh[k] in _STOPS), low)
    for _, t_end in times.within(start, end):
        start = max(start, t_end)
    head = next((h for h in g.head_forms if sh.endswith(h, start, end)), "")
    for m in g.boundaries.finditer(sh, start, end - len(head)):
        start = max(start, m.end())
    k = bisect_right(places, end - len(head)) - 1
    if k >= 0 and places[k] > start:
        start = places[k]
    while start < end and sh[start] in _QUOTES:
        start += 1
    if start >= end:
        return None
    if not head and end - start > 10:
        start = end - 10
    return start, end


def _after(
    sh: str, g: _Grammar, figure_start: int, at: int, clause_end: int, classifier: bool, predicate: bool = True
) -> tuple[int, int] | None:
    """The noun phrase after the figure ending at ``at``, up to its head noun (or, for a measure word that
    counts things, ``classifier``, up to the first boundary); None if the figure is not followed by one."""
    stop = min(clause_end, at + _WINDOW + 2)
    if at >= stop or sh[at] in _STOPS:
        return None
    m = g.heads.search(sh, at, stop)
    if (g.boundaries.match(sh, at) or any(sh.startswith(w, at) for w in g.predicates)) and not (m and m.start() == at):
        return None
    if (
        m
        and m.start() == at
        or (m and not any(c in _STOPS for c in sh[at : m.start()]) and not g.boundaries.search(sh, at, m.start()))
    ):
        noun_end = _bracketed(sh, m.end(), clause_end)
        return at, _predicate_after(sh, g, figure_start, noun_end, clause_end) if predicate else noun_end
    if not classifier:
        return None
    end = at
    while end < stop and sh[end] not in _STOPS and not g.boundaries.match(sh, end):
        end += 1
    return (at, _bracketed(sh, end, clause_end)) if 0 < end - at <= 6 else None


def _predicate_after(sh: str, g: _Grammar, at: int, end: int, clause_end: int) -> int:
    """``end``, moved past a short predicate that ends the phrase at punctuation: the count is of those who
    did it (9個貧困村退出、2315名貧困人口脫貧), or had it done to them (對2個駐村工作隊進行了通報批評); not
    when the count is a place others act in (到25個貧困村駐村)."""
    if any(w in sh[max(0, at - 4) : at] for w in g.locatives):  # 到全縣38個貧困村駐村: a scope word between
        return end
    light = next((w for w in g.light_verbs if sh.startswith(w, end)), "")
    stop = next((k for k in range(end, min(clause_end, end + len(light) + 5)) if sh[k] in _STOPS), clause_end)
    rest = sh[end + len(light) : stop]
    if not 0 < len(rest) <= 4 or (stop < clause_end and sh[stop] not in _PUNCTUATION):
        return end
    if any(c in _QUOTES for c in rest) or rest.startswith(g.attributive):
        return end
    if g.boundaries.match(rest) or rest.startswith(tuple(w for w in g.predicates if len(w) > 1)):
        return end
    return stop


def _bracketed(sh: str, end: int, clause_end: int) -> int:
    """``end``, moved past a short bracketed part of the noun that follows it (縣（區）)."""
    m = compiled(r"（[^（）]{1,3}）").match(sh, end, clause_end)
    return m.end() if m else end


def _next_head(article: Article, g: _Grammar, f: Figure) -> str:
    """The first head noun after the figure in its clause (對5個幫扶不力的市直單位…); empty if none."""
    at = f.figure_span.end
    m = g.heads.search(article.shadow, at, min(f.span.end, at + _WINDOW))
    return _clean(article, (m.start(), m.end())) if m else ""


def _ellipsis(article: Article, ex: Extraction, f: Figure, nouns: dict[str | None, tuple[int, str]]) -> str:
    """The noun of the last earlier figure of the sentence in the same unit; empty if none."""
    sentence_start, noun = nouns.get(f.unit_concept, (-1, ""))
    return noun if sentence_start == sentence_of(article, f.figure_span.start).start else ""


def _as_households(counted: str, unit: str, g: _Grammar) -> str:
    """The noun of a coordinated people count, as households: its head replaced by the household measure word."""
    hans = to_hans(counted)
    for head in g.household_heads:
        if hans.endswith(head):
            return counted[: -len(head)] + unit
    return counted


def name_funding_items(article: Article, lexicon: Lexicon, ex: Extraction) -> None:
    r"""Let the amount of each funding standard count the standard's item, read as a noun phrase that ends
    with the item where the text prints it (安排第一書記工作經費 → 第一書記工作經費).

    Examples
    --------
    >>> from kg.extract import extract_text
    >>> page = "青崖县扶贫\n2016年12月13日\n"
    >>> ex = extract_text(page + "县财政按每人每年5000元标准安排“第一书记”工作经费。")
    >>> ex.figures[0].counted  # a quote mark that is not paired is left out
    '第一书记工作经费'
    """
    g, sh = _grammar(lexicon), article.shadow
    times = _Times([(p.span.start, p.span.end) for p in article_periods(article, lexicon)])
    for fs in ex.funding:
        if fs.figure is None or not fs.item:
            continue
        at = sh.find(to_hans(fs.item), fs.span.start, fs.span.end)
        phrase = _before(sh, g, times, fs.span.start, at + len(fs.item), {}, []) if at >= 0 else None
        item = _clean(article, phrase) if isinstance(phrase, tuple) else fs.item
        ex.figures[fs.figure].counted = item
