"""Qt item models: adapters over the services' read models."""
