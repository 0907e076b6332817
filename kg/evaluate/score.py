"""Scores: how many gold and predicted items matched, per category and article, and the report of them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from kg.evaluate.figures import FigureDetail

__all__ = ["CATEGORIES", "ArticleScores", "Report", "Score"]

#: The categories ``kg eval`` scores, in the order it prints them.
CATEGORIES = [
    "documents",
    "figures",
    "funding_standards",
    "roles",
    "organizations",
    "persons",
    "places",
    "responsibility_lists",
    "actions",
    "programmes",
]


@dataclass
class Score:
    """The counts of one category: gold items, predicted items, and the pairs of them that match.

    Parameters
    ----------
    gold
        Items the gold annotation lists.
    predicted
        Items the graph states.
    matched
        Predicted items matched one-to-one with a gold item (at most ``gold`` and at most ``predicted``).

    Examples
    --------
    >>> s = Score(gold=4, predicted=5, matched=3)
    >>> s.precision, s.recall
    (0.6, 0.75)
    >>> s += Score(gold=1, predicted=0, matched=0)
    >>> s
    Score(gold=5, predicted=5, matched=3)
    >>> Score().precision, Score().recall  # nothing to find and nothing found: perfect
    (1.0, 1.0)
    """

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        """The share of predicted items that match a gold item; 1.0 if nothing was predicted."""
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """The share of gold items that a predicted item matches; 1.0 if the gold lists none."""
        return self.matched / self.gold if self.gold else 1.0

    def __iadd__(self, other: Score) -> Score:
        """Add ``other``'s counts to these (micro-averaging)."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        return self


@dataclass
class ArticleScores:
    """One article's scores: a :class:`Score` per category, and what its matched figures say.

    Examples
    --------
    >>> a = ArticleScores({c: Score(1, 1, 1) for c in CATEGORIES}, FigureDetail(matched=1, counted_right=1))
    >>> a.scores["figures"].recall, a.figures.rate("counted_right")
    (1.0, 1.0)
    """

    scores: dict[str, Score]
    figures: FigureDetail = field(default_factory=FigureDetail)


#: The rows of the figure table: its label, and how to read the value from a :class:`FigureDetail`.
FIGURE_ROWS = (
    ("counted right", lambda d: (d.counted_right, d.matched, d.rate("counted_right"))),
    ("counted mean F1", lambda d: (None, d.matched, d.mean_counted_f1)),
    ("status right", lambda d: (d.status_right, d.matched, d.rate("status_right"))),
    ("time right", lambda d: (d.time_right, d.timed, d.time_rate)),
    ("time spurious", lambda d: (d.time_spurious, d.matched - d.timed, None)),
    ("links found", lambda d: (d.links_matched, d.links_gold, d.links_matched / d.links_gold if d.links_gold else 1.0)),
    ("links right", lambda d: (d.links_matched, d.links_predicted, None)),
)


@dataclass
class Report:
    """The scores of each article, category by category, and their micro-average; what ``kg eval`` prints.

    Parameters
    ----------
    per_article
        For each article (by its gold file's name, without ``.json``), a :class:`Score` per category of
        :data:`CATEGORIES`, as :func:`evaluate` returns them.

    See Also
    --------
    evaluate_files : Makes the report from gold files.

    Examples
    --------
    >>> report = Report({"a": {c: Score(2, 2, 1) for c in CATEGORIES}, "b": {c: Score(2, 0, 0) for c in CATEGORIES}})
    >>> report.micro["roles"]
    Score(gold=4, predicted=2, matched=1)
    >>> for line in report.text().splitlines()[:2]:
    ...     print(line)
    article                    category              gold  pred match      P      R
    a                          documents                2     2     1  0.500  0.500
    >>> import json
    >>> json.loads(report.to_json())["micro-average"]["roles"]
    {'gold': 4, 'predicted': 2, 'matched': 1, 'precision': 0.5, 'recall': 0.25}
    """

    per_article: dict[str, dict[str, Score]] = field(default_factory=dict)
    figures: dict[str, FigureDetail] = field(default_factory=dict)

    def add(self, name: str, scores: ArticleScores) -> None:
        """Add one article's scores under ``name``."""
        self.per_article[name] = scores.scores
        self.figures[name] = scores.figures

    @property
    def micro_figures(self) -> FigureDetail:
        """What the matched figures say, summed over the articles."""
        total = FigureDetail()
        for d in self.figures.values():
            total += d
        return total

    @property
    def micro(self) -> dict[str, Score]:
        """The micro-average: each category's counts summed over the articles."""
        total = {c: Score() for c in CATEGORIES}
        for scores in self.per_article.values():
            for c, s in scores.items():
                total[c] += s
        return total

    def text(self) -> str:
        """The report as a table: one row per article and category, then the micro-average if there are several."""
        rows = [f"{'article':<26} {'category':<20} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6}"]
        blocks = list(self.per_article.items())
        if len(blocks) > 1:
            blocks.append(("micro-average", self.micro))
        for name, scores in blocks:
            for c in CATEGORIES:
                s = scores[c]
                rows.append(
                    f"{name:<26} {c:<20} {s.gold:>5} {s.predicted:>5} {s.matched:>5} "
                    f"{s.precision:>6.3f} {s.recall:>6.3f}"
                )
        if self.figures:
            rows += ["", f"{'article':<26} {'what figures say':<20} {'right':>5} {'of':>5} {'share':>6}"]
            details = list(self.figures.items())
            if len(details) > 1:
                details.append(("micro-average", self.micro_figures))
            for name, d in details:
                for label, read in FIGURE_ROWS:
                    right, total, share = read(d)
                    rows.append(
                        f"{name:<26} {label:<20} {'' if right is None else right:>5} {total:>5} "
                        f"{'' if share is None else f'{share:.3f}':>6}"
                    )
        return "\n".join(rows)

    def to_json(self) -> str:
        """The report as JSON: counts, precision and recall per article and category, and the micro-average."""
        data = {
            name: {
                c: {
                    "gold": s.gold,
                    "predicted": s.predicted,
                    "matched": s.matched,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                }
                for c, s in scores.items()
            }
            for name, scores in [*self.per_article.items(), ("micro-average", self.micro)]
        }
        for name, d in [*self.figures.items(), ("micro-average", self.micro_figures)]:
            if name in data and self.figures:
                data[name]["figure_meaning"] = {
                    **{k: round(v, 4) if isinstance(v, float) else v for k, v in vars(d).items()},
                    "counted_right_share": round(d.rate("counted_right"), 4),
                    "counted_mean_f1": round(d.mean_counted_f1, 4),
                    "status_right_share": round(d.rate("status_right"), 4),
                    "time_right_share": round(d.time_rate, 4),
                }
        return json.dumps(data, ensure_ascii=False, indent=2)
