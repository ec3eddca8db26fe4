"""One fallback chain per field; each chain is a list of (source, reader) steps, tested as a table."""
