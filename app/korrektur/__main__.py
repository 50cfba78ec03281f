"""Allow ``python -m korrektur``."""

import sys

from korrektur.cli import main

sys.exit(main())
