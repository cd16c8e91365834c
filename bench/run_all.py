"""Run every bench/bench_*.py in turn (each prints its own results)."""

import subprocess
import sys
from pathlib import Path

status = 0
for script in sorted(Path(__file__).parent.glob("bench_*.py")):
    print(f"\n=== {script.name} ===", flush=True)
    status |= subprocess.call([sys.executable, str(script)])
sys.exit(status)
