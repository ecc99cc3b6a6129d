"""Interfax-Ukraine (interfax.com.ua) crawler."""

__version__ = "0.1.0"
