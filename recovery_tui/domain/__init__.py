"""Pure rules and models: no Textual, no TinyDB, time always passed in."""
