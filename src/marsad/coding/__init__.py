"""Event coding: trigger lexicon, clause structure and argument rules (language data in lang/)."""
