"""Built-in rule plugins, one module per category."""
