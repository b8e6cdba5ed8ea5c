"""Dates: expressions in the text, resolved against the article's own date."""
