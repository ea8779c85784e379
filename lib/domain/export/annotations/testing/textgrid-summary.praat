# Reads a TextGrid, prints its tiers and non-empty intervals to the Info
# window (stdout under "praat --run"), and saves it again in the long and
# the short text format, so a test can check what Praat understood and
# compare Praat's own files with ours.
#
#   praat --run textgrid-summary.praat in.TextGrid long-copy.TextGrid short-copy.TextGrid

form Summarise a TextGrid
  sentence textGrid
  sentence longCopy
  sentence shortCopy
endform

Read from file: textGrid$
duration = Get total duration
tiers = Get number of tiers
writeInfoLine: "duration ", fixed$(duration, 6)
appendInfoLine: "tiers ", tiers
for tier to tiers
  name$ = Get tier name: tier
  intervals = Get number of intervals: tier
  appendInfoLine: "tier ", tier, " """, name$, """ ", intervals, " intervals"
  for interval to intervals
    label$ = Get label of interval: tier, interval
    if label$ <> ""
      start = Get start time of interval: tier, interval
      end = Get end time of interval: tier, interval
      appendInfoLine: "  ", fixed$(start, 6), " ", fixed$(end, 6), " ", label$
    endif
  endfor
endfor
Save as text file: longCopy$
Save as short text file: shortCopy$
