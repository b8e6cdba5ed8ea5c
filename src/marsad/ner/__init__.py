"""The statistical named-entity tagger: a CRF trained on ANERcorp and NewsFANE Gold.

``Tagger.load().tag(tokens)`` gives one BIO tag a token (``B-PERS``, ``I-PERS``, ``B-ORG``,
``B-LOC``, ``B-MISC`` …) and :func:`spans` turns tags into ``(start, end, type)`` token ranges.
The model ships in ``data/`` (see its README.md for sources, licences and how it was trained);
``marsad ner-train`` rebuilds it. Importing this package reads nothing and does not import
python-crfsuite.
"""

from marsad.ner.tagger import Tagger, spans

__all__ = ["Tagger", "spans"]
