"""Article fields, one registry for both paths: the registry lists every field and its sources,
the assembler reads it, the lexicon holds the word lists the field rules share."""
