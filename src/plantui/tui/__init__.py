"""The Textual interface: the only package of plantui that imports Textual."""
