# Test helper (see tests/bomb.py): with GRAPHX_TEST_BOMB set, graphx's pipelines misbehave on marked reports.
import os

if os.environ.get("GRAPHX_TEST_BOMB"):
    import tests.bomb

    tests.bomb.patch()
