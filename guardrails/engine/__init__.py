"""The declarative rule engine: packs of data rules over a closed set of check kinds."""
