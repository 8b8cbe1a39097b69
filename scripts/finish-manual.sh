#!/usr/bin/env bash
# Finishes, in place, the man page swift-argument-parser's generate-manual wrote from the
# commands' help (make manual, for make install and make test). The generator puts the whole
# top-level help into DESCRIPTION and ends with a generic EXIT STATUS (".Ex -std": ">0 if an
# error occurs"), and mandoc -T lint warns about its blank lines and run-on sentences, so:
# - each paragraph of the help headed in capitals ("FILES. ...") becomes a section of its
#   own, after DESCRIPTION, and one line of it a paragraph; "EXIT STATUS." (one "code:
#   meaning" a line) becomes the EXIT STATUS section, a list of every code, and EXAMPLES comes
#   after it, in mdoc's conventional order;
# - a blank line (a paragraph break of the help) becomes .Pp, unless a list macro follows,
#   which breaks the paragraph itself (a .Pp of the generator's there is dropped too);
# - each sentence of a text line starts a line of its own, as mdoc wants, so man knows where
#   a sentence ends; a line that would start with a dot or an apostrophe is escaped.
set -euo pipefail
page=$1
trap 'rm -f "$page.tmp"' EXIT
awk '
  # A text line, one sentence a line.
  function text(line,    pieces, sentence, i) {
    gsub(/[.?!] +/, "&\n", line)
    pieces = split(line, sentence, "\n")
    for (i = 1; i <= pieces; i++) {
      sub(/ +$/, "", sentence[i])
      if (sentence[i] ~ /^[.\047]/) sentence[i] = "\\&" sentence[i]
      print sentence[i]
    }
  }
  # A section gathered from the help: its first line as a paragraph, each further line one more.
  function section(name,    i) {
    print ".Sh \"" name "\""
    for (i = 1; i <= count[name]; i++) {
      if (i > 1) print ".Pp"
      text(lines[name, i])
    }
  }
  # First pass: the headed paragraphs, each from its heading to the blank or macro line after it.
  NR == FNR {
    if (match($0, /^[A-Z][A-Z ]+\.( |$)/)) {
      name = substr($0, 1, RLENGTH)
      sub(/\. ?$/, "", name)
      names[++sections] = name
      count[name] = 0
      $0 = substr($0, RLENGTH + 1)
      if ($0 == "") next
    } else if ($0 == "" || $0 ~ /^\./) name = ""
    if (name != "") lines[name, ++count[name]] = $0
    next
  }
  # Second pass: the page, without those paragraphs (nor the paragraph break before them).
  /^[A-Z][A-Z ]+\.( |$)/ { skipping = 1; held = ""; next }
  skipping && $0 != "" && $0 !~ /^\./ { next }
  { skipping = 0 }
  /^(\.Pp)?$/ { held = ".Pp"; next }
  {
    if (held != "" && $0 !~ /^\.(It|Bl|El|Sh|Ss|Pp)( |$)/) print held
    held = ""
  }
  /^\.Sh "EXIT STATUS"$/ {
    for (i = 1; i <= sections; i++) if (names[i] != "EXIT STATUS" && names[i] != "EXAMPLES") section(names[i])
    print
    next
  }
  /^\.Ex -std$/ {
    print ".Bl -tag -width Ds"
    for (i = 1; i <= count["EXIT STATUS"]; i++) {
      split(lines["EXIT STATUS", i], parts, ": ")
      print ".It " parts[1]
      text(substr(lines["EXIT STATUS", i], length(parts[1]) + 3))
    }
    print ".El"
    if ("EXAMPLES" in count) section("EXAMPLES")
    placed = 1
    next
  }
  /^[^.\047]/ { text($0); next }
  { print }
  END {
    if (!("EXIT STATUS" in count) || !placed) { print "finish-manual: no EXIT STATUS paragraph, or no .Ex -std to put it in" > "/dev/stderr"; exit 1 }
  }
' "$page" "$page" >"$page.tmp"
mv "$page.tmp" "$page"
