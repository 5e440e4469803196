# Sourced by bench/delivery.sh.
# The bulk load is a weekly digest, a type the bench adds through configuration: a short subject and a body of about
# 0.7 KB of text, plus its HTML: 2.2 KB on the wire, like smtp-source's 2,000 bytes. (Until 2026-11 the bench put the
# filler in report-submitted's report name, making a 1.4 KB Subject that MimeKit folds into twenty encoded lines: no
# real notification looks like that, and folding it was 7 % of the delivery CPU.)
T=--Herald:Catalogue:weekly-digest
DIGEST=("$T:Category=digests" "$T:OptOut=true" "$T:Priority=bulk" "$T:TimeToLive=3.00:00:00"
  "$T:Fields:week:Required=true" "$T:Fields:summary:Required=true"
  "$T:Subject=Your digest for week {{ week }}"
  "$T:Text=Here is what happened in week {{ week }}:

{{ summary }}
"
  "$T:Html=<p>Here is what happened in week {{ week }}:</p><pre>{{ summary }}</pre>")
