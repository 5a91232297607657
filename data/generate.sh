#!/usr/bin/env bash
# Regenerates every generated file under data/demo/ and test/fixtures/media/, then checks them.
#   bash data/generate.sh
# Needs: python3, espeak-ng (libespeak-ng.so.1), ffmpeg + ffprobe, fonts-dejavu for the picture text.
# (Debian: apt-get install espeak-ng ffmpeg fonts-dejavu-core)
# The outputs are committed, so neither tests nor CI need these tools.
# Deterministic: the same inputs give the same transcripts, timings and translations; ffmpeg
# runs single-threaded with bitexact flags, so media bytes repeat on the same ffmpeg build.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in python3 ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

# Test fixture: 6 sentences, two alternating voices, ~16 s, 160x120 @ 10 fps.
python3 data/scripts/build_media.py data/scripts/fixture-talk.json test/fixtures/media talk

# Demo: fictional recorded statement, English transcript with word timings,
# Ukrainian and Russian translation tracks (texts in data/demo/script.json).
python3 data/scripts/build_media.py data/demo/script.json data/demo statement

# Transcripts, translations, media, article anchors and annotations agree.
python3 data/scripts/check.py
