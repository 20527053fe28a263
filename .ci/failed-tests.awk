# Prints the name of each failed test in a .trx file and the first lines of its message (used by test.sh).
function unescape(s) { gsub(/&#xD;/, "", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s); return s }
/<UnitTestResult / {
    failed = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
    if (failed) { name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); print "FAILED " unescape(name); shown = 0 }
    next
}
failed && /<Message>/ { inmsg = 1; sub(/.*<Message>/, "") }
failed && inmsg {
    line = $0; done = sub(/<\/Message>.*/, "", line)
    if (shown < 12) print "    " unescape(line); else if (shown == 12) print "    ..."
    shown++
    if (done) { inmsg = 0; failed = 0 }
}
