"""The genre lexicon, gazetteer and repair table, read from the shipped Turtle files.

The lexicon (``lexicon.ttl``) is the extractor's knowledge of the genre, as SKOS concepts
in schemes (roles, document kinds, units …); the gazetteer (``gazetteer.ttl``) lists the
administrative divisions the articles name; the repair table (``repairs.ttl``) lists the
characters pages lose and the misprints they make. :func:`load_lexicon` reads the three
into one :class:`Lexicon`.

The extractor asks this module, never a Python list, what counts as a role, a
document kind, a unit, a verb, a time phrase or a boundary word. Every surface
form is indexed in Simplified script, which is how the extractor matches (see
:func:`kg.text.shadow`). The lexicon's grammar section holds the words,
character classes and phrase patterns the rules read, each entry named by its
local name (``word-subset``, ``pattern-date-line`` …).

Examples
--------
>>> lexicon = load_lexicon()
>>> lexicon.words("word-range")
['至', '到']
>>> lexicon.pattern("pattern-document-year").search("2017年").group(1)
'2017'
"""

from kg.lexicon.entries import Concept, Lexicon, Place
from kg.lexicon.load import load_lexicon
from kg.lexicon.patterns import CJK, alternation, compiled

__all__ = ["CJK", "Concept", "Lexicon", "Place", "alternation", "compiled", "load_lexicon"]
