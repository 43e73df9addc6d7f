"""Plan + registry → the resolved document: names looked up, numbers computed, text final."""
