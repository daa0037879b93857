"""The kernel's vocabulary: entities, permissions, errors, events, ports, and the pure rules
on text, images and face quality. Imports nothing else of casework."""
