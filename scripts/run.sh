#!/usr/bin/env bash
# Set up, build, and run Fenci's main job with the built-in dictionary: segment the seed
# articles. Any arguments replace the job: `bash scripts/run.sh serve --stdio`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift build -c release --product fenci >&2
if (($#)); then
    exec .build/release/fenci "$@"
fi
exec .build/release/fenci tokenize seeds/*.txt
