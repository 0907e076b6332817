"""Programmes, campaigns and slogans: quoted names, names ending in a programme head, 一X一Y idioms.

The genre names its programmes in quotation marks (“五個一”, “四張藍圖”) or by a name ending
in a programme head of the lexicon (…工程, …戰略, …制度). Not every quotation is a
programme: a form the lexicon knows as a role or list, a quoted grade (“好”“較好”), an
honour title after a rating verb and a quotation without Chinese characters are left out.
"""

from __future__ import annotations

import re

from kg.ingest import Article
from kg.lexicon import CJK, Lexicon, compiled
from kg.span import Span
from kg.text import to_hans

from .context import inside, quoted, titles
from .records import Extraction, Mention, Programme

__all__ = ["find_programmes"]


def find_programmes(article: Article, lexicon: Lexicon, ex: Extraction, mentions: list[Mention]) -> None:
    r"""Add the programmes, campaigns and slogans to ``ex.programmes``: quoted ones first, then unquoted.

    A paragraph's lead motto (握緊拳頭、精准發力) goes with the paragraph's first quoted name. A name is
    added once (a quoted name again only with a motto).

    Parameters
    ----------
    article, lexicon : Article, Lexicon
        The article, and the lexicon that gives the programme heads and the forms that are not programmes.
    ex : Extraction
        Receives the :class:`~kg.extract.records.Programme` records.
    mentions : list of Mention
        The resolved mentions (:func:`~kg.extract.mentions.tag`): a quotation inside a role or list is not one.

    Examples
    --------
    >>> from kg.extract.mentions import tag
    >>> from kg.ingest import parse_article
    >>> from kg.lexicon import load_lexicon
    >>> text = "握紧拳头、精准发力，实施“五个一”工程，推进一村一品，实施精准扶贫战略，评为“好”等次。"
    >>> article, lexicon, ex = parse_article("标题\n2016年12月13日\n" + text + "\n"), load_lexicon(), Extraction()
    >>> find_programmes(article, lexicon, ex, tag(article, lexicon, ex))
    >>> [(p.name, p.quoted, p.motto) for p in ex.programmes]
    [('五个一', True, '握紧拳头、精准发力'), ('精准扶贫战略', False, None), ('一村一品', False, None)]
    """
    taken = {m.span for m in mentions if m.kind in ("role", "list")}
    known = {
        f for scheme in ("roles", "list-kinds", "benefit-kinds", "organisation-kinds") for f, _ in lexicon.forms(scheme)
    }
    seen = set()
    ratings = [f for f, c in lexicon.forms("action-types") if c.key.endswith(("rating", "commendation"))]
    scales = [f for f, c in lexicon.forms("quote-contexts") if c.key.endswith("grade-scale")]
    # “好”“較好”“一般”“差”四個等次: quoted grades of a scale
    grade = lexicon.pattern("pattern-grade-list", scales="|".join(map(re.escape, scales)))
    quotes = quoted(article)
    for q in quotes:
        inner = article.shadow[q.start : q.end]
        if (
            inner in known
            or any(t.start <= q.start and q.end <= t.end for t in taken)
            or not compiled(f"[{CJK}]").search(inner)
        ):
            continue
        name = article.clean[q.start : q.end]
        if (
            not 2 <= len(name) <= 30
            or _after_rating(article.shadow, q.start - 1, ratings)
            or grade.match(article.shadow, q.end + 1)
        ):
            continue  # 「長」 is wordplay, “好” a grade, 被評為「優秀…」 an honour title: none is a programme
        motto = motto_span = None
        para = next((p for p in article.paragraphs if p.start <= q.start < p.end), None)
        if para:
            lead = compiled(rf"([{CJK}]{{2,6}}、[{CJK}]{{2,6}})[,，]").match(
                article.clean[para.start : para.start + 20]
            )
            first_q = next((x for x in quotes if para.start <= x.start < para.end), None)
            if lead and first_q == q:
                motto, motto_span = lead[1], Span(para.start, para.start + len(lead[1]))
        if name in seen and not motto:
            continue
        seen.add(name)
        ex.programmes.append(Programme(Span(q.start - 1, q.end + 1), name, True, motto, motto_span))
    _unquoted_programmes(article, lexicon, ex, quotes, seen)


def _after_rating(sh: str, quote_mark: int, ratings: list[str]) -> bool:
    """Whether a rating verb (評為, 被評為) stands just before the quotation mark, a level word (省級) between."""
    before = sh[max(0, quote_mark - 6) : quote_mark]
    return any(re.search(re.escape(f) + rf"[{CJK}]{{0,3}}$", before) for f in ratings)


def _unquoted_programmes(
    article: Article, lexicon: Lexicon, ex: Extraction, quotes: list[Span], seen: set[str]
) -> None:
    """Programmes named without quotes: a name ending in a programme head of the lexicon (…制度, …工程,
    …戰略, …攻堅戰, 庭院經濟) after a verb such as 實施 or 建立; and idioms of the form 一X一Y (一村一品)."""
    sh = article.shadow
    heads = [f for f, _ in lexicon.forms("programme-heads")]
    cuts = lexicon.words("boundary-programme-name")
    followers = lexicon.characters("chars-programme-head-followers")
    quoted_names = {to_hans(p.name) for p in ex.programmes}
    names = titles(article)
    found: list[tuple[int, int]] = []
    for z in [article.meta["title"], *article.paragraphs]:
        for m in re.finditer("|".join(map(re.escape, heads)), sh[z.start : z.end]):
            end = z.start + m.end()
            if end < len(sh) and compiled(f"[{CJK}]").match(sh[end]) and sh[end] not in followers:
                continue  # the head is part of a longer word: 活動室
            start = end - len(m.group())
            while start > z.start and end - start < 24 and compiled(f"[{CJK}“”]").match(sh[start - 1]):
                start -= 1
            body = sh[start : end - len(m.group())]
            cut = max([body.rfind(w) + len(w) for w in cuts if w in body] or [0])
            if not cut and start > z.start and compiled(f"[{CJK}“”]").match(sh[start - 1]):
                continue  # no boundary found within reach: not a name we can delimit
            found.append((start + cut, end))
        for m in compiled(rf"一[{CJK}]一[{CJK}]").finditer(sh[z.start : z.end]):
            found.append((z.start + m.start(), z.start + m.end()))
    for start, end in found:
        hans = sh[start:end].lstrip("”")
        start = end - len(hans)
        bare = re.sub(r"“[^”]*”", "", hans)
        if (
            len(hans) < 4
            or hans.count("“") != hans.count("”")
            or inside(Span(start, end), names)
            or inside(Span(start, end), quotes)
        ):
            continue
        if bare in heads or re.sub("[“”]", "", hans).replace(bare, "") in quoted_names and len(bare) <= 4:
            continue  # “微信+”模式, “走基層、送溫暖”活動: the quoted name is the programme
        name = article.clean[start:end]
        if name in seen:
            continue
        seen.add(name)
        ex.programmes.append(Programme(Span(start, end), name, False))
