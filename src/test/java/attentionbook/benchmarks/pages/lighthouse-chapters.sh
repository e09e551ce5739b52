#!/bin/sh
# Lighthouse (mobile, simulated throttling) on every chapter of a running book, one line a chapter.
# Usage: lighthouse-chapters.sh http://localhost:PORT [OUTDIR]   (needs `npm i -g lighthouse`)
base=${1:?give the book address, e.g. http://localhost:7070}
out=${2:-target/lighthouse}
mkdir -p "$out"
for slug in $(curl -s "$base/" | grep -o 'href="/chapters/[^"]*"' | sed 's|href="/chapters/||;s|"||' | sort -u); do
  CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} lighthouse "$base/chapters/$slug" --only-categories=performance \
    --chrome-flags="--headless --no-sandbox" --output=json --output-path="$out/$slug.json" --quiet >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]); const a = r.audits; const ms = (k) => Math.round(a[k].numericValue);
    console.log(process.argv[2].padEnd(24), "performance", r.categories.performance.score, "TBT", ms("total-blocking-time"),
      "FCP", ms("first-contentful-paint"), "LCP", ms("largest-contentful-paint"), "CLS", a["cumulative-layout-shift"].numericValue.toFixed(3));
  ' "$(realpath "$out/$slug.json")" "$slug"
done
