"""Face model adapters: detection, alignment and embedding backends behind casework ports."""
