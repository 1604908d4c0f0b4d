"""The time model: find time expressions, resolve them against the publication date, link them to events."""
