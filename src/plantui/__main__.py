"""Allow ``python -m plantui``."""

import sys

from plantui.cli.main import main

sys.exit(main())
