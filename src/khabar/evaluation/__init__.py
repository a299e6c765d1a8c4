"""Measure khabar against gold data: P/R/F1 per stage."""
