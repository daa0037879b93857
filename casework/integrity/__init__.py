"""Proof that nothing changed unseen: verification, signed checkpoints, audit export,
backups and restore."""
