"""Actor phrases and their resolution to PLOVER country and sector (the cascade)."""
