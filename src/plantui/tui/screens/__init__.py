"""The screens of the plantui app, one module each."""
