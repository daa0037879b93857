"""`python -m athar.app.cli`: the same as the `athar` command."""

import sys

from athar.app.cli import main

sys.exit(main())
