#!/usr/bin/env bash
# Installs Debian's Chromium and the WenQuanYi Micro Hei CJK font (without it Chinese renders as boxes).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium fonts-wqy-microhei \
  || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium fonts-wqy-microhei; }
