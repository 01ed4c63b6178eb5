"""Exchange Ledger: who claimed what about Russia–Ukraine exchanges of bodies and prisoners."""

__version__ = "0.1.0"
