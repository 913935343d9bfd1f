#!/usr/bin/env bash
# Creates the demo database on first run, then serves Tongxin with the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1 host=$2 port=$3
mkdir -p "$(dirname "$db")"
pwfile="$(dirname "$db")/demo-password.txt"
if [ ! -f "$db" ]; then
  echo "Creating $db with the demo street and communities..."
  pw=$(./build/tongxin demo --db "$db" | tee /dev/stderr | sed -n 's/.*(password: \(.*\)):/\1/p')
  ( umask 077; echo "$pw" > "$pwfile" )
fi
echo
echo "Tongxin: http://$host:$port/"
if [ -f "$pwfile" ]; then
  echo "Demo accounts: admin angong nanshan liaison mediator treasurer leader resident auditor"
  echo "Password:      $(cat "$pwfile")   (kept in $pwfile)"
fi
echo
# Links and QR codes use the configured address (set TONGXIN_PUBLIC_URL to the one phones reach).
exec ./build/tongxin serve --db "$db" --host "$host" --port "$port" --web web/dist \
  --public-url "${TONGXIN_PUBLIC_URL:-http://$host:$port}"
