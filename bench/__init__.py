"""Benchmark scripts (`make bench`): timings are measurements to read, never test assertions."""
