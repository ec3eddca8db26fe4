"""Measuring extraction against a development set: the body metric, the data, the report."""
