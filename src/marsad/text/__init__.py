"""The Arabic text core: normalisation with offsets, sentences, tokens and clitic analyses."""

from marsad.text.normalize import normalize, normalize_phrase
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import analyze, entry_keys, tokenize

__all__ = ["analyze", "entry_keys", "normalize", "normalize_phrase", "split_sentences", "tokenize"]
