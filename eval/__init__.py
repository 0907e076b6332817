"""The evaluation set: dev articles and gold annotations that ``kg eval`` scores the extractor against."""
